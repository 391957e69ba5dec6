import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeFile, toPortable, type AnalyzedFile } from '@connlint/server';
import { lines } from '../helpers/lintFiles';
import { kubeProxyConfigMap, kubeProxyDaemonSet } from '../helpers/manifests';

const PATH = 'apps/stack.yaml';

/** Documents of every kind the analysis reads, and some it skips, one string each (without the `---`). */
const DOCUMENTS = [
  lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: api', '  annotations: {connlint.dev/ignore: keepalive-conntrack}', 'spec:', '  sessionAffinity: ClientIP', '  sessionAffinityConfig: {clientIP: {timeoutSeconds: 600}}', '  selector: {app: api}'),
  lines('apiVersion: apps/v1', 'kind: Deployment', 'metadata:', '  name: api', 'spec:', '  replicas: 3', '  template:', '    metadata:', '      labels: {app: api}', '    spec:', '      hostNetwork: false', '      securityContext:', '        sysctls:', '        - name: net.ipv4.tcp_keepalive_time', '          value: "600"'),
  lines('apiVersion: autoscaling/v2', 'kind: HorizontalPodAutoscaler', 'metadata:', '  name: api', 'spec:', '  scaleTargetRef: {kind: Deployment, name: api}', '  maxReplicas: 5'),
  kubeProxyConfigMap('mode: ipvs', 'conntrack:', '  tcpEstablishedTimeout: 1hour', 'ipvs: [broken'),
  kubeProxyDaemonSet('--proxy-mode=ipvs', '--ipvs-tcp-timeout=2h'),
  lines('apiVersion: v1', 'kind: List', 'items:', '- {apiVersion: v1, kind: Service, metadata: {name: a}, spec: {selector: {app: a}}}', '- {apiVersion: v1, kind: Service, metadata: {name: b}, spec: {selector: {app: b}}}'),
  lines('apiVersion: v1', 'kind: Service', 'kind: Service', 'metadata:', '  name: twice'),
  lines('apiVersion: apiextensions.k8s.io/v1', 'kind: CustomResourceDefinition', 'metadata:', '  name: widgets.example.com'),
  lines('apiVersion: discovery.k8s.io/v1', 'kind: EndpointSlice', 'metadata:', '  name: ext-1', '  labels: {kubernetes.io/service-name: ext}', 'endpoints:', '- addresses: [10.0.0.1]'),
];

const join = (documents: readonly string[], eol = '\n'): string => documents.join('---\n').replace(/\n/g, eol);

/** A small deterministic generator (a linear congruential one), so a failure can be replayed. */
function random(seed: number): (below: number) => number {
  let state = seed >>> 0;
  return (below) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state % below;
  };
}

/** An edit an editor could make: to one document, or to the order and number of documents. */
function edit(documents: readonly string[], next: (below: number) => number): string[] {
  const result = [...documents];
  const at = next(result.length);
  switch (next(6)) {
    case 0:
      result.splice(at, 0, DOCUMENTS[next(DOCUMENTS.length)]!);
      break;
    case 1:
      if (result.length > 1) result.splice(at, 1);
      break;
    case 2:
      result[at] = result[at]!.replace(/replicas: \d+|maxReplicas: \d+|name: \w+/, (found) => `${found}${next(10)}`);
      break;
    case 3:
      result[at] = `# a comment line\n${result[at]}`;
      break;
    case 4:
      result.splice(at, 0, result[at]!);
      break;
    default: {
      const other = next(result.length);
      [result[at], result[other]] = [result[other]!, result[at]!];
    }
  }
  return result;
}

const portable = (file: AnalyzedFile): unknown => toPortable(file);

test('an analysis that takes over the unchanged documents of the previous version equals one from scratch, over 300 random edits', () => {
  for (const eol of ['\n', '\r\n']) {
    const next = random(eol.length * 7919);
    let documents = [...DOCUMENTS];
    let previous = analyzeFile(PATH, join(documents, eol));
    for (let step = 0; step < 150; step++) {
      documents = edit(documents, next);
      const text = join(documents, eol);
      const reused = analyzeFile(PATH, text, { previous });
      assert.deepEqual(portable(reused), portable(analyzeFile(PATH, text)), `step ${step} (${JSON.stringify(eol)}): ${JSON.stringify(documents.map((document) => document.split('\n')[1]))}`);
      previous = reused;
    }
  }
});

test('only the documents whose text changed are parsed again', () => {
  const [crd, slice, service, deployment, hpa] = [DOCUMENTS[7]!, DOCUMENTS[8]!, DOCUMENTS[0]!, DOCUMENTS[1]!, DOCUMENTS[2]!];
  const previous = analyzeFile(PATH, join([crd, service, deployment, hpa]));
  // Mark the earlier objects: a document taken over keeps the mark, one parsed again does not.
  const marked: AnalyzedFile = { ...previous, objects: previous.objects.map((object) => ({ ...object, name: `${object.name}-earlier` })) };
  const analysed = analyzeFile(PATH, join([crd, slice, service, deployment.replace('replicas: 3', 'replicas: 4'), hpa]), { previous: marked });
  assert.deepEqual(
    analysed.objects.map((object) => [object.kind, object.name, object.documentIndex]),
    [
      ['EndpointSlice', 'ext-1', 1],
      ['Service', 'api-earlier', 2],
      ['Deployment', 'api', 3],
      ['HorizontalPodAutoscaler', 'api-earlier', 4],
    ],
  );
  // Moved with its document: the HPA's maxReplicas is where the new text has it.
  const autoscaler = analysed.objects[3]!;
  assert.ok(autoscaler.kind === 'HorizontalPodAutoscaler' && autoscaler.maxReplicas !== undefined);
  assert.equal(analysed.text.slice(autoscaler.maxReplicas.span.start, autoscaler.maxReplicas.span.end), '5');
});

test('an earlier analysis of another file, or of a sysctl file, is not taken over', () => {
  const text = join([DOCUMENTS[0]!]);
  const other = analyzeFile('other.yaml', text);
  const marked: AnalyzedFile = { ...other, objects: other.objects.map((object) => ({ ...object, name: 'from another file' })) };
  assert.equal(analyzeFile(PATH, text, { previous: marked }).objects[0]!.name, 'api');
});
