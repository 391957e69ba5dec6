// Fixing against linting: `lint` and `connlint --fix`'s fixing of one generated file with 2,000
// findings, in process, side by side. Fixing should cost a small multiple of linting.
import { createRequire } from 'node:module';
import { median } from './util.mjs';

const require = createRequire(import.meta.url);
const core = require('../../server/out/index.js');
const { applyFixes } = require('../../server/out/cli/fix.js');

/** One file: a Deployment of two replicas and `services` Services selecting it, none with ClientIP affinity (one finding each). */
export function manyFindings(services = 2000) {
  const documents = [
    ['apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: web', 'spec:', '  replicas: 2', '  selector:', '    matchLabels:', '      app: web', '  template:', '    metadata:', '      labels:', '        app: web', '    spec:', '      containers:', '        - name: web', '          image: nginx'].join('\n'),
  ];
  for (let i = 0; i < services; i++) {
    documents.push(['apiVersion: v1', 'kind: Service', 'metadata:', `  name: web-${i}`, 'spec:', '  selector:', '    app: web', '  ports:', '    - port: 80'].join('\n'));
  }
  return documents.join('\n---\n') + '\n';
}

function workspaceOf(text) {
  const workspace = new core.Workspace();
  workspace.set('many.yaml', text);
  return workspace;
}

function time(run) {
  const start = performance.now();
  const result = run();
  return { ms: performance.now() - start, result };
}

/** Medians over `runs` rounds of linting and of fixing the same text, each from a fresh workspace. */
export function measureFixes(runs, services = 2000) {
  const text = manyFindings(services);
  const findings = core.lint(workspaceOf(text).model()).length;
  const samples = { lint: [], fix: [] };
  for (let i = 0; i < runs; i++) {
    samples.lint.push(time(() => core.lint(workspaceOf(text).model())).ms);
    const fixed = time(() => applyFixes(workspaceOf(text), {}, new Set()));
    if (fixed.result.length !== 1) throw new Error('the generated file was not fixed');
    samples.fix.push(fixed.ms);
  }
  return { findings, lint: median(samples.lint), fix: median(samples.fix) };
}
