// The connection-path view in a real VS Code (code-server in headless Chromium): opened from the
// Command Palette on a Service, drawn from the server's SVG, redrawn on an unsaved edit.
// Screenshots go to test/out/e2e/screenshots/ (pathview-*.png).
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { after, before, test, type TestContext } from 'node:test';
import { goToLine, openFile, poll, root, runCommand, screenshots, startCodeServer, type CodeServerSession, type Frame } from './codeServer';

const fixtures = path.join(root, 'test', 'e2e', 'fixtures', 'path');
let session: CodeServerSession | undefined;
let skipReason: string | undefined;

before(async () => {
  const started = await startCodeServer(fixtures, 'service.yaml');
  if ('skip' in started) skipReason = started.skip;
  else session = started;
});

after(async () => {
  await session?.stop();
});

function skipped(t: TestContext): boolean {
  if (skipReason === undefined) return false;
  t.skip(skipReason);
  return true;
}

/** The webview frame whose document holds the drawing, once its text includes `text`. */
async function viewShowing(text: string, timeoutMs = 30_000): Promise<Frame> {
  let found: Frame | undefined;
  let seen = '';
  await poll(`the connection-path view to show ${JSON.stringify(text)}`, timeoutMs, async () => {
    for (const frame of session!.page.frames()) {
      const content = await frame.content().catch(() => '');
      if (!content.includes('<svg')) continue;
      seen = content;
      if (content.includes(text)) {
        found = frame;
        return true;
      }
    }
    return false;
  }).catch((error: Error) => {
    throw new Error(`${error.message}; last drawing seen: ${seen.slice(0, 2000)}`);
  });
  return found!;
}

test('Show connection path draws the Service’s hops, the NLB first to fire, with a strict CSP; an unsaved edit redraws it', { timeout: 180_000 }, async (t) => {
  if (skipped(t)) return;
  const page = session!.page;
  try {
    await openFile(page, 'service.yaml');
    await page.locator('.editor-instance .squiggly-warning').first().waitFor({ state: 'visible', timeout: 60_000 });
    await goToLine(page, 4);
    await page.keyboard.press('End');
    await runCommand(page, 'Connlint: Show connection path');
    const frame = await viewShowing('AWS NLB listener TCP-443 350 s');
    const html = await frame.content();
    assert.match(html, /<g class="hop hop-load-balancer first">/);
    assert.match(html, /keepalive 600 s \(\+75 s\)/);
    assert.match(html, /AWS NLB listener TCP-443 ends connections idle 350 s first; keepalive at 600 s \(\+75 s for a retry\) comes too late\./);
    const policy = await frame.locator('meta[http-equiv="Content-Security-Policy"]').count();
    assert.equal(policy, 1, 'the view declares its Content-Security-Policy');
    assert.match(html, /default-src 'none'; style-src 'nonce-[0-9a-f]{32}';[^"]*script-src 'none'/);
    const drawing = html.slice(html.indexOf('<svg'), html.indexOf('</svg>'));
    assert.doesNotMatch(drawing, /<script|https?:\/\/(?!www\.w3\.org\/2000\/svg)/, 'the drawing loads nothing');
    await page.screenshot({ path: path.join(screenshots, 'pathview-1-nlb.png') });

    // An unsaved edit: a listener attribute raises the NLB's idle timeout to 900 s.
    await openFile(page, 'service.yaml');
    await goToLine(page, 6);
    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('service.beta.kubernetes.io/aws-load-balancer-listener-attributes.TCP-443: tcp.idle_timeout.seconds=900');
    await page.keyboard.press('Escape');
    await viewShowing('AWS NLB listener TCP-443 900 s');
    await viewShowing('keepalive at 600 s (+75 s for a retry) keeps it open.');
    await page.screenshot({ path: path.join(screenshots, 'pathview-2-raised.png') });
  } catch (error) {
    await page.screenshot({ path: path.join(screenshots, 'pathview-failed.png') }).catch(() => undefined);
    throw new Error(`${error instanceof Error ? error.message : String(error)}\nbrowser errors:\n${session!.browserErrors.slice(-10).join('\n') || '(none)'}`, { cause: error });
  }
});
