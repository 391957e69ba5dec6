// The packaged extension in a real VS Code: code-server (VS Code 1.96, the oldest the extension
// supports) in headless Chromium, driven through its UI with playwright-core.
//
// scripts/setup-code-server.sh installs code-server and playwright-core into a cache outside the
// repository (and Chromium from Debian); this test runs it first, which takes well under a second
// once the cache is there. Where they cannot be installed the test is skipped, except in CI
// (CI set), where that is a failure. Screenshots of each step go to test/out/e2e/screenshots/.
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import { repositoryRoot } from '../helpers/lspClient';

// ---- The few playwright-core types used here (it is installed in the cache, not in the project) ----

interface Locator {
  waitFor(options: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  count(): Promise<number>;
  filter(options: { hasText: string | RegExp }): Locator;
  first(): Locator;
  locator(selector: string): Locator;
  innerText(options?: { timeout?: number }): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  getByText(text: string | RegExp, options?: { exact?: boolean }): Locator;
}
interface Keyboard {
  press(key: string): Promise<void>;
  type(text: string, options?: { delay?: number }): Promise<void>;
}
interface Page {
  goto(url: string, options?: { timeout?: number }): Promise<unknown>;
  locator(selector: string): Locator;
  keyboard: Keyboard;
  screenshot(options: { path: string; fullPage?: boolean }): Promise<unknown>;
  on(event: 'console', handler: (message: { type(): string; text(): string }) => void): void;
  on(event: 'pageerror', handler: (error: Error) => void): void;
}
interface BrowserContext {
  pages(): Page[];
  newPage(): Promise<Page>;
  close(): Promise<void>;
}
interface PlaywrightCore {
  chromium: {
    launchPersistentContext(
      userDataDir: string,
      options: { executablePath: string; headless: boolean; args: string[]; viewport: { width: number; height: number }; timeout?: number },
    ): Promise<BrowserContext>;
  };
}

// ---- Where things are ----

const root = repositoryRoot();
const cacheDir = path.join(process.env.CONNLINT_E2E_CACHE ?? path.join(homedir(), '.cache', 'connlint-e2e'), 'code-server');
const codeServerEntry = path.join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const chromiumPath = process.env.CONNLINT_E2E_CHROMIUM ?? '/usr/bin/chromium';
const fixtures = path.join(root, 'test', 'e2e', 'fixtures', 'vscode');
const screenshots = path.join(root, 'test', 'out', 'e2e', 'screenshots');
const WARNING = 'Service "myservice" has 2 backends';
const QUICK_FIX = 'Add sessionAffinity: ClientIP (pins each client to one pod; pods added later get no traffic from existing clients)';
/** The Deployment's backends, as the Problems panel and the hover on the Service's name give them. */
const BACKENDS = 'Deployment "server" has replicas: 2';
const NO_PROBLEMS = 'No problems have been detected in the workspace.';
/** The text box of Quick Open and the Command Palette. */
const QUICK_INPUT = '.quick-input-widget input[role="combobox"]';

/** Why the whole file is skipped, when it is. */
let skipReason: string | undefined;
let scratch: string;
let workspace: string;
let userDataDir: string;
let codeServer: ChildProcess | undefined;
let codeServerLog = '';
let context: BrowserContext | undefined;
let page: Page;
const browserErrors: string[] = [];

// ---- Set-up: tools, the .vsix, code-server, the browser ----

before(async () => {
  // Its messages go to standard error: standard output is the test runner's.
  const setup = spawnSync('bash', [path.join(root, 'scripts', 'setup-code-server.sh')], { stdio: ['ignore', 2, 2] });
  if (setup.status !== 0) {
    const why = `scripts/setup-code-server.sh exited with ${setup.status ?? setup.signal}`;
    if (setup.status === 3 && !process.env.CI) {
      skipReason = `code-server or Chromium cannot be installed on this machine (${why}; see its message above)`;
      return;
    }
    throw new Error(setup.status === 3 ? `${why}: code-server or Chromium could not be installed, and CI must run this test` : why);
  }
  assert.ok(existsSync(chromiumPath), `no Chromium at ${chromiumPath}`);

  const vsix = packagedExtension();
  scratch = mkdtempSync(path.join(tmpdir(), 'connlint-vscode-e2e-'));
  workspace = path.join(scratch, 'workspace');
  userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  cpSync(fixtures, workspace, { recursive: true });
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  // A quiet, predictable workbench: no welcome page, walkthroughs, update checks or autosave.
  writeFileSync(
    path.join(userDataDir, 'User', 'settings.json'),
    JSON.stringify({
      'workbench.startupEditor': 'none',
      'workbench.welcomePage.walkthroughs.openOnInstall': false,
      'workbench.tips.enabled': false,
      'workbench.enableExperiments': false,
      'telemetry.telemetryLevel': 'off',
      'update.mode': 'none',
      'extensions.autoCheckUpdates': false,
      'extensions.autoUpdate': false,
      'extensions.ignoreRecommendations': true,
      'security.workspace.trust.enabled': false,
      'files.autoSave': 'off',
      'editor.lightbulb.enabled': 'on',
      // Text typed into a new buffer stays as typed.
      'editor.autoClosingBrackets': 'never',
      'editor.autoClosingQuotes': 'never',
    }),
  );
  mkdirSync(screenshots, { recursive: true });
  for (const old of readdirSync(screenshots)) if (old.startsWith('vscode-')) rmSync(path.join(screenshots, old));

  // code-server's own config and state go to the scratch directory, not the home directory.
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(scratch, 'config'), XDG_DATA_HOME: path.join(scratch, 'data'), XDG_CACHE_HOME: path.join(scratch, 'cache') };
  const installed = spawnSync(process.execPath, [codeServerEntry, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir], {
    env,
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(installed.status, 0, `installing ${path.basename(vsix)} failed:\n${installed.stdout}\n${installed.stderr}`);
  assert.match(installed.stdout, /connlint.*successfully installed/i, installed.stdout);

  const port = await freePort();
  codeServer = spawn(
    process.execPath,
    [
      codeServerEntry,
      '--bind-addr', `127.0.0.1:${port}`,
      '--auth', 'none',
      '--disable-telemetry',
      '--disable-update-check',
      '--disable-workspace-trust',
      '--disable-getting-started-override',
      '--ignore-last-opened',
      '--config', path.join(scratch, 'config.yaml'),
      '--extensions-dir', extensionsDir,
      '--user-data-dir', userDataDir,
    ],
    // In a process group of its own, ended as a whole: its extension host and file watcher too.
    { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true },
  );
  const group = codeServer.pid!;
  process.once('exit', () => {
    try {
      process.kill(-group, 'SIGKILL'); // if the test process ends before `after` has run
    } catch {
      // already gone
    }
  });
  codeServer.stdout!.on('data', (chunk: Buffer) => (codeServerLog += chunk.toString()));
  codeServer.stderr!.on('data', (chunk: Buffer) => (codeServerLog += chunk.toString()));
  const url = `http://127.0.0.1:${port}`;
  await poll('code-server to answer on ' + url, 30_000, async () => {
    if (codeServer!.exitCode !== null) throw new Error(`code-server exited with ${codeServer!.exitCode}:\n${codeServerLog}`);
    return (await fetch(`${url}/healthz`).catch(() => undefined))?.ok === true;
  });

  const requireFromCache = createRequire(path.join(cacheDir, 'package.json'));
  const { chromium } = requireFromCache('playwright-core') as PlaywrightCore;
  context = await chromium.launchPersistentContext(path.join(scratch, 'chromium-profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
    timeout: 60_000,
  });
  page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (error) => browserErrors.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error') browserErrors.push(message.text());
  });
  await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`, { timeout: 60_000 });
  // The workbench is up when the Explorer lists the workspace's files.
  await page.locator('.explorer-folders-view').getByText('service.yaml', { exact: true }).waitFor({ state: 'visible', timeout: 60_000 });
});

after(async () => {
  await context?.close().catch(() => undefined);
  if (codeServer?.pid !== undefined) {
    const group = codeServer.pid;
    /** Sends `signal` to code-server's process group; false once the group is gone. */
    const signalGroup = (signal: NodeJS.Signals | 0): boolean => {
      try {
        process.kill(-group, signal);
        return true;
      } catch {
        return false;
      }
    };
    if (signalGroup('SIGTERM')) await poll('code-server and its children to exit', 5_000, () => !signalGroup(0)).catch(() => signalGroup('SIGKILL'));
  }
  if (scratch !== undefined && !process.env.CONNLINT_E2E_KEEP) rmSync(scratch, { recursive: true, force: true });
});

// ---- The scenario ----

test('the cross-file service-affinity warning shows in the Problems panel', { timeout: 90_000 }, async (t) => {
  if (skipped(t)) return;
  await step('problems', async () => {
    await runCommand('Focus on Problems View'); // "Problems: Focus on Problems View" in VS Code 1.96
    await problemRows(WARNING).first().waitFor({ state: 'visible', timeout: 60_000 });
    const row = await problemRows(WARNING).first().innerText();
    assert.match(row, /Service "myservice" has 2 backends \(Deployment "server" has replicas: 2\)/);
    await page.screenshot({ path: path.join(screenshots, 'vscode-1-problems.png') });
  });
});

test("hover on the Service's name in service.yaml names its backends", { timeout: 90_000 }, async (t) => {
  if (skipped(t)) return;
  await step('hover', async () => {
    await openFile('service.yaml');
    // The squiggle shows once the editor has the diagnostic, and so the language server is up.
    await page.locator('.editor-instance .squiggly-warning').first().waitFor({ state: 'visible', timeout: 30_000 });
    // Line 4 is "  name: myservice": the cursor goes inside the name.
    await goToLine(4);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    // "Show or Focus Hover" (editor.action.showHover).
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    // The hover has a part of its own for each provider (the diagnostic's part quotes the
    // backends too): the language server's Markdown must be one part with both. Its header,
    // **Service `myservice`** — 2 backends, renders as "Service myservice — 2 backends".
    const parts = page.locator('.monaco-editor .monaco-hover .rendered-markdown');
    let seen: string[] = [];
    await poll('the hover to show the Service and its backends', 20_000, async () => {
      seen = await parts.allInnerTexts();
      return seen.some((text) => /Service myservice\s+—\s+2 backends/.test(text) && text.includes(BACKENDS));
    }).catch((error: Error) => {
      throw new Error(`${error.message}; the hover's parts: ${JSON.stringify(seen)}`);
    });
    const hover = seen.find((text) => text.includes('Service myservice'))!;
    assert.match(hover, /Deployment "server" has replicas: 2 \(deploy\.yaml:6\)/, hover);
    assert.match(hover, /Session affinity: None\./, hover);
    await page.screenshot({ path: path.join(screenshots, 'vscode-hover.png') });
    await page.keyboard.press('Escape');
    await page.locator('.monaco-editor .monaco-hover .rendered-markdown').filter({ hasText: 'Service myservice' }).waitFor({ state: 'hidden', timeout: 10_000 });
  });
});

