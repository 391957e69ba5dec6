// Bundles the extension for VS Code: dist/extension.js (the client, `vscode` left to the editor)
// and dist/connlint-server.js (the language server with every dependency inside), run by
// dist/server.js (server/src/lsp/launch.ts: through V8's code cache), with dist/analysisWorker.js
// (the server's analysis worker threads) beside them.
// The bundles start from what `tsc -b` compiled (client/out, server/out; `npm run bundle` runs it
// first), not from the TypeScript sources: a module compiled to CommonJS requires a package as it
// is, where esbuild's own reading of `import` statements copies every export of the package into a
// new object in each importing module (yaml's and vscode-languageserver's, a dozen times each),
// which was 4 % of the server's time from spawn to its first diagnostics. The source maps still
// lead to the TypeScript sources, through the compiled files' own maps.
//   node scripts/bundle.mjs           minified, with source maps (not shipped: see .vscodeignore)
//   node scripts/bundle.mjs --watch   rebuilds on change (with `npm run watch` compiling beside it)
// With --cli, bundles only what the npm package runs: server/bin/connlint-cli.js and the language server
// server/bin/connlint-server.js, with server/bin/analysisWorker.js beside them (their worker threads),
// which server/bin/connlint.js and connlint-language-server.js run when present: one file loads in a
// fraction of the time of the compiled tree's modules. `npm pack` builds them; `npm run bundle` too.
// With --action, bundles the GitHub Action instead: action/dist/index.js, committed so that the
// runner needs no install, readable (not minified, no source map) so that its diffs can be reviewed.
//   node scripts/bundle.mjs --action [--outfile FILE]   FILE instead of action/dist/index.js
import * as esbuild from 'esbuild';
import { readFile } from 'node:fs/promises';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const watch = process.argv.includes('--watch');
const action = process.argv.includes('--action');
const cliOnly = process.argv.includes('--cli');
const outfileFlag = process.argv.indexOf('--outfile');
const actionOutfile = outfileFlag === -1 ? 'action/dist/index.js' : process.argv[outfileFlag + 1];

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

/**
 * The yaml library reads `process.env.LOG_TOKENS` for every token it parses and
 * `process.env.LOG_STREAM` for every document it composes, to print them to standard output when
 * set. Each read of process.env is a call into the runtime (about 0.2 µs): a sixth of the time
 * the server spends parsing. In the server, standard output carries the protocol, so that output
 * could only corrupt it: the bundle reads the variables as unset.
 */
const yamlDebugLogsOff = {
  name: 'yaml-debug-logs-off',
  setup(build) {
    build.onLoad({ filter: /[\\/]node_modules[\\/]yaml[\\/]dist[\\/](parse[\\/]parser|compose[\\/]composer)\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source.replace(/\bnode_process\.env\.LOG_(TOKENS|STREAM)\b/g, 'undefined');
      if (contents === source) throw new Error(`${args.path}: yaml no longer reads LOG_TOKENS/LOG_STREAM this way; update scripts/bundle.mjs`);
      return { contents, loader: 'js' };
    });
  },
};

/**
 * The command line finds its rule pages and package.json from its own directory: server/out/cli
 * is three levels below the package root, the bundle's server/bin two.
 */
const cliPackageRoot = {
  name: 'cli-package-root',
  setup(build) {
    build.onLoad({ filter: /[\\/]server[\\/]out[\\/]cli[\\/]packageInfo\.js$/ }, async (args) => {
      const source = await readFile(args.path, 'utf8');
      const contents = source.replace("path.join(__dirname, '..', '..', '..')", "path.join(__dirname, '..', '..')");
      if (contents === source) throw new Error(`${args.path}: PACKAGE_ROOT is no longer computed this way; update scripts/bundle.mjs`);
      return { contents, loader: 'js', resolveDir: path.dirname(args.path) };
    });
  },
};

/** The command line's bundles ship in the npm package: readable stack traces (names kept), no source map. */
const cli = { ...common, minify: false, minifyWhitespace: true, minifySyntax: true, sourcemap: false };
const cliBundles = [
  { ...cli, entryPoints: ['server/out/cli/main.js'], outfile: 'server/bin/connlint-cli.js', plugins: [yamlDebugLogsOff, cliPackageRoot] },
  { ...cli, entryPoints: ['server/out/analysis/analysisWorker.js'], outfile: 'server/bin/analysisWorker.js', plugins: [yamlDebugLogsOff] },
  { ...cli, entryPoints: ['server/out/lsp/main.js'], outfile: 'server/bin/connlint-server.js', plugins: [yamlDebugLogsOff] },
];

/** The action's bundle is committed: its bytes depend on the sources and the esbuild version only. */
const actionBundle = {
  ...common,
  minify: false,
  sourcemap: false,
  legalComments: 'eof',
  banner: { js: '// Connlint GitHub Action, bundled by `npm run bundle:action` from server/src/action/main.ts: do not edit.' },
  entryPoints: ['server/src/action/main.ts'],
  outfile: actionOutfile,
  plugins: [yamlDebugLogsOff],
};

const bundles = action
  ? [actionBundle]
  : cliOnly
    ? cliBundles
    : [
        ...cliBundles,
        { ...common, entryPoints: ['client/out/extension.js'], outfile: 'dist/extension.js', external: ['vscode'] },
        { ...common, entryPoints: ['server/out/lsp/main.js'], outfile: 'dist/connlint-server.js', plugins: [yamlDebugLogsOff] },
        { ...common, entryPoints: ['server/out/lsp/launch.js'], outfile: 'dist/server.js', sourcemap: false },
        { ...common, entryPoints: ['server/out/analysis/analysisWorker.js'], outfile: 'dist/analysisWorker.js', plugins: [yamlDebugLogsOff] },
      ];

if (watch) {
  for (const options of bundles) await (await esbuild.context(options)).watch();
  console.log('bundle: watching for changes');
} else {
  await Promise.all(bundles.map((options) => esbuild.build(options)));
}
