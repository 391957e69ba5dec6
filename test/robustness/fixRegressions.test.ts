import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { repoRoot } from '../helpers/runCli';
import { fixViolations } from './fixChecks';

const regressions = path.join(repoRoot, 'test', 'fixtures', 'fuzz-regressions');

test('every saved fuzz input passes the fuzzer\'s fix checks', () => {
  for (const saved of readdirSync(regressions).filter((name) => name !== 'README.md')) {
    const name = saved.endsWith('.conf') ? 'sysctl.d/99-fuzz.conf' : 'manifest.yaml';
    assert.deepEqual(fixViolations({ [name]: readFileSync(path.join(regressions, saved), 'utf8') }), [], saved);
  }
});