test('an unsaved edit to replicas in deploy.yaml clears the warning on service.yaml, and undoing it brings it back', { timeout: 90_000 }, async (t) => {
  if (skipped(t)) return;
  await step('unsaved-edit', async () => {
    const file = path.join(workspace, 'deploy.yaml');
    t.after(async () => {
      // When this test fails half-way, deploy.yaml goes back to its saved text so that the next
      // test fails, if at all, for its own reasons.
      if ((await page.locator('.tab.dirty').count()) === 0) return;
      await openFile('deploy.yaml').catch(() => undefined);
      await runCommand('File: Revert File').catch(() => undefined);
    });
    const original = readFileSync(file, 'utf8');
    assert.match(original, /^ {2}replicas: 2$/m);
    await openFile('deploy.yaml');
    // Line 6 is "  replicas: 2": select the 2 and type 1 over it.
    await goToLine(6);
    await page.keyboard.press('End');
    await page.keyboard.press('Shift+ArrowLeft');
    await page.keyboard.type('1');
    // The editor renders spaces as no-break spaces: \s matches both.
    const activeEditor = page.locator('.editor-instance .monaco-editor.focused');
    await activeEditor.locator('.view-line').filter({ hasText: /^\s*replicas:\s1\s*$/ }).waitFor({ state: 'visible', timeout: 10_000 });
    await page.locator('.tab.active.dirty').filter({ hasText: 'deploy.yaml' }).waitFor({ state: 'visible', timeout: 10_000 });

    // With one replica the Service has one backend: the warning goes, though nothing was saved.
    await problemRows(WARNING).first().waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator('.markers-panel').getByText(NO_PROBLEMS).waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal(readFileSync(file, 'utf8'), original, 'deploy.yaml was written to disk');
    await page.screenshot({ path: path.join(screenshots, 'vscode-unsaved-replicas-1.png') });

    // Undo: two replicas again, and the warning is back.
    await page.keyboard.press('Control+Z');
    await activeEditor.locator('.view-line').filter({ hasText: /^\s*replicas:\s2\s*$/ }).waitFor({ state: 'visible', timeout: 10_000 });
    await problemRows(WARNING).first().waitFor({ state: 'visible', timeout: 30_000 });
    assert.match(await problemRows(WARNING).first().innerText(), /\(Deployment "server" has replicas: 2\)/);
    await page.screenshot({ path: path.join(screenshots, 'vscode-undone.png') });

    // Back to the saved text, the editor is clean again; the next test starts from the fixtures.
    await page.locator('.tab.dirty').waitFor({ state: 'detached', timeout: 10_000 });
    assert.equal(readFileSync(file, 'utf8'), original, 'deploy.yaml was written to disk');
  });
});

