import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import * as ts from 'typescript';
import { repoRoot } from '../helpers/runCli';

/**
 * The packages the core may import: parsing libraries, nothing that reads files or speaks a
 * protocol. vscode-uri parses and joins URIs, the language server's paths (kustomize resolves
 * the paths its files write against them).
 */
const CORE_PACKAGES = new Set(['yaml', 'picomatch', 'vscode-uri']);

const coreDir = path.join(repoRoot, 'server', 'src', 'core');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}

test('the core imports only its own modules and its parsing libraries (its tsconfig has no Node.js types)', () => {
  const outside = sourceFiles(coreDir).flatMap((file) =>
    ts
      .preProcessFile(readFileSync(file, 'utf8'), true, true)
      .importedFiles.map((imported) => imported.fileName)
      .filter((name) => !name.startsWith('.') && !CORE_PACKAGES.has(name))
      .map((name) => `${path.relative(coreDir, file)}: ${name}`),
  );
  assert.deepEqual(outside, []);
});
