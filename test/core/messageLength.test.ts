import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { fileRole, lint, RULES, Workspace, type Diagnostic } from '@connlint/server';
import { corpusRoot, skipWithoutCorpus } from '../corpus/location';
import { repoRoot } from '../helpers/runCli';

/** The longest message a finding may have: what the Problems panel and an editor's line show whole. */
const MAX_MESSAGE_LENGTH = 200;

/** A set of files linted together as one workspace, named for the assertion messages. */
interface Sample {
  readonly name: string;
  readonly files: ReadonlyMap<string, string>;
  readonly explicit?: boolean;
}

/** The files of the rule pages' examples: a paragraph opening with a backticked path names the next fenced block. */
function pageSamples(): Sample[] {
  const docs = path.join(repoRoot, 'docs', 'rules');
  return readdirSync(docs)
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((page) => {
      const files = new Map<string, string>();
      const lines = readFileSync(path.join(docs, page), 'utf8').split('\n');
      let named: string | undefined;
      for (let i = 0; i < lines.length; i++) {
        named = /^`([\w./-]+\.(?:ya?ml|json|conf))`/.exec(lines[i]!)?.[1] ?? named;
        if (!lines[i]!.startsWith('```')) continue;
        const body: string[] = [];
        for (i++; i < lines.length && !lines[i]!.startsWith('```'); i++) body.push(lines[i]!);
        // The examples of a page are linted together: a later file of the same name is another example.
        if (named !== undefined) files.set(files.has(named) ? `${files.size}/${named}` : named, `${body.join('\n')}\n`);
        named = undefined;
      }
      return { name: `docs/rules/${page}`, files };
    });
}

