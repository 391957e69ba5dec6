import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lines, ruleLinter } from '../helpers/lintFiles';

const { diagnostics } = ruleLinter('yaml-syntax');
const HEAD = ['apiVersion: v1', 'kind: Service', 'metadata:'];

/** Each yaml-syntax finding as "line:start-end text", the text being what the squiggle covers. */
function squiggles(text: string): string[] {
  const all = text.split('\n');
  return diagnostics({ 'service.yaml': text }).map(({ range: { start, end }, message }) => {
    const covered = start.line === end.line ? all[start.line]!.slice(start.character, end.character) : '(several lines)';
    return `${start.line}:${start.character}-${end.character} ${JSON.stringify(covered)} ${message.split('.')[0]}`;
  });
}

test('a key out of line with its siblings: the squiggle covers the key, not a blank of its indentation', () => {
  assert.deepEqual(squiggles(lines(...HEAD, '    name: x', '  labels: {}')), ['4:2-8 "labels" All mapping items must start at the same column']);
});

test('a duplicate key: the squiggle covers the whole key', () => {
  assert.deepEqual(squiggles(lines(...HEAD, '  name: x', '  name: y')), ['4:2-6 "name" Map keys must be unique']);
});

test('a tab of indentation keeps its one-character squiggle', () => {
  assert.deepEqual(squiggles(lines(...HEAD, '  name: x', 'spec:', '\ttype: ClusterIP')), ['5:0-1 "\\t" Tabs are not allowed as indentation']);
});
