#!/usr/bin/env node
'use strict';
// The Connlint language server, for any editor that speaks the Language Server Protocol:
//   connlint-language-server --stdio
// The bundled server (connlint-server.js) when it is there and up to date, else the compiled tree.
// With CONNLINT_CODE_CACHE set to a directory of the user's own, the bundle starts through V8's
// code cache kept there (see server/src/lsp/codeCache.ts).
const { freshBundle } = require('./bundled.js');

const bundle = freshBundle('connlint-server.js');
if (bundle === undefined) require('../out/lsp/main.js');
else require('../out/lsp/codeCache.js').runBundle(bundle, process.env.CONNLINT_CODE_CACHE);
