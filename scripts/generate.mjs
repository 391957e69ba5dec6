// Writes what the rule registry says into the files that repeat it: package.json's per-rule
// settings, schemas/connlint.schema.json, the README's rule table and docs/suppressing.md's rule
// list (server/src/cli/generatedFiles.ts). Runs after `tsc -b`, from the compiled server.
//   node scripts/generate.mjs           rewrites the files that are out of date, and only those
//   node scripts/generate.mjs --check   writes nothing; exit code 1 naming the files out of date
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const { REGENERATE_HINT, staleFiles, writeGeneratedFiles } = createRequire(import.meta.url)('../server/out/cli/generatedFiles.js');

try {
  if (process.argv.includes('--check')) {
    const stale = staleFiles(root).map((file) => file.path);
    if (stale.length > 0) {
      process.stderr.write(`Out of date with the rule registry: ${stale.join(', ')}. To fix: ${REGENERATE_HINT}.\n`);
      process.exitCode = 1;
    }
  } else {
    for (const file of writeGeneratedFiles(root)) process.stdout.write(`generated ${file}\n`);
  }
} catch (error) {
  process.stderr.write(`generate: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
}
