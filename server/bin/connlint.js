#!/usr/bin/env node
'use strict';
require('../out/cli/main.js')
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(`connlint: internal error: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  });
