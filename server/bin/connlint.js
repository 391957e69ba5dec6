#!/usr/bin/env node
'use strict';
const { freshBundle } = require('./bundled.js');

// The bundled command line (connlint-cli.js) when it is there and up to date, else the compiled tree.
require(freshBundle('connlint-cli.js') ?? '../out/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(`connlint: internal error: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  });
