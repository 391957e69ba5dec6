#!/usr/bin/env node
'use strict';
const { statSync } = require('node:fs');
const path = require('node:path');

/**
 * The bundled command line (connlint-cli.js, built by `npm pack` and `npm run bundle`) loads in a
 * fraction of the time of the compiled tree's modules. A compiled tree built after the bundle
 * wins, so that a checkout never runs code older than its last build.
 */
function entryPoint() {
  const bundle = path.join(__dirname, 'connlint-cli.js');
  const bundled = statSync(bundle, { throwIfNoEntry: false });
  if (bundled === undefined) return '../out/cli/main.js';
  const builds = ['../out/.tsbuildinfo', '../out/core/.tsbuildinfo'].map((file) => statSync(path.join(__dirname, file), { throwIfNoEntry: false }));
  return builds.some((build) => build !== undefined && build.mtimeMs > bundled.mtimeMs) ? '../out/cli/main.js' : bundle;
}

require(entryPoint())
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((error) => {
    process.stderr.write(`connlint: internal error: ${error && error.stack ? error.stack : String(error)}\n`);
    process.exitCode = 2;
  });
