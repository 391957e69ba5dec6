// The packaged extension in a real VS Code: code-server (VS Code 1.96, the oldest the extension
// supports) in headless Chromium, driven through its UI with playwright-core.
//
// scripts/setup-code-server.sh installs code-server and playwright-core into a cache outside the
// repository (and Chromium from Debian); this test runs it first, which takes well under a second
// once the cache is there. Where they cannot be installed the test is skipped, except in CI
// (CI set), where that is a failure. Screenshots of each step go to test/out/e2e/screenshots/.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import { goToLine, openFile, poll, root, runCommand, screenshots, startCodeServer, type CodeServerSession, type Locator, type Page } from './codeServer';

const fixtures = path.join(root, 'test', 'e2e', 'fixtures', 'vscode');
const WARNING = 'Service "myservice" has 2 backends';
const QUICK_FIX = 'Add sessionAffinity: ClientIP (pins each client to one pod; pods added later get no traffic from existing clients)';
/** The Deployment's backends, as the Problems panel and the hover on the Service's name give them. */
const BACKENDS = 'Deployment "server" has replicas: 2';
const NO_PROBLEMS = 'No problems have been detected in the workspace.';

/** Why the whole file is skipped, when it is. */
let skipReason: string | undefined;
let session: CodeServerSession | undefined;
let page: Page;
let workspace: string;

before(async () => {
  const started = await startCodeServer(fixtures, 'service.yaml', {
    'editor.lightbulb.enabled': 'on',
    // Text typed into a new buffer stays as typed.
    'editor.autoClosingBrackets': 'never',
    'editor.autoClosingQuotes': 'never',
  });
  if ('skip' in started) {
    skipReason = started.skip;
    return;
  }
  session = started;
  ({ page, workspace } = started);
  for (const old of readdirSync(screenshots)) if (old.startsWith('vscode-')) rmSync(path.join(screenshots, old));
});

after(async () => {
  await session?.stop();
});

// ---- The scenario ----

test('the cross-file service-affinity warning shows in the Problems panel', { timeout: 90_000 }, async (t) => {
  if (skipped(t)) return;
  await step('problems', async () => {
    await runCommand(page, 'Focus on Problems View'); // "Problems: Focus on Problems View" in VS Code 1.96
    await problemRows(WARNING).first().waitFor({ state: 'visible', timeout: 60_000 });
    const row = await problemRows(WARNING).first().innerText();
    assert.match(row, /Service "myservice" has 2 backends \(Deployment "server" has replicas: 2\)/);
    await page.screenshot({ path: path.join(screenshots, 'vscode-1-problems.png') });
  });
});

