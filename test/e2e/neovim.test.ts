import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { repositoryRoot } from '../helpers/lspClient';

/**
 * Connlint's language server in a real Neovim (0.7 or later, headless, no user configuration):
 * test/e2e/neovim/connlint_e2e.lua drives the editor and writes what it observed to a JSON
 * file; this file runs it once and asserts on the result, one observation per test.
 */

const root = repositoryRoot();
const fixtures = path.join(root, 'test', 'e2e', 'fixtures', 'neovim');
const SCRIPT = 'test/e2e/neovim/connlint_e2e.lua';
const NEOVIM_TIMEOUT_MS = 60_000;

/**
 * The Service's name on line 2 of service.yaml comes after "café ☕ 🔌" on the same line, so the
 * three ways of counting columns differ: UTF-16 code units (what the protocol and Neovim 0.7's
 * client speak), bytes (what Neovim's buffers and vim.diagnostic use) and code points.
 */
const NAME = { line: 2, utf16: 51, utf16End: 60, bytes: 56, bytesEnd: 65, codePoints: 50 } as const;

/** The UTF-16 offset of the Service's name in the fixture. */
function nameOffset(): number {
  const text = readFileSync(path.join(fixtures, 'service.yaml'), 'utf8');
  return text.split('\n').slice(0, NAME.line).reduce((offset, line) => offset + line.length + 1, 0) + NAME.utf16;
}

const SERVICE_FIXED = [
  'apiVersion: v1',
  'kind: Service',
  'metadata: {annotations: {note: "café ☕ 🔌"}, name: myservice}',
  'spec:',
  '  selector:',
  '    app: myapp',
  '  ports:',
  '  - port: 2222',
  '    targetPort: 8080',
  '  sessionAffinity: ClientIP',
  '  sessionAffinityConfig:',
  '    clientIP:',
  '      timeoutSeconds: 86400',
  '',
].join('\n');

/** Neovim on PATH (installed through scripts/install-e2e-deps.sh when apt can), or why the tests skip. */
function findNeovim(): { skip: string | false } {
  const version = (): string | undefined => {
    const run = spawnSync('nvim', ['--version'], { encoding: 'utf8' });
    return run.status === 0 ? /^NVIM v(\d+\.\d+\.\d+)/m.exec(run.stdout)?.[1] : undefined;
  };
  let found = version();
  if (found === undefined && process.getuid?.() === 0 && spawnSync('apt-get', ['--version']).status === 0) {
    spawnSync('bash', [path.join(root, 'scripts', 'install-e2e-deps.sh'), 'neovim'], { stdio: ['ignore', 2, 2] });
    found = version();
  }
  const [major = 0, minor = 0] = found?.split('.').map(Number) ?? [];
  let skip: string | false = false;
  if (found === undefined) skip = 'Neovim is not installed and apt-get cannot install it here: run scripts/install-e2e-deps.sh as root';
  else if (major === 0 && minor < 7) skip = `Neovim ${found} is older than 0.7, the oldest this test drives`;
  // Continuous integration installs Neovim first: there, a skip would hide a broken setup.
  if (skip && process.env['CI']) throw new Error(skip);
  return { skip };
}

/** A diagnostic as test/e2e/neovim/connlint_e2e.lua reads it from vim.diagnostic. */
interface VimDiagnostic {
  lnum: number;
  col: number;
  end_lnum: number;
  end_col: number;
  utf16_col: number;
  utf16_end_col: number;
  severity: string;
  source: string;
  code: string;
  message: string;
}

interface Published {
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  message: string;
  [key: string]: unknown;
}

interface Result {
  error?: string;
  offset_encoding?: string;
  exit_code?: number;
  steps: {
    open?: { published: Published[]; vim: VimDiagnostic[] };
    edit?: { cleared: { vim: number; published: number }; restored: { published: Published[]; vim: VimDiagnostic[] }; deploy_modified: boolean };
    hover?: { position?: { line: number; character: number }; response?: { contents?: unknown }; error_response?: unknown; error?: string };
    builtin_code_action?: { context_range?: unknown; titles?: string[]; error?: string };
    code_action?: {
      actions?: { title: string; kind?: string; has_edit: boolean }[];
      edit_fields?: string[];
      text?: string;
      modified?: boolean;
      after?: { vim: number; published: number };
      error_response?: unknown;
      error?: string;
    };
  };
}

const neovim = findNeovim();

