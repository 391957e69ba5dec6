import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { walk } from '@connlint/server/files';
import { runCli } from '../helpers/runCli';

// Outside the repository, so that its own .gitignore does not apply.
const scratch = mkdtempSync(path.join(tmpdir(), 'connlint-gitignore-case-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

let repositories = 0;
/** A git repository (a `.git` directory is what the walk looks for) holding `files`. */
function repository(files: Readonly<Record<string, string>>): string {
  const root = path.join(scratch, `repo-${++repositories}`);
  mkdirSync(path.join(root, '.git'), { recursive: true });
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const service = 'apiVersion: v1\nkind: Service\nmetadata:\n  name: orders\nspec:\n  selector:\n    app: orders\n';

async function walked(root: string): Promise<string[]> {
  const errors: string[] = [];
  const files = await walk(root, (file) => /\.(ya?ml)$/i.test(file), (message) => errors.push(message));
  assert.deepEqual(errors, []);
  return files.map((file) => path.relative(root, file).split(path.sep).join('/'));
}

test('a *.YAML line in .gitignore hides only names that end in .YAML, as git on Linux reads it', async () => {
  const root = repository({ '.gitignore': '*.YAML\n', 'service.yaml': service, 'LEGACY.YAML': service, 'k8s/deployment.yml': service });
  assert.deepEqual(await walked(root), ['k8s/deployment.yml', 'service.yaml']);
});

test('a directory pattern in another case does not hide the directory', async () => {
  const root = repository({ '.gitignore': 'Build/\n', 'build/service.yaml': service, 'Build/service.yaml': service });
  assert.deepEqual(await walked(root), ['build/service.yaml']);
});

test('the CLI checks the lower-case files that a *.YAML line does not ignore', () => {
  const root = repository({ '.gitignore': '*.YAML\n', 'service.yaml': service });
  const result = runCli(['.'], { cwd: root });
  assert.equal(result.stdout.trimEnd().split('\n').at(-1), '✔ No problems (1 file checked)');
  assert.equal(result.code, 0);
});
