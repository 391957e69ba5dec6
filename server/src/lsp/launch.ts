/**
 * Entry point of the VS Code extension's language server (dist/server.js): runs the server's
 * bundle beside it (dist/connlint-server.js) through V8's code cache in the directory the client
 * names in CONNLINT_CODE_CACHE (see runBundle).
 */
import * as path from 'node:path';
import { runBundle } from './codeCache';

runBundle(path.join(__dirname, 'connlint-server.js'), process.env['CONNLINT_CODE_CACHE']);
