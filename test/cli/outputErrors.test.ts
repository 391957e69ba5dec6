import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { webApp } from '../helpers/manifests';
import { cliPath } from '../helpers/runCli';

/** A folder of 400 Services of two pods without affinity: a JSON report far larger than a pipe's buffer. */
function manyFindings(): string {
  const folder = mkdtempSync(path.join(tmpdir(), 'connlint-output-errors-'));
  for (let i = 0; i < 400; i++) writeFileSync(path.join(folder, `app-${i}.yaml`), webApp(2, `web-${i}`));
  return folder;
}

/** The exit code of a child whose standard error is piped, and what it wrote there. */
async function finished(child: ChildProcess): Promise<{ code: number | null; stderr: string }> {
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  return { code, stderr };
}

test('a reader that stops reading (connlint … | head) ends the output quietly, with the findings\' exit code', async () => {
  const folder = manyFindings();
  try {
    const child = spawn(process.execPath, [cliPath, '--format', 'json', folder], { stdio: ['ignore', 'pipe', 'pipe'] });
    let received = 0;
    child.stdout.once('data', (chunk: Buffer) => {
      received = chunk.length;
      child.stdout.destroy();
    });
    assert.deepEqual(await finished(child), { code: 1, stderr: '' });
    assert.ok(received > 0);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});

test('a report that cannot be written (a full disk) is one line on standard error and exit code 2', { skip: !existsSync('/dev/full') && 'no /dev/full here' }, async () => {
  const folder = manyFindings();
  const full = openSync('/dev/full', 'w');
  try {
    const child = spawn(process.execPath, [cliPath, '--format', 'json', folder], { stdio: ['ignore', full, 'pipe'] });
    assert.deepEqual(await finished(child), { code: 2, stderr: 'connlint: cannot write to standard output: no space left on device\n' });
  } finally {
    closeSync(full);
    rmSync(folder, { recursive: true, force: true });
  }
});
