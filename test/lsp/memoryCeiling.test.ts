import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { MAX_INDEXED_TEXT, WorkspaceIndex } from '@connlint/server/lsp';
import { lines } from '../helpers/lintFiles';

const scratch = mkdtempSync(path.join(tmpdir(), 'connlint-ceiling-'));
after(() => rmSync(scratch, { recursive: true, force: true }));

/** A manifest of `documents` Services: 100 characters each. */
function services(prefix: string, documents: number): string {
  return Array.from({ length: documents }, (_, i) => lines('---', 'apiVersion: v1', 'kind: Service', 'metadata:', `  name: ${prefix}-${String(i).padStart(19, '0')}`, 'spec:', '  selector: {app: x}')).join('');
}

const REASON =
  "the index holds at most 0.0286102294921875 MiB of text from disk, Connlint's limit for a workspace (open the file to lint it, or leave files out with connlint.exclude)";

/** A folder of three 10,000-character manifests, indexed with a budget of 30,000 characters. */
async function indexed(budget = 30_000): Promise<{ index: WorkspaceIndex; uri: (name: string) => string; file: (name: string) => string; logs: string[] }> {
  const root = mkdtempSync(path.join(scratch, 'folder-'));
  const file = (name: string): string => path.join(root, name);
  const uri = (name: string): string => pathToFileURL(file(name)).href;
  for (const name of ['a.yaml', 'b.yaml', 'c.yaml']) writeFileSync(file(name), services(name[0]!, 100));
  const logs: string[] = [];
  const index = new WorkspaceIndex((message) => logs.push(message), budget);
  index.setFolders([pathToFileURL(root).href]);
  await index.scan(() => undefined);
  return { index, uri, file, logs };
}

test('the default ceiling is 64 MiB of text held from disk', () => {
  assert.equal(MAX_INDEXED_TEXT, 64 * 1024 * 1024);
  assert.equal(services('a', 100).length, 10_000);
});

test('a scan reads files in order until the budget of text is spent, and logs the others with the limit', async () => {
  const { index, uri, logs } = await indexed(25_000);
  assert.deepEqual(logs, [`Skipped ${uri('c.yaml')}: ${REASON.replace('0.0286102294921875', String(25_000 / 1024 / 1024))}`]);
  assert.equal(index.indexedText, 20_000);
  assert.deepEqual([index.modelFor(uri('a.yaml')) !== undefined, index.modelFor(uri('b.yaml')) !== undefined, index.modelFor(uri('c.yaml'))], [true, true, undefined]);
  assert.equal(index.folderModel().services.length, 200);
});

test('deleting a file frees its share: a file that changes afterwards is read', async () => {
  const { index, uri, file, logs } = await indexed(20_000);
  assert.equal(logs.length, 1);
  unlinkSync(file('a.yaml'));
  index.fileDeleted(uri('a.yaml'));
  assert.equal(index.indexedText, 10_000);
  index.fileChanged(uri('c.yaml'));
  assert.equal(index.indexedText, 20_000);
  assert.equal(index.folderModel().services.length, 200);
  assert.notEqual(index.modelFor(uri('c.yaml')), undefined);
});

test('a file that grows past the budget is dropped and logged; opened in the editor it is linted whatever its size', async () => {
  const { index, uri, file, logs } = await indexed(30_000);
  assert.deepEqual(logs, []);
  writeFileSync(file('b.yaml'), services('b', 150));
  index.fileChanged(uri('b.yaml'));
  assert.equal(logs.length, 1);
  assert.match(logs[0]!, /^Skipped file:\/\/.*\/b\.yaml: the index holds at most /);
  assert.equal(index.indexedText, 20_000);
  assert.equal(index.modelFor(uri('b.yaml')), undefined);
  index.openDocument(uri('b.yaml'), services('b', 150));
  assert.equal(index.folderModel().services.length, 350);
  assert.equal(index.indexedText, 20_000, "the editor's text is not counted");
  index.closeDocument(uri('b.yaml'));
  assert.equal(index.modelFor(uri('b.yaml')), undefined, 'closed, it goes back to the disk, past the budget');
  assert.equal(logs.length, 2);
});

test('removing a folder releases what its files held', async () => {
  const { index, uri } = await indexed(30_000);
  assert.equal(index.indexedText, 30_000);
  index.removeFolders([uri('').replace(/\/$/, '')]);
  assert.equal(index.indexedText, 0);
});
