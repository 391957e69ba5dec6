// Bundles the extension for VS Code: dist/extension.js (the client, `vscode` left to the editor)
// and dist/server.js (the language server with every dependency inside). Type checking is `tsc -b`.
//   node scripts/bundle.mjs           minified, with source maps (not shipped: see .vscodeignore)
//   node scripts/bundle.mjs --watch   rebuilds on change
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const watch = process.argv.includes('--watch');

/** @type {import('esbuild').BuildOptions} */
const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  minify: true,
  sourcemap: true,
  logLevel: 'warning',
};

const bundles = [
  { ...common, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...common, entryPoints: ['server/src/lsp/main.ts'], outfile: 'dist/server.js' },
];

if (watch) {
  for (const options of bundles) await (await esbuild.context(options)).watch();
  console.log('bundle: watching for changes');
} else {
  await Promise.all(bundles.map((options) => esbuild.build(options)));
}
