'use strict';
const { statSync } = require('node:fs');
const path = require('node:path');

/**
 * The bundle `name` in this directory (built by `npm pack` and `npm run bundle`), which loads in a
 * fraction of the time of the compiled tree's modules; undefined when there is none, or when the
 * compiled tree was built after it, so that a checkout never runs code older than its last build.
 */
exports.freshBundle = function freshBundle(name) {
  const bundle = path.join(__dirname, name);
  const bundled = statSync(bundle, { throwIfNoEntry: false });
  if (bundled === undefined) return undefined;
  const builds = ['../out/.tsbuildinfo', '../out/core/.tsbuildinfo'].map((file) => statSync(path.join(__dirname, file), { throwIfNoEntry: false }));
  return builds.some((build) => build !== undefined && build.mtimeMs > bundled.mtimeMs) ? undefined : bundle;
};