test(`the quick fix "${QUICK_FIX}" fixes service.yaml on disk and clears the warning`, { timeout: 90_000 }, async (t) => {
  if (skipped(t)) return;
  await step('quick-fix', async () => {
    // Open service.yaml through Quick Open and put the cursor at the end of the Service's name,
    // inside the diagnostic's range (line 4, "myservice").
    await openFile('service.yaml');
    // The squiggle shows once the editor has the diagnostic.
    await page.locator('.editor-instance .squiggly-warning').first().waitFor({ state: 'visible', timeout: 30_000 });
    await goToLine(4);
    await page.keyboard.press('End');
    await page.screenshot({ path: path.join(screenshots, 'vscode-2-cursor-on-warning.png') });

    await page.keyboard.press('Control+.');
    const fix = page.locator('.action-widget .monaco-list-row').filter({ hasText: QUICK_FIX }).first();
    await fix.waitFor({ state: 'visible', timeout: 20_000 });
    await page.screenshot({ path: path.join(screenshots, 'vscode-3-quick-fix-menu.png') });
    // Chosen with the keyboard, as a user would: down the list to the fix, then Enter.
    const focused = page.locator('.action-widget .monaco-list-row.focused');
    for (let moves = 0; !(await focused.filter({ hasText: QUICK_FIX }).count()); moves++) {
      assert.ok(moves < 10, `"${QUICK_FIX}" never got the focus in the quick-fix menu`);
      await page.keyboard.press('ArrowDown');
    }
    await page.keyboard.press('Enter');
    await page.locator('.action-widget').waitFor({ state: 'hidden', timeout: 10_000 });
    // The edit is in the buffer, not yet on disk: the tab shows it as modified.
    await page.locator('.tab.active.dirty').filter({ hasText: 'service.yaml' }).waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Control+S');

    const file = path.join(workspace, 'service.yaml');
    await poll('service.yaml to be saved with the fix', 20_000, () => readFileSync(file, 'utf8').includes('sessionAffinity: ClientIP'));
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^ {2}sessionAffinity: ClientIP$/m, text);
    const original = readFileSync(path.join(fixtures, 'service.yaml'), 'utf8');
    for (const line of original.split('\n').filter(Boolean)) assert.ok(text.split('\n').includes(line), `the fix kept ${JSON.stringify(line)}:\n${text}`);
    await page.locator('.tab.active.dirty').waitFor({ state: 'detached', timeout: 10_000 });

    await problemRows(WARNING).first().waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator('.markers-panel').getByText(NO_PROBLEMS).waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: path.join(screenshots, 'vscode-4-fixed.png') });
  });
});