test("hover on the Service's name in service.yaml names its backends", { timeout: 90_000 }, async (t) => {
  if (skipped(t)) return;
  await step('hover', async () => {
    await openFile(page, 'service.yaml');
    // The squiggle shows once the editor has the diagnostic, and so the language server is up.
    await page.locator('.editor-instance .squiggly-warning').first().waitFor({ state: 'visible', timeout: 30_000 });
    // Line 4 is "  name: myservice": the cursor goes inside the name.
    await goToLine(page, 4);
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

test("the hover's file reference deploy.yaml:6 opens deploy.yaml with the cursor on line 6", { timeout: 90_000 }, async (t) => {
  if (skipped(t)) return;
  await step('hover-link', async () => {
    await openFile(page, 'service.yaml');
    await goToLine(page, 4);
    await page.keyboard.press('End');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('Control+K');
    await page.keyboard.press('Control+I');
    const link = page.locator('.monaco-editor .monaco-hover .rendered-markdown a').filter({ hasText: /^deploy\.yaml:6$/ }).first();
    await link.waitFor({ state: 'visible', timeout: 20_000 });
    await link.click();
    await page.locator('.tab.active').filter({ hasText: 'deploy.yaml' }).waitFor({ state: 'visible', timeout: 20_000 });
    await page.locator('.statusbar-item').filter({ hasText: /^\s*Ln 6, Col 1\s*$/ }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: path.join(screenshots, 'vscode-hover-link-opened.png') });
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
      await openFile(page, 'deploy.yaml').catch(() => undefined);
      await runCommand(page, 'File: Revert File').catch(() => undefined);
    });
    const original = readFileSync(file, 'utf8');
    assert.match(original, /^ {2}replicas: 2$/m);
    await openFile(page, 'deploy.yaml');
    // Line 6 is "  replicas: 2": select the 2 and type 1 over it.
    await goToLine(page, 6);
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
    await openFile(page, 'service.yaml');
    // The squiggle shows once the editor has the diagnostic.
    await page.locator('.editor-instance .squiggly-warning').first().waitFor({ state: 'visible', timeout: 30_000 });
    await goToLine(page, 4);
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
    await runCommand(page, 'Focus on Problems View');
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
    await runCommand(page, 'File: New Untitled Text File');
    await page.locator('.tab.active').filter({ hasText: 'Untitled-1' }).waitFor({ state: 'visible', timeout: 10_000 });
    await runCommand(page, 'Change Language Mode', 'YAML');
    await page.locator('.statusbar-item').filter({ hasText: /^\s*YAML\s*$/ }).first().waitFor({ state: 'visible', timeout: 10_000 });
    // One line of flow YAML: typed as is, whatever the editor does with indentation.
    await page.keyboard.type('{apiVersion: v1, kind: Service, metadata: {name: untitled}, spec: {clusterIP: None, sessionAffinity: ClientIP, ports: [{port: 80}]}}');
    await page.locator('.editor-instance .squiggly-warning').first().waitFor({ state: 'visible', timeout: 30_000 });
    await runCommand(page, 'Focus on Problems View');
    await problemRows(headlessWarning('untitled')).first().waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: path.join(screenshots, 'vscode-10-untitled.png') });
    await runCommand(page, 'View: Revert and Close Editor');
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
    await runCommand(page, 'Connlint: Restart server');
    await poll('a second start to be logged', 30_000, () => starts() > before);
    await statusItem().filter({ hasText: /^\s*Connlint\s*$/ }).waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: path.join(screenshots, 'vscode-11-restarted.png') });
  });
});

