import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test } from 'node:test';
import { repositoryRoot } from '../helpers/lspClient';

/**
 * README.md's Neovim snippet, as written, as a user's only configuration: the server attaches to
 * a repository's sysctl.d/*.conf (which Neovim alone calls `conf`), sysctl.conf and YAML files,
 * and the keys it maps are there.
 */

const root = repositoryRoot();
const DRIVER = path.join(root, 'test', 'e2e', 'neovim', 'readme_snippet.lua');
const NEOVIM_TIMEOUT_MS = 60_000;

/** The fenced Lua block of README.md's Neovim paragraph. */
export function readmeNeovimSnippet(readme: string): string {
  const match = /For Neovim [^\n]*\n[^\n]*\n\n```lua\n([\s\S]*?)\n```/.exec(readme);
  assert.ok(match, 'README.md has no ```lua block after "For Neovim"');
  return `${match[1]}\n`;
}

interface Observed {
  filetype: string;
  clients: string[];
  diagnostics: { lnum: number; col: number; end_col: number; code: string; source: string; message: string }[];
  keys: Record<string, boolean>;
}
interface Result {
  error?: string;
  sysctl_d?: Observed;
  sysctl_conf?: Observed;
  yaml?: Observed;
}

const TYPO = 'net.ipv4.tcp_keepalive_tme';
const TYPO_MESSAGE = `${TYPO} is not one of the 92 net.ipv4.tcp_* keys of Linux 6.18; the closest is net.ipv4.tcp_keepalive_time (1 edit away). The node skips it.`;

let skip: string | false = false;
let result: Result = {};
let report = '';
let temp: string;

before(async () => {
  const version = /^NVIM v(\d+)\.(\d+)/m.exec(spawnSync('nvim', ['--version'], { encoding: 'utf8' }).stdout ?? '');
  if (version === null || (Number(version[1]) === 0 && Number(version[2]) < 7)) {
    skip = 'Neovim 0.7 or later is not installed: run scripts/install-e2e-deps.sh as root';
    if (process.env['CI']) throw new Error(skip);
    return;
  }
  temp = mkdtempSync(path.join(tmpdir(), 'connlint-nvim-snippet-'));
  const workspace = path.join(temp, 'workspace');
  mkdirSync(path.join(workspace, 'node', 'sysctl.d'), { recursive: true });
  // A comment first: that is what makes Neovim call the file `conf` on its own.
  writeFileSync(path.join(workspace, 'node', 'sysctl.d', '60-k8s.conf'), `# keepalive\n${TYPO} = 600\n`);
  writeFileSync(path.join(workspace, 'sysctl.conf'), `# node\n${TYPO} = 600\n`);
  writeFileSync(path.join(workspace, 'service.yaml'), 'apiVersion: v1\nkind: Service\nmetadata:\n  name: db\nspec:\n  clusterIP: None\n  sessionAffinity: ClientIP\n');
  const init = path.join(temp, 'init.lua');
  writeFileSync(init, readmeNeovimSnippet(readFileSync(path.join(root, 'README.md'), 'utf8')));
  // `connlint-language-server` on PATH, as after `npm install -g`.
  const bin = path.join(temp, 'bin');
  mkdirSync(bin);
  const shim = path.join(bin, 'connlint-language-server');
  writeFileSync(shim, `#!/bin/sh\nexec "${process.execPath}" "${path.join(root, 'server', 'bin', 'connlint-language-server.js')}" "$@"\n`);
  chmodSync(shim, 0o755);
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: `${bin}${path.delimiter}${process.env['PATH'] ?? ''}`, CONNLINT_E2E_RESULT: path.join(temp, 'result.json') };
  for (const kind of ['CONFIG', 'DATA', 'STATE', 'CACHE']) {
    env[`XDG_${kind}_HOME`] = path.join(temp, kind.toLowerCase());
    mkdirSync(env[`XDG_${kind}_HOME`]!);
  }
  const run = await runNeovim(['--headless', '-n', '-i', 'NONE', '-u', init, '-c', `luafile ${DRIVER}`, '-c', 'cquit 9'], workspace, env);
  report = `nvim exit ${run.code ?? run.signal}; output: ${run.output.trim() || '(none)'}`;
  const resultFile = path.join(temp, 'result.json');
  if (existsSync(resultFile)) result = JSON.parse(readFileSync(resultFile, 'utf8')) as Result;
});

after(() => {
  if (temp !== undefined) rmSync(temp, { recursive: true, force: true });
});

test("README's Neovim snippet: sysctl.d/*.conf is a sysctl file, the server attaches and its finding shows", (t) => {
  if (skip) return void t.skip(skip);
  assert.equal(result.error, undefined, `${result.error}\n${report}`);
  assert.equal(result.sysctl_d?.filetype, 'sysctl', report);
  assert.deepEqual(result.sysctl_d?.clients, ['connlint']);
  assert.deepEqual(result.sysctl_d?.diagnostics, [{ lnum: 1, col: 0, end_col: TYPO.length, code: 'sysctl-unknown-key', source: 'connlint', message: TYPO_MESSAGE }]);
});

test("README's Neovim snippet: a repository's sysctl.conf and its YAML are linted too", (t) => {
  if (skip) return void t.skip(skip);
  assert.equal(result.sysctl_conf?.filetype, 'sysctl', report);
  assert.deepEqual(result.sysctl_conf?.diagnostics.map((d) => [d.code, d.lnum]), [['sysctl-unknown-key', 1]]);
  assert.equal(result.yaml?.filetype, 'yaml', report);
  assert.deepEqual(result.yaml?.diagnostics.map((d) => [d.code, d.lnum, d.col]), [['affinity-ignored', 6, 19]]);
});

test("README's Neovim snippet maps hover, code action and the diagnostics keys in the buffers it attaches to", (t) => {
  if (skip) return void t.skip(skip);
  assert.deepEqual(result.sysctl_d?.keys, { K: true, '<leader>ca': true, '<leader>e': true, '[d': true, ']d': true });
});

/** Runs Neovim in its own process group, killed (with the server it started) after NEOVIM_TIMEOUT_MS. */
function runNeovim(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<{ code: number | null; signal: NodeJS.Signals | null; output: string }> {
  const child = spawn('nvim', args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), NEOVIM_TIMEOUT_MS);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, output });
    });
  });
}
