import assert from 'node:assert/strict';
import { test } from 'node:test';
import { WorkspaceIndex } from '@connlint/server/lsp';
import { lines } from '../helpers/lintFiles';

const URI = 'file:///outside/service.yaml';
const SERVICE = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  selector: {app: web}'];

test('the server logs a document left unread as a template once, and again only when that changes', () => {
  const logs: string[] = [];
  const index = new WorkspaceIndex((message) => logs.push(message));
  const templated = lines(...SERVICE, '  type: {{ .Values.type }}');
  index.openDocument(URI, templated);
  index.openDocument(URI, `${templated}# edited\n`);
  const reason = 'Not linted: a template, {{ .Values.type }} stands where YAML structure is; lint the rendered output.';
  assert.deepEqual(logs, [`Skipped ${URI}:7:9: ${reason}`]);
  index.openDocument(URI, lines(...SERVICE, '  annotations: {summary: "{{ $labels.pod }} down"}'));
  index.openDocument(URI, lines(...SERVICE, '  type: {{ .Values.type }}'));
  assert.deepEqual(logs, [`Skipped ${URI}:7:9: ${reason}`, `Skipped ${URI}:7:9: ${reason}`], 'read in between, skipped again');
});