/** A headless Service with ClientIP affinity: one affinity-ignored warning, whatever else is in the workspace. */
function headlessService(name: string): string {
  return ['apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${name}`, 'spec:', '  clusterIP: None', '  sessionAffinity: ClientIP', '  ports:', '  - port: 80', ''].join('\n');
}

/** The warning on headlessService(name). */
const headlessWarning = (name: string): string => `Service "${name}" is headless (clusterIP: None)`;

/** The Connlint item of the status bar. */
function statusItem(): Locator {
  return page.locator('.statusbar-item').filter({ hasText: /Connlint/ });
}

test('a folder deleted outside the editor takes its findings out of the Problems panel; the status bar counts them', { timeout: 90_000 }, async (t) => {
  if (skipped(t)) return;
  await step('folder-deleted', async () => {
    mkdirSync(path.join(workspace, 'gone'));
    writeFileSync(path.join(workspace, 'gone', 'service.yaml'), headlessService('gone'));
    await runCommand('Focus on Problems View');
    await problemRows(headlessWarning('gone')).first().waitFor({ state: 'visible', timeout: 30_000 });
    await statusItem().filter({ hasText: /Connlint: 1$/ }).waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: path.join(screenshots, 'vscode-5-folder-before-delete.png') });
    rmSync(path.join(workspace, 'gone'), { recursive: true });
    await problemRows(headlessWarning('gone')).first().waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator('.markers-panel').getByText(NO_PROBLEMS).waitFor({ state: 'visible', timeout: 10_000 });
    assert.equal((await statusItem().first().innerText()).trim(), 'Connlint');
    await page.screenshot({ path: path.join(screenshots, 'vscode-6-folder-deleted.png') });
  });
});