/** Every file below `root`, relative, in a stable order. */
function filesBelow(root: string, relative = ''): string[] {
  return readdirSync(path.join(root, relative), { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => {
      const child = relative === '' ? entry.name : `${relative}/${entry.name}`;
      return entry.isDirectory() ? filesBelow(root, child) : entry.isFile() ? [child] : [];
    });
}

function directorySample(name: string, root: string, explicit = false): Sample {
  const files = new Map<string, string>();
  for (const file of filesBelow(root)) if (fileRole(file, { explicit }) !== undefined) files.set(file, readFileSync(path.join(root, file), 'utf8'));
  return { name, files, explicit };
}

function lintSample(sample: Sample): Diagnostic[] {
  const workspace = new Workspace({}, (file) => sample.files.has(file));
  for (const [file, text] of sample.files) workspace.set(file, text, { explicit: sample.explicit ?? false });
  return lint(workspace.model());
}

/** The findings of `samples` whose message is too long, as "rule (where): length: message". */
function tooLong(samples: readonly Sample[]): { readonly rules: Set<string>; readonly offending: string[] } {
  const rules = new Set<string>();
  const offending: string[] = [];
  for (const sample of samples) {
    for (const diagnostic of lintSample(sample)) {
      rules.add(diagnostic.rule);
      if (diagnostic.message.length <= MAX_MESSAGE_LENGTH) continue;
      offending.push(`${diagnostic.rule} (${sample.name}/${diagnostic.file}): ${diagnostic.message.length}: ${diagnostic.message}`);
    }
  }
  return { rules, offending };
}

test(`every message of the rule pages' examples and of examples/ is at most ${MAX_MESSAGE_LENGTH} characters`, () => {
  const examples = path.join(repoRoot, 'examples');
  const samples = [...pageSamples(), ...readdirSync(examples).sort().map((name) => directorySample(`examples/${name}`, path.join(examples, name)))];
  const { rules, offending } = tooLong(samples);
  assert.deepEqual(offending, []);
  // Every rule is seen, so none escapes the check for want of an example.
  assert.deepEqual([...RULES.map((rule) => rule.id)].filter((id) => !rules.has(id)), []);
});

test(`every message over the real-world corpus is at most ${MAX_MESSAGE_LENGTH} characters`, (t) => {
  const corpus = corpusRoot();
  const skip = skipWithoutCorpus(corpus, `no corpus at ${corpus}`);
  if (skip) return void t.skip(skip);
  const samples: Sample[] = [];
  for (const [group, explicit] of [['k8s', false], ['sysctl', true]] as const) {
    const root = path.join(corpus, group);
    if (!existsSync(root)) continue;
    for (const repo of readdirSync(root, { withFileTypes: true }).filter((entry) => entry.isDirectory())) {
      samples.push(directorySample(`${group}/${repo.name}`, path.join(root, repo.name), explicit));
    }
  }
  assert.ok(samples.length > 0, `no repositories in ${corpus}`);
  assert.deepEqual(tooLong(samples).offending, []);
});

/** A Deployment of two pods labelled `app: web`, with extra lines in its pod spec. */
const deployment = (name: string, ...podSpec: string[]): string =>
  [
    'apiVersion: apps/v1',
    'kind: Deployment',
    `metadata: {name: ${name}}`,
    'spec:',
    '  replicas: 2',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata: {labels: {app: web}}',
    '    spec:',
    ...podSpec,
    '',
  ].join('\n');

const kubeProxy = (...lines: string[]): string => ['apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', ...lines, ''].join('\n');

/** Workspaces that give the longest forms of the rules' messages: long keys, several configurations, named sources. */
const WORST_CASES: Sample[] = [
  {
    name: 'a node timeout kube-proxy overwrites with its default',
    files: new Map([['node/sysctl.d/60-conntrack.conf', 'net.netfilter.nf_conntrack_tcp_timeout_established = 3600\n'], ['app.yaml', deployment('web')]]),
  },
  {
    name: 'conn_reuse_mode 1 in IPVS mode',
    files: new Map([['kube-proxy.yaml', kubeProxy('mode: ipvs')], ['node/sysctl.d/60-ipvs.conf', 'net.ipv4.vs.conn_reuse_mode = 1\n']]),
  },
  {
    name: 'node and pod keepalives over the timeout of the first of several equally near kube-proxy configurations',
    files: new Map([
      ['a/kube-proxy.yaml', kubeProxy('conntrack:', '  tcpEstablishedTimeout: 1h')],
      ['b/kube-proxy.yaml', kubeProxy('conntrack:', '  tcpEstablishedTimeout: 1h')],
      ['node/sysctl.d/70-tcp.conf', 'net.ipv4.tcp_keepalive_time = 90000\n'],
      ['app.yaml', deployment('a-deployment-with-a-long-name', '      securityContext: {sysctls: [{name: net.ipv4.tcp_keepalive_time, value: "90000"}]}')],
    ]),
  },
  {
    name: 'the node and several workloads on the default keepalive',
    files: new Map([
      ['kube-proxy.yaml', kubeProxy('conntrack:', '  tcpEstablishedTimeout: 0s')],
      ['node/sysctl.d/60-conntrack.conf', 'net.netfilter.nf_conntrack_tcp_timeout_established = 3600\n'],
      ['app.yaml', [deployment('a'), deployment('b'), deployment('c')].join('---\n')],
    ]),
  },
  {
    name: 'a misspelt conntrack key, and conntrack keys in pods',
    files: new Map([
      ['node/sysctl.d/60-conntrack.conf', 'net.netfilter.nf_conntrack_tcp_timeout_establised = 3600\n'],
      ['app.yaml', deployment('web', '      securityContext: {sysctls: [{name: net.netfilter.nf_conntrack_tcp_timeout_established, value: "3600"}]}')],
    ]),
  },
];

test(`the longest forms of the rules' messages are at most ${MAX_MESSAGE_LENGTH} characters`, () => {
  const { rules, offending } = tooLong(WORST_CASES);
  assert.deepEqual(offending, []);
  // The cases reach the rules whose fullest messages passed the limit.
  assert.deepEqual(
    ['conntrack-overridden', 'ipvs-conn-reuse', 'keepalive-conntrack', 'sysctl-unknown-key', 'sysctl-value'].filter((rule) => !rules.has(rule)),
    [],
  );
});
