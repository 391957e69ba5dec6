import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { test } from 'node:test';
import { webApp } from '../helpers/manifests';
import { cliPath } from '../helpers/runCli';

test('a reader that stops reading (connlint … | head) ends the output quietly, with the findings\' exit code', async () => {
  const folder = mkdtempSync(path.join(tmpdir(), 'connlint-closed-pipe-'));
  try {
    // 400 Services of two pods without affinity: a JSON report far larger than a pipe's buffer.
    for (let i = 0; i < 400; i++) writeFileSync(path.join(folder, `app-${i}.yaml`), webApp(2, `web-${i}`));
    const child = spawn(process.execPath, [cliPath, '--format', 'json', folder], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    let received = 0;
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.stdout.once('data', (chunk: Buffer) => {
      received = chunk.length;
      child.stdout.destroy();
    });
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    assert.ok(received > 0);
    assert.equal(stderr, '');
    assert.equal(code, 1);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
});