test('Show effective network settings follows the workspace: a sysctl.conf written, changed and deleted on disk re-renders the preview', { timeout: 120_000 }, async (t) => {
  if (skipped(t)) return;
  await step('effective-settings', async () => {
    // At the root of the workspace, a folder watched from the start: a directory made now could
    // be watched only after its first files are written, which the editor would not report.
    const sysctl = path.join(workspace, 'sysctl.conf');
    t.after(() => rmSync(sysctl, { force: true }));
    await runCommand(page, 'Connlint: Show effective network settings');
    await reportShowing(/^Node TCP keepalive time\s+7200 s\s+the kernel's default$/);
    await page.screenshot({ path: path.join(screenshots, 'vscode-12-effective-default.png') });

    // The file reference renders as a link: its text alone, no Markdown left around it.
    writeFileSync(sysctl, 'net.ipv4.tcp_keepalive_time = 600\n');
    await reportShowing(/^Node TCP keepalive time\s+600 s\s+net\.ipv4\.tcp_keepalive_time in sysctl\.conf:1$/);
    await reportLink('sysctl.conf:1');
    writeFileSync(sysctl, 'net.ipv4.tcp_keepalive_time = 300\n');
    await reportShowing(/^Node TCP keepalive time\s+300 s\s+net\.ipv4\.tcp_keepalive_time in sysctl\.conf:1$/);
    await reportLink('sysctl.conf:1');
    await page.screenshot({ path: path.join(screenshots, 'vscode-13-effective-changed.png') });

    rmSync(sysctl);
    await reportShowing(/^Node TCP keepalive time\s+7200 s\s+the kernel's default$/);
    await page.screenshot({ path: path.join(screenshots, 'vscode-14-effective-deleted.png') });
  });
});

test('a file reference in the effective network settings opens the file with the cursor on its line', { timeout: 120_000 }, async (t) => {
  if (skipped(t)) return;
  await step('effective-settings-link', async () => {
    // In a folder with a space and a # in its name: the link must carry both.
    const folder = path.join(workspace, 'node #1 conf');
    mkdirSync(folder);
    t.after(() => rmSync(folder, { recursive: true, force: true }));
    writeFileSync(path.join(folder, 'sysctl.conf'), ['# Node tuning', 'net.ipv4.tcp_keepalive_intvl = 30', 'net.ipv4.tcp_keepalive_time = 600', ''].join('\n'));
    await runCommand(page, 'Connlint: Show effective network settings');
    await reportShowing(/^Node TCP keepalive time\s+600 s\s+net\.ipv4\.tcp_keepalive_time in sysctl\.conf:3$/);
    const link = await reportLink('sysctl.conf:3');
    assert.equal(await link.getAttribute('data-href'), '/node%20%231%20conf/sysctl.conf#L3');
    await page.screenshot({ path: path.join(screenshots, 'vscode-15-effective-link.png') });
    await link.click();
    await page.locator('.tab.active').filter({ hasText: 'sysctl.conf' }).waitFor({ state: 'visible', timeout: 20_000 });
    const editor = page.locator('.editor-instance .monaco-editor.focused');
    await editor.waitFor({ state: 'visible', timeout: 10_000 });
    // The cursor is at the start of line 3, the line the link names, and that line is the current one.
    await page.locator('.statusbar-item').filter({ hasText: /^\s*Ln 3, Col 1\s*$/ }).first().waitFor({ state: 'visible', timeout: 10_000 });
    await editor.locator('.view-line').filter({ hasText: /^net\.ipv4\.tcp_keepalive_intvl\s=\s30$/ }).waitFor({ state: 'visible', timeout: 10_000 });
    await page.screenshot({ path: path.join(screenshots, 'vscode-16-effective-link-opened.png') });
  });
});

/** The link of the rendered effective-settings report whose text is `text`, once there is one. */
async function reportLink(text: string): Promise<Locator> {
  let found: Locator | undefined;
  await poll(`the effective network settings to link ${text}`, 30_000, async () => {
    for (const frame of page.frames()) {
      const links = frame.locator('td a').filter({ hasText: new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) });
      if ((await links.count().catch(() => 0)) === 0) continue;
      found = links.first();
      return true;
    }
    return false;
  });
  return found!;
}

/** Waits until the rendered effective-settings report (a webview frame) has a table row matching `row`. */
async function reportShowing(row: RegExp): Promise<void> {
  let seen: string[] = [];
  await poll(`the effective network settings to show a row matching ${row}`, 30_000, async () => {
    for (const frame of page.frames()) {
      const rows = await frame.locator('tr').allInnerTexts().catch(() => []);
      if (!rows.some((text) => text.includes('Node TCP keepalive time'))) continue;
      seen = rows;
      if (rows.some((text) => row.test(text.trim()))) return true;
    }
    return false;
  }).catch((error: Error) => {
    throw new Error(`${error.message}; rows seen: ${JSON.stringify(seen)}`);
  });
}

/** What the Connlint output channel holds, from VS Code's logs on disk. */
function connlintLog(): string {
  return session!.logFiles(/Connlint\.log$/).map((file) => readFileSync(file, 'utf8')).join('\n');
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

/** Runs one step of the scenario; when it fails, saves a screenshot and adds what the logs say. */
async function step(name: string, body: () => Promise<void>): Promise<void> {
  try {
    await body();
  } catch (error) {
    await page.screenshot({ path: path.join(screenshots, `vscode-failed-${name}.png`) }).catch(() => undefined);
    const logs = session!.logFiles(/exthost|Connlint/i).filter((file) => statSync(file).size > 0);
    const details = [
      `screenshot: ${path.join(screenshots, `vscode-failed-${name}.png`)}`,
      `browser errors:\n${session!.browserErrors.slice(-10).join('\n') || '(none)'}`,
      `code-server:\n${session!.serverLog().split('\n').slice(-20).join('\n')}`,
      ...logs.map((file) => `${path.basename(path.dirname(file))}/${path.basename(file)}:\n${readFileSync(file, 'utf8').split('\n').slice(-30).join('\n')}`),
    ];
    throw new Error(`${error instanceof Error ? error.message : String(error)}\n\n${details.join('\n\n')}`, { cause: error });
  }
}