test('a folder renamed outside the editor: its findings move to the new paths', { timeout: 90_000 }, async (t) => {
  if (skipped(t)) return;
  await step('folder-renamed', async () => {
    mkdirSync(path.join(workspace, 'alpha'));
    writeFileSync(path.join(workspace, 'alpha', 'service.yaml'), headlessService('moved'));
    await problemRows(headlessWarning('moved')).first().waitFor({ state: 'visible', timeout: 30_000 });
    renameSync(path.join(workspace, 'alpha'), path.join(workspace, 'omega'));
    const files = page.locator('.markers-panel .monaco-list-row').filter({ hasText: 'service.yaml' });
    await poll('the finding to be listed under omega/ only', 30_000, async () => {
      const rows = await files.allInnerTexts();
      return rows.length === 1 && rows[0]!.includes('omega') && !rows[0]!.includes('alpha');
    });
    assert.equal(await problemRows(headlessWarning('moved')).count(), 1);
    await page.screenshot({ path: path.join(screenshots, 'vscode-7-folder-renamed.png') });
    rmSync(path.join(workspace, 'omega'), { recursive: true });
    await page.locator('.markers-panel').getByText(NO_PROBLEMS).waitFor({ state: 'visible', timeout: 30_000 });
  });
});

test('switching git branches: the Problems panel follows the files each branch has', { timeout: 120_000 }, async (t) => {
  if (skipped(t)) return;
  await step('git-branch', async () => {
    const git = (...args: string[]): void => {
      const run = spawnSync('git', ['-c', 'user.name=e2e', '-c', 'user.email=e2e@example.com', ...args], { cwd: workspace, encoding: 'utf8' });
      assert.equal(run.status, 0, `git ${args.join(' ')}: ${run.stderr}`);
    };
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'main');
    git('checkout', '-q', '-b', 'feature');
    mkdirSync(path.join(workspace, 'feature-only', 'db'), { recursive: true });
    for (let i = 0; i < 120; i++) writeFileSync(path.join(workspace, 'feature-only', `config-${i}.json`), '{}\n');
    writeFileSync(path.join(workspace, 'feature-only', 'db', 'service.yaml'), headlessService('feature'));
    git('add', '-A');
    git('commit', '-q', '-m', 'feature');
    await problemRows(headlessWarning('feature')).first().waitFor({ state: 'visible', timeout: 30_000 });
    git('checkout', '-q', 'main');
    await problemRows(headlessWarning('feature')).first().waitFor({ state: 'detached', timeout: 30_000 });
    await page.locator('.markers-panel').getByText(NO_PROBLEMS).waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: path.join(screenshots, 'vscode-8-branch-main.png') });
    git('checkout', '-q', 'feature');
    await problemRows(headlessWarning('feature')).first().waitFor({ state: 'visible', timeout: 30_000 });
    await page.screenshot({ path: path.join(screenshots, 'vscode-9-branch-feature.png') });
    git('checkout', '-q', 'main');
    await page.locator('.markers-panel').getByText(NO_PROBLEMS).waitFor({ state: 'visible', timeout: 30_000 });
  });
});

