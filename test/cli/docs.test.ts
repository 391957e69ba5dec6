import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { RULES } from '@connlint/server';
import { repoRoot, runCli } from '../helpers/runCli';

/**
 * The examples of the rule pages are run, so the documentation cannot drift from the tool.
 * Convention: a paragraph that starts with a backticked path (`apps/api.yaml`) names the file
 * of the next fenced block; a fenced block that starts with `$ connlint <args>` is the exact
 * output of that command over the files named since the previous command.
 */
interface Example {
  readonly files: ReadonlyMap<string, string>;
  readonly args: readonly string[];
  readonly output: string;
  readonly line: number;
}

function examplesOf(markdown: string): Example[] {
  const examples: Example[] = [];
  let files = new Map<string, string>();
  let pendingPath: string | undefined;
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const named = /^`([\w./-]+\.(?:ya?ml|json|conf))`/.exec(line);
    if (named) pendingPath = named[1];
    if (!line.startsWith('```')) continue;
    const start = i;
    const body: string[] = [];
    for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
    const command = /^\$ connlint(?: (.*))?$/.exec(body[0] ?? '');
    if (command) {
      examples.push({ files, args: (command[1] ?? '').split(' ').filter(Boolean), output: body.slice(1).join('\n').trim(), line: start + 1 });
      files = new Map();
    } else if (pendingPath !== undefined) {
      files.set(pendingPath, `${body.join('\n')}\n`);
    }
    pendingPath = undefined;
  }
  return examples;
}

const docsDirectory = path.join(repoRoot, 'docs', 'rules');

for (const page of readdirSync(docsDirectory).filter((name) => name.endsWith('.md')).sort()) {
  const examples = examplesOf(readFileSync(path.join(docsDirectory, page), 'utf8'));
  test(`docs/rules/${page}: every example's output is what connlint prints`, () => {
    assert.ok(examples.length > 0, `${page} has no runnable example (a backticked file name before its block, then "$ connlint ." and the output)`);
    for (const example of examples) {
      const folder = mkdtempSync(path.join(tmpdir(), 'connlint-docs-'));
      try {
        for (const [file, text] of example.files) {
          mkdirSync(path.dirname(path.join(folder, file)), { recursive: true });
          writeFileSync(path.join(folder, file), text);
        }
        const result = runCli(example.args, { cwd: folder });
        assert.equal(result.stdout.trim(), example.output, `${page}:${example.line}`);
      } finally {
        rmSync(folder, { recursive: true, force: true });
      }
    }
  });
}

test('every registered rule has its page, titled with its id and stating its default severity; every page is a rule\'s', () => {
  for (const rule of RULES) {
    const page = path.join(docsDirectory, `${rule.id}.md`);
    assert.ok(existsSync(page), `the rule ${rule.id} has no page: write docs/rules/${rule.id}.md (what it finds, why, how to fix, a runnable example)`);
    const [title, , severity] = readFileSync(page, 'utf8').split('\n');
    assert.equal(title, `# ${rule.id}`, `docs/rules/${rule.id}.md: the title is the rule's id`);
    assert.ok(severity?.startsWith(`**Default severity:** ${rule.defaultSeverity}`), `docs/rules/${rule.id}.md: the third line is "**Default severity:** ${rule.defaultSeverity}"`);
  }
  const registered = new Set(RULES.map((rule) => `${rule.id}.md`));
  assert.deepEqual(readdirSync(docsDirectory).filter((name) => name.endsWith('.md') && !registered.has(name)), [], 'pages of no registered rule');
});
