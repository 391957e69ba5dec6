#!/usr/bin/env node
'use strict';
// The Connlint language server, for any editor that speaks the Language Server Protocol:
//   connlint-language-server --stdio
const { createConnection, ProposedFeatures } = require('vscode-languageserver/node');
const { startServer } = require('../out/lsp/server.js');

startServer(createConnection(ProposedFeatures.all));
