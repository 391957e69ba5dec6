#!/usr/bin/env node
'use strict';
// The Connlint language server, for any editor that speaks the Language Server Protocol:
//   connlint-language-server --stdio
require('../out/lsp/main.js');