describe('Neovim end to end', { skip: neovim.skip }, () => {
  let temp: string;
  let workspace: string;
  // Filled by the hook, which never throws: node:test (20) counts the tests of a suite whose
  // hook failed as cancelled, and a run with only cancellations exits with status 0.
  let result: Result = { steps: {} };
  let report = '';
  const uriOf = (name: string): string => pathToFileURL(path.join(workspace, name)).href;

  /** A step the script recorded, or a failure that says why it did not get there. */
  const step = <K extends keyof Result['steps']>(name: K): NonNullable<Result['steps'][K]> => {
    const recorded = result.steps[name];
    if (recorded === undefined) assert.fail(`Neovim did not record the step "${name}".\n${report}`);
    return recorded;
  };

  before(async () => {
    temp = realpathSync(mkdtempSync(path.join(tmpdir(), 'connlint-nvim-')));
    workspace = path.join(temp, 'workspace');
    try {
      ({ result, report } = await observe(temp, workspace));
    } catch (error) {
      report = `Running Neovim failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`;
    }
  });

  after(() => {
    if (temp !== undefined) rmSync(temp, { recursive: true, force: true });
  });

  test('the fixture puts the Service name where bytes, UTF-16 and code points disagree', () => {
    const line = readFileSync(path.join(fixtures, 'service.yaml'), 'utf8').split('\n')[NAME.line]!;
    const before = line.slice(0, line.indexOf('myservice'));
    assert.deepEqual(
      { utf16: before.length, bytes: Buffer.byteLength(before), codePoints: [...before].length },
      { utf16: NAME.utf16, bytes: NAME.bytes, codePoints: NAME.codePoints },
    );
  });

  test('opening service.yaml shows the service-affinity warning at the UTF-16 range of the name', () => {
    const open = step('open');
    assert.equal(result.offset_encoding, 'utf-16');
    assert.equal(open.published.length, 1, report);
    const [published] = open.published;
    assert.match(published!.message, /^Service "myservice" has 2 backends \(Deployment "server" has replicas: 2\)/);
    assert.deepEqual(
      { ...published, message: undefined },
      {
        range: { start: { line: NAME.line, character: NAME.utf16 }, end: { line: NAME.line, character: NAME.utf16End } },
        severity: 2,
        source: 'connlint',
        code: 'service-affinity',
        codeDescription: { href: 'https://github.com/connlint/connlint/blob/main/docs/rules/service-affinity.md' },
        message: undefined,
        relatedInformation: [
          {
            location: { uri: uriOf('deploy.yaml'), range: { start: { line: 7, character: 12 }, end: { line: 7, character: 13 } } },
            message: 'Backend of Service "myservice": Deployment "server" has replicas: 2',
          },
        ],
        // The offset (UTF-16) where the name starts: what code actions find the finding by.
        data: { rule: 'service-affinity', start: nameOffset() },
      },
    );
    // Neovim converted the range to byte columns; converted back, they are the UTF-16 columns.
    assert.deepEqual(open.vim, [
      {
        lnum: NAME.line,
        col: NAME.bytes,
        end_lnum: NAME.line,
        end_col: NAME.bytesEnd,
        utf16_col: NAME.utf16,
        utf16_end_col: NAME.utf16End,
        severity: 'WARN',
        source: 'connlint',
        code: 'service-affinity',
        message: published!.message,
      },
    ]);
  });

  test("editing replicas in deploy.yaml's buffer clears service.yaml's warning, and changing it back restores it", () => {
    const edit = step('edit');
    assert.deepEqual(edit.cleared, { vim: 0, published: 0 });
    assert.deepEqual(edit.restored, step('open'));
    assert.equal(edit.deploy_modified, true, 'the edit stays in the unsaved buffer');
  });

  test("the cursor on the Service's name is sent as its UTF-16 position", () => {
    assert.deepEqual(step('hover').position, { line: NAME.line, character: NAME.utf16 });
  });

  test("hover on the Service's name names its backends", () => {
    const hover = step('hover');
    assert.equal(hover.error, undefined);
    assert.equal(hover.error_response, undefined);
    const contents = hover.response?.contents as { kind?: string; value?: string } | undefined;
    assert.equal(contents?.kind, 'markdown', JSON.stringify(hover.response));
    const value = contents.value ?? '';
    assert.ok(value.startsWith('**Service `myservice`**'), `hover text: ${value}`);
    assert.ok(value.includes('Deployment "server"'), `hover text: ${value}`);
  });

  test('the quick fix "Add sessionAffinity: ClientIP" edits the buffer and the warning clears', () => {
    const codeAction = step('code_action');
    assert.equal(codeAction.error, undefined, `${codeAction.error} ${JSON.stringify(codeAction.error_response)}`);
    assert.deepEqual(
      codeAction.actions?.find((action) => action.title === 'Add sessionAffinity: ClientIP (pins each client to one pod; pods added later get no traffic from existing clients)'),
      { title: 'Add sessionAffinity: ClientIP (pins each client to one pod; pods added later get no traffic from existing clients)', kind: 'quickfix', has_edit: true },
    );
    // Neovim 0.7 announces no documentChanges support: the edit comes as plain `changes`.
    assert.deepEqual(codeAction.edit_fields, ['changes']);
    assert.equal(codeAction.text, SERVICE_FIXED);
    assert.equal(codeAction.modified, true);
    assert.deepEqual(codeAction.after, { vim: 0, published: 0 });
  });

  // Neovim 0.7's own vim.lsp.buf.code_action() builds the context from vim.diagnostic, whose
  // columns are bytes: on this line it sends 56-65 for the diagnostic published at 51-60.
  test(
    "Neovim 0.7's own code_action() context (byte columns) still gets the quick fix",
    () => {
      const builtin = step('builtin_code_action');
      const sent = `context range sent: ${JSON.stringify(builtin.context_range)}, offered: ${JSON.stringify(builtin.titles)} ${builtin.error ?? ''}`;
      assert.ok(builtin.titles?.includes('Add sessionAffinity: ClientIP (pins each client to one pod; pods added later get no traffic from existing clients)'), sent);
    },
  );

  test('the script runs to its end and the server exits with code 0 after shutdown', () => {
    assert.equal(result.error, undefined, report);
    assert.equal(result.exit_code, 0, report);
  });
});

