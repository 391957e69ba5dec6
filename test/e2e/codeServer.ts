// A code-server (VS Code in the browser) with the packaged extension, in headless Chromium, for
// end-to-end tests: set up once per test file with `startCodeServer`, driven with playwright-core
// (installed by scripts/setup-code-server.sh into a cache outside the repository).
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { homedir, tmpdir } from 'node:os';
import * as path from 'node:path';
import { repositoryRoot } from '../helpers/lspClient';

/** The few playwright-core types used here. */
export interface Locator {
  waitFor(options: { state?: 'attached' | 'detached' | 'visible' | 'hidden'; timeout?: number }): Promise<void>;
  count(): Promise<number>;
  filter(options: { hasText: string | RegExp }): Locator;
  first(): Locator;
  locator(selector: string): Locator;
  innerText(options?: { timeout?: number }): Promise<string>;
  allInnerTexts(): Promise<string[]>;
  getByText(text: string | RegExp, options?: { exact?: boolean }): Locator;
  screenshot(options: { path: string }): Promise<unknown>;
  click(options?: { timeout?: number }): Promise<void>;
  getAttribute(name: string): Promise<string | null>;
}
export interface Frame {
  url(): string;
  locator(selector: string): Locator;
  content(): Promise<string>;
}
export interface Page {
  goto(url: string, options?: { timeout?: number }): Promise<unknown>;
  locator(selector: string): Locator;
  frames(): Frame[];
  keyboard: { press(key: string): Promise<void>; type(text: string, options?: { delay?: number }): Promise<void> };
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
    launchPersistentContext(userDataDir: string, options: { executablePath: string; headless: boolean; args: string[]; viewport: { width: number; height: number }; timeout?: number }): Promise<BrowserContext>;
  };
}

export const root = repositoryRoot();
const cacheDir = path.join(process.env.CONNLINT_E2E_CACHE ?? path.join(homedir(), '.cache', 'connlint-e2e'), 'code-server');
const codeServerEntry = path.join(cacheDir, 'node_modules', 'code-server', 'out', 'node', 'entry.js');
const chromiumPath = process.env.CONNLINT_E2E_CHROMIUM ?? '/usr/bin/chromium';
export const screenshots = path.join(root, 'test', 'out', 'e2e', 'screenshots');
/** The text box of Quick Open and the Command Palette. */
const QUICK_INPUT = '.quick-input-widget input[role="combobox"]';

/** A running code-server with a browser on a copy of a fixtures folder. */
export interface CodeServerSession {
  readonly page: Page;
  readonly workspace: string;
  readonly browserErrors: readonly string[];
  /** What code-server has written to its standard output and error so far. */
  serverLog(): string;
  /** The VS Code log files (extension host, output channels…) whose names match `pattern`. */
  logFiles(pattern: RegExp): string[];
  stop(): Promise<void>;
}

/**
 * Starts code-server on a copy of `fixtures` and opens it in Chromium once the Explorer lists
 * `firstFile`; `settings` add to the user settings. `skip` with the reason when code-server or
 * Chromium cannot be installed here (outside CI, where that is a failure).
 */