test('a new untitled YAML buffer is linted on its own', { timeout: 90_000 }, async (t) => {
  if (skipped(t)) return;
  await step('untitled', async () => {
    await runCommand('File: New Untitled Text File');
    await page.locator('.tab.active').filter({ hasText: 'Untitled-1' }).waitFor({ state: 'visible', timeout: 10_000 });
    await runCommand('Change Language Mode', 'YAML');
    await page.locator('.statusbar-item').filter({ hasText: /^\s*YAML\s*$/ }).first().waitFor({ state: 'visible', timeout: 10_000 });
    // One line of flow YAML: typed as is, whatever the editor does with indentation.
    await page.keyboard.type('{apiVersion: v1, kind: Service, metadata: {name: untitled}, spec: {clusterIP: None, sessionAffinity: ClientIP, ports: [{port: 80}]}}');
    await page.locator('.editor-instance .squiggly-warning').first().waitFor({ state: 'visible', timeout: 30_000 });
    await runCommand('Focus on Problems View');
    await problemRows(headlessWarning('untitled')).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: path.join(screenshots, 'vscode-10-untitled.png') });
    await runCommand('View: Revert and Close Editor');
    await problemRows(headlessWarning('untitled')).first().waitFor({ state: 'detached', timeout: 30_000 });
  });
});

test('Connlint: Restart server starts the server again; its output channel logs each start', { timeout: 90_000 }, async (t) => {
  if (skipped(t)) return;
  await step('restart', async () => {
    const starts = (): number => connlintLog().split('\n').filter((line) => /Indexed \d+ files in \d+ ms/.test(line)).length;
    await poll('the first index to be logged', 20_000, () => starts() >= 1);
    const log = connlintLog();
    assert.match(log, /Connlint \d+\.\d+\.\d+ \(Node\.js /);
    assert.match(log, new RegExp(`Workspace folders: file://[^\n]*${path.basename(workspace)}`));
    const before = starts();
    await runCommand('Connlint: Restart server');
    await poll('a second start to be logged', 30_000, () => starts() > before);
    await statusItem().filter({ hasText: /^\s*Connlint\s*$/ }).waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: path.join(screenshots, 'vscode-11-restarted.png') });
  });
});

// ---- Helpers ----

/** What the Connlint output channel holds, from VS Code's logs on disk. */
function connlintLog(): string {
  const logs = path.join(userDataDir, 'logs');
  const found: string[] = [];
  const walk = (dir: string): void => {
    if (!existsSync(dir)) return;
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/Connlint\.log$/.test(entry.name)) found.push(readFileSync(full, 'utf8'));
    }
  };
  walk(logs);
  return found.join('\n');
}

function skipped(t: TestContext): boolean {
  if (skipReason === undefined) return false;
  t.skip(skipReason);
  return true;
}

/** Rows of the Problems panel whose text includes `text`. */
function problemRows(text: string): Locator {
  return page.locator('.markers-panel .monaco-list-row').filter({ hasText: text });
}

/** Opens a file of the workspace through Quick Open (Ctrl+P); its editor has the focus. */
async function openFile(name: string): Promise<void> {
  await page.keyboard.press('Control+P');
  await page.locator(QUICK_INPUT).waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type(name);
  // Enter opens the focused row: only once the list is filtered is that the file typed.
  await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: name }).first().waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.press('Enter');
  await page.locator('.tab.active').filter({ hasText: name }).waitFor({ state: 'visible', timeout: 10_000 });
  await page.locator('.editor-instance .monaco-editor.focused').waitFor({ state: 'visible', timeout: 10_000 });
}

