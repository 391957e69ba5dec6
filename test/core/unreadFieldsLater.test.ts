import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFile, lint, Workspace, type Diagnostic } from '@connlint/server';
import { APP_WITH_UNREAD_ERROR, DUPLICATE_KEY_LINE } from '../helpers/manifests';

/** One file: a Service and its Deployment, whose container has a YAML error in a field no rule reads. */
const text = APP_WITH_UNREAD_ERROR;
const yamlError = (line: number): Diagnostic => ({
  file: 'app.yaml',
  range: { start: { line, character: 8 }, end: { line, character: 12 } },
  rule: 'yaml-syntax',
  severity: 'error',
  message: 'Map keys must be unique',
  related: [],
});
const yamlErrors = (workspace: Workspace): Diagnostic[] => lint(workspace.model()).filter((diagnostic) => diagnostic.rule === 'yaml-syntax');
const blankedDocuments = (workspace: Workspace): boolean[] => workspace.model().file('app.yaml')!.documents.map((document) => document.blanked);

test('a file set with its unread fields for later is parsed without them, and readWhole then reports their YAML errors', () => {
  assert.equal(DUPLICATE_KEY_LINE, 27);
  const workspace = new Workspace();
  workspace.set('app.yaml', text, { unreadFieldsLater: true });
  assert.deepEqual(blankedDocuments(workspace), [false, true]);
  assert.deepEqual(yamlErrors(workspace), []);
  // The objects are those of a whole parse: the Service's finding is there from the first answer.
  assert.deepEqual(
    lint(workspace.model()).map((diagnostic) => [diagnostic.rule, diagnostic.range.start.line]),
    [['service-affinity', 3]],
  );

  assert.equal(workspace.readWhole('app.yaml'), true);
  assert.deepEqual(blankedDocuments(workspace), [false, false]);
  assert.deepEqual(yamlErrors(workspace), [yamlError(DUPLICATE_KEY_LINE)]);
  assert.deepEqual(workspace.model().file('app.yaml')!.syntaxProblems, analyzeFile('app.yaml', text).syntaxProblems);
  // Nothing is left to read whole.
  assert.equal(workspace.readWhole('app.yaml'), false);
});

test('an edit after readWhole parses only the edited document with its unread fields blanked: the others keep what the whole read found', () => {
  const workspace = new Workspace();
  workspace.set('app.yaml', text, { unreadFieldsLater: true });
  workspace.readWhole('app.yaml');
  // Two lines more in the Service: the Deployment, unchanged, is taken over with its YAML error, moved.
  workspace.set('app.yaml', text.replace('  - port: 2222', '  - port: 2222\n  - port: 81\n  - port: 82'), { unreadFieldsLater: true });
  assert.deepEqual(blankedDocuments(workspace), [false, false]);
  assert.deepEqual(yamlErrors(workspace), [yamlError(DUPLICATE_KEY_LINE + 2)]);
  // An edit of the Deployment's containers: parsed again, blanked, and its error unknown until the next readWhole.
  workspace.set('app.yaml', text.replace('        name: httpd', '        name: httpd\n        imagePullPolicy: Always'), { unreadFieldsLater: true });
  assert.deepEqual(blankedDocuments(workspace), [false, true]);
  assert.deepEqual(yamlErrors(workspace), []);
  assert.equal(workspace.readWhole('app.yaml'), true);
  assert.deepEqual(yamlErrors(workspace), [yamlError(DUPLICATE_KEY_LINE)]);
});

test('an analysis that reads documents whole does not take over a document parsed blanked from the previous version', () => {
  const blanked = analyzeFile('app.yaml', text, { unreadFieldsLater: true });
  assert.deepEqual(blanked.syntaxProblems, []);
  const whole = analyzeFile('app.yaml', text, { previous: blanked });
  assert.deepEqual(
    whole.documents.map((document) => document.blanked),
    [false, false],
  );
  // The parser places the error on the key's first character; the diagnostic (above) spans the key.
  const at = text.indexOf('name: httpd');
  assert.deepEqual(whole.syntaxProblems, [{ span: { start: at, end: at + 1 }, message: 'Map keys must be unique' }]);
});

test('where YAML syntax is reported elsewhere, readWhole leaves the blanked documents as they are', () => {
  const workspace = new Workspace();
  workspace.setAnalysisOptions({ syntaxReportedElsewhere: true });
  workspace.set('app.yaml', text, { unreadFieldsLater: true });
  assert.equal(workspace.readWhole('app.yaml'), false);
  assert.deepEqual(blankedDocuments(workspace), [false, true]);
  assert.deepEqual(yamlErrors(workspace), []);
  assert.equal(workspace.readWhole('missing.yaml'), false);
});