export async function startCodeServer(fixtures: string, firstFile: string, settings: Record<string, unknown> = {}): Promise<CodeServerSession | { skip: string }> {
  // Its messages go to standard error: standard output is the test runner's.
  const setup = spawnSync('bash', [path.join(root, 'scripts', 'setup-code-server.sh')], { stdio: ['ignore', 2, 2] });
  if (setup.status !== 0) {
    const why = `scripts/setup-code-server.sh exited with ${setup.status ?? setup.signal}`;
    if (setup.status === 3 && !process.env.CI) return { skip: `code-server or Chromium cannot be installed on this machine (${why}; see its message above)` };
    throw new Error(setup.status === 3 ? `${why}: code-server or Chromium could not be installed, and CI must run this test` : why);
  }
  assert.ok(existsSync(chromiumPath), `no Chromium at ${chromiumPath}`);
  const vsix = packagedExtension();
  const scratch = mkdtempSync(path.join(tmpdir(), 'connlint-e2e-'));
  const workspace = path.join(scratch, 'workspace');
  const userDataDir = path.join(scratch, 'user-data');
  const extensionsDir = path.join(scratch, 'extensions');
  cpSync(fixtures, workspace, { recursive: true });
  mkdirSync(path.join(userDataDir, 'User'), { recursive: true });
  writeFileSync(path.join(userDataDir, 'User', 'settings.json'), JSON.stringify({ ...QUIET_SETTINGS, ...settings }));
  mkdirSync(screenshots, { recursive: true });
  const env = { ...process.env, XDG_CONFIG_HOME: path.join(scratch, 'config'), XDG_DATA_HOME: path.join(scratch, 'data'), XDG_CACHE_HOME: path.join(scratch, 'cache') };
  const installed = spawnSync(process.execPath, [codeServerEntry, '--install-extension', vsix, '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir], { env, encoding: 'utf8', timeout: 120_000 });
  assert.equal(installed.status, 0, `installing ${path.basename(vsix)} failed:\n${installed.stdout}\n${installed.stderr}`);
  assert.match(installed.stdout, /connlint.*successfully installed/i, installed.stdout);
  const port = await freePort();
  const flags = ['--bind-addr', `127.0.0.1:${port}`, '--auth', 'none', '--disable-telemetry', '--disable-update-check', '--disable-workspace-trust', '--disable-getting-started-override', '--ignore-last-opened'];
  const server: ChildProcess = spawn(process.execPath, [codeServerEntry, ...flags, '--config', path.join(scratch, 'config.yaml'), '--extensions-dir', extensionsDir, '--user-data-dir', userDataDir], { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let log = '';
  server.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  server.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  const group = server.pid!;
  const signalGroup = (signal: NodeJS.Signals | 0): boolean => {
    try {
      process.kill(-group, signal);
      return true;
    } catch {
      return false;
    }
  };
  process.once('exit', () => signalGroup('SIGKILL'));
  const url = `http://127.0.0.1:${port}`;
  await poll(`code-server to answer on ${url}`, 30_000, async () => {
    if (server.exitCode !== null) throw new Error(`code-server exited with ${server.exitCode}:\n${log}`);
    return (await fetch(`${url}/healthz`).catch(() => undefined))?.ok === true;
  });
  const { chromium } = createRequire(path.join(cacheDir, 'package.json'))('playwright-core') as PlaywrightCore;
  const context = await chromium.launchPersistentContext(path.join(scratch, 'chromium-profile'), {
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    viewport: { width: 1400, height: 900 },
    timeout: 60_000,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const browserErrors: string[] = [];
  page.on('pageerror', (error) => browserErrors.push(String(error)));
  page.on('console', (message) => void (message.type() === 'error' && browserErrors.push(message.text())));
  await page.goto(`${url}/?folder=${encodeURIComponent(workspace)}`, { timeout: 60_000 });
  await page.locator('.explorer-folders-view').getByText(firstFile, { exact: true }).waitFor({ state: 'visible', timeout: 60_000 });
  return {
    page,
    workspace,
    browserErrors,
    serverLog: () => log,
    logFiles: (pattern) => filesUnder(path.join(userDataDir, 'logs')).filter((file) => pattern.test(path.basename(file))),
    async stop() {
      await context.close().catch(() => undefined);
      if (signalGroup('SIGTERM')) await poll('code-server to exit', 5_000, () => !signalGroup(0)).catch(() => signalGroup('SIGKILL'));
      if (!process.env.CONNLINT_E2E_KEEP) rmSync(scratch, { recursive: true, force: true });
    },
  };
}

/** A quiet, predictable workbench: no welcome page, walkthroughs, update checks or autosave. */
const QUIET_SETTINGS = {
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
};

/** Opens a file of the workspace through Quick Open (Ctrl+P); its editor has the focus. */
export async function openFile(page: Page, name: string): Promise<void> {
  // Right after start-up, Quick Open may list the file before it focuses a row: asked again, it does.
  for (let attempt = 1; ; attempt++) {
    await page.keyboard.press('Control+P');
    await page.locator(QUICK_INPUT).waitFor({ state: 'visible', timeout: 10_000 });
    await page.keyboard.type(name);
    const row = page.locator('.quick-input-list .monaco-list-row.focused').filter({ hasText: name }).first();
    const focused = await row.waitFor({ state: 'visible', timeout: 5_000 }).then(() => true, () => false);
    if (focused) break;
    await page.keyboard.press('Escape');
    if (attempt === 3) throw new Error(`Quick Open never focused ${name}`);
  }
  await page.keyboard.press('Enter');
  await page.locator('.tab.active').filter({ hasText: name }).waitFor({ state: 'visible', timeout: 10_000 });
  await page.locator('.editor-instance .monaco-editor.focused').waitFor({ state: 'visible', timeout: 10_000 });
}

/** Moves the cursor to the start of a line (1-based) of the focused editor with Go to Line (Ctrl+G). */
export async function goToLine(page: Page, line: number): Promise<void> {
  await page.keyboard.press('Control+G');
  await page.locator(QUICK_INPUT).waitFor({ state: 'visible', timeout: 10_000 });
  await page.keyboard.type(String(line));
  await page.keyboard.press('Enter');
  await page.locator('.quick-input-widget').waitFor({ state: 'hidden', timeout: 10_000 });
}

/** Runs a command by its title from the Command Palette; `picks`: the title of an item it then asks to choose. */
export async function runCommand(page: Page, title: string, picks?: string): Promise<void> {
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

/** Polls `ready` every 100 ms until it returns true; fails with `what` after `timeoutMs`. */
export async function poll(what: string, timeoutMs: number, ready: () => boolean | Promise<boolean>): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await ready())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
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
  for (const entry of readdirSync(file)) if (entry !== 'node_modules' && entry !== 'out') newest = Math.max(newest, newestMtime(path.join(file, entry)));
  return newest;
}

/** Every file under `dir`, none when it does not exist. */
function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(path.join(dir, entry.name)) : [path.join(dir, entry.name)]));
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