/** Runs the script over a copy of the fixtures in `workspace`; the report tells what went on, for failures. */
async function observe(temp: string, workspace: string): Promise<{ result: Result; report: string }> {
  mkdirSync(workspace);
  for (const name of ['deploy.yaml', 'service.yaml']) copyFileSync(path.join(fixtures, name), path.join(workspace, name));
  const xdg = Object.fromEntries(
    ['CONFIG', 'DATA', 'STATE', 'CACHE'].map((kind) => {
      const dir = path.join(temp, kind.toLowerCase());
      mkdirSync(dir);
      return [`XDG_${kind}_HOME`, dir];
    }),
  );
  const resultFile = path.join(temp, 'result.json');
  const run = await runNeovim({
    ...process.env,
    ...xdg,
    CONNLINT_E2E_NODE: process.execPath,
    CONNLINT_E2E_SERVER: path.join(root, 'server', 'bin', 'connlint-language-server.js'),
    CONNLINT_E2E_WORKSPACE: workspace,
    CONNLINT_E2E_RESULT: resultFile,
  });
  const lspLog = path.join(xdg['XDG_CACHE_HOME']!, 'nvim', 'lsp.log');
  const log = [
    `nvim exit: ${run.code ?? run.signal}${run.timedOut ? ` (killed after ${NEOVIM_TIMEOUT_MS} ms)` : ''}`,
    `nvim output: ${run.output.trim() || '(none)'}`,
    `lsp.log: ${existsSync(lspLog) ? readFileSync(lspLog, 'utf8').trim() : '(none)'}`,
  ].join('\n');
  if (!existsSync(resultFile)) return { result: { steps: {} }, report: `Neovim wrote no result.\n${log}` };
  const result = JSON.parse(readFileSync(resultFile, 'utf8')) as Result;
  return { result, report: result.error === undefined ? log : `script error: ${result.error}\n${log}` };
}

/** Runs the script in a headless Neovim without user configuration, killed after NEOVIM_TIMEOUT_MS. */
function runNeovim(env: NodeJS.ProcessEnv): Promise<{ code: number | null; signal: NodeJS.Signals | null; timedOut: boolean; output: string }> {
  const args = ['--headless', '-n', '-i', 'NONE', '--clean', '-c', `luafile ${SCRIPT}`, '-c', 'cquit 9'];
  // Its own process group, so that a kill reaches the language server it started too.
  const child = spawn('nvim', args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    process.kill(-child.pid!, 'SIGKILL');
  }, NEOVIM_TIMEOUT_MS);
  return new Promise((resolve, reject) => {
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, timedOut, output });
    });
  });
}