/** Moves the cursor to the start of a line (1-based) of the focused editor with Go to Line (Ctrl+G). */
async function goToLine(line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.locator(QUICK_INPUT).waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Runs a command by its title from the Command Palette; `picks`: the title of an item it then asks to choose. */
async function runCommand(title: string, picks?: string): Promise<void> {
  await page.keyboard.press('F1');
  await page.locator(QUICK_INPUT).waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type(title);
  await page.locator('.quick-input-list .monaco-list-row').filter({ hasText: title }).first().waitFor({ state: 'visible', timeout: 10_000 });
  // Enter runs the focused row, which is not always the best match ("Compare New Untitled Text Files").
  const focused = page.locator('.quick-input-list .monaco-list-row.focused');
  for (let moves = 0; !(await focused.filter({ hasText: title }).count()); moves++) {
    assert.ok(moves < 10, `"${title}" never got the focus in the Command Palette`);
    await page.keyboard.press('ArrowDown');
  }
  await page.keyboard.press('Enter');
  if (picks !== undefined) {
    // The picker that follows is a new quick input: its own placeholder, a list of its own.
    await page.locator('.quick-input-widget input[placeholder]:not([placeholder*="command" i])').waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type(picks);
    await page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: picks }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.press('Enter');
  }
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Runs one step of the scenario; when it fails, saves a screenshot and adds what the logs say. */
async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    await page.screenshot({ path: path.join(screenshots, `vscode-failed-${name}.png`) }).catch(() => undefined);
    const details = [
      `screenshot: ${path.join(screenshots, `vscode-failed-${name}.png`)}`,
      `browser errors:\n${browserErrors.slice(-10).join('\n') || '(none)'}`,
      `code-server:\n${codeServerLog.split('\n').slice(-20).join('\n')}`,
      ...logsOf(/exthost|Connlint/i),
    ];
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n\n${details.join('\n\n')}`, { cause: error });
  }
}

/** The last lines of the VS Code logs whose names match, newest session first (extension host, the Connlint output channel). */
function logsOf(pattern: RegExp): string[] {
  const logs = path.join(userDataDir, 'logs');
  if (!existsSync(logs)) return [];
  const found: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (pattern.test(entry.name) && statSync(full).size > 0) found.push(`${path.relative(logs, full)}:\n${readFileSync(full, 'utf8').split('\n').slice(-30).join('\n')}`);
    }
  };
  walk(logs);
  return found;
}

/** The newest connlint-*.vsix at the repository root, after `npm run package` if none is newer than the sources. */
function packagedExtension(): string {
  const sources = ['package.json', '.vscodeignore', 'scripts/bundle.mjs', 'client', 'server/src', 'server/package.json'];
  const newestSource = Math.max(...sources.map((source) => newestMtime(path.join(root, source))));
  const newestVsix = (): string | undefined =>
    readdirSync(root)
      .filter((name) => /^connlint-.*\.vsix$/.test(name))
      .map((name) => path.join(root, name))
      .sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0];
  let vsix = newestVsix();
  if (vsix === undefined || statSync(vsix).mtimeMs < newestSource) {
    const built = spawnSync('npm', ['run', '-s', 'package'], { cwd: root, encoding: 'utf8', timeout: 300_000 });
    assert.equal(built.status, 0, `npm run package failed:\n${built.stdout}\n${built.stderr}`);
    vsix = newestVsix();
    assert.ok(vsix !== undefined && statSync(vsix).mtimeMs >= newestSource, `npm run package left no connlint-*.vsix newer than the sources in ${root}`);
  }
  return vsix;
}

function newestMtime(file: string): number {
  if (!existsSync(file)) return 0;
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(file)) {
    if (entry === 'node_modules' || entry === 'out') continue;
    newest = Math.max(newest, newestMtime(path.join(file, entry)));
  }
  return newest;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** Polls `ready` every 100 ms until it returns true; fails with `what` after `timeoutMs`. */
async function poll(what: string, timeoutMs: number, ready: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
