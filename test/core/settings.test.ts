import { RULES, DEFAULT_SETTINGS, assumptionsOf, exclusionMatcher, lintSettingsOf, parseSettings, type ConnlintSettings } from '@connlint/server';
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintBrief, lines, lintersFor } from '../helpers/lintFiles';
import { CONNTRACK_ESTABLISHED as CONNTRACK, KEEPALIVE_TIME as KEEPALIVE } from '../helpers/sysctl';

/** The message for an unknown rule id with no near match: every rule of the registry, in its order. */
const KNOWN = `unknown rule (known: ${RULES.map((rule) => rule.id).join(', ')})`;
const DID_YOU_MEAN = 'unknown rule (did you mean service-affinity?)';
const SEVERITY = 'must be one of off, hint, info, warning, error';
const TIMEOUT = 'must be a whole number of seconds above 0, or null';

test('parseSettings accepts the full schema', () => {
  const raw = {
    rules: { 'service-affinity': 'error', 'keepalive-conntrack': 'off', 'yaml-syntax': 'hint', 'sysctl-syntax': 'info' },
    exclude: ['vendor/**', '**/*.generated.yaml'],
    overrides: [{ files: ['test/**'], excludedFiles: ['test/e2e/**'], rules: { 'service-affinity': 'off' } }],
    assume: { conntrackEstablishedTimeout: 3600, kubeProxy: 'absent', proxyMode: 'ipvs', kubernetesVersion: null },
  };
  assert.deepEqual(parseSettings(raw), {
    settings: {
      rules: { 'service-affinity': 'error', 'keepalive-conntrack': 'off', 'yaml-syntax': 'hint', 'sysctl-syntax': 'info' },
      exclude: ['vendor/**', '**/*.generated.yaml'],
      overrides: [{ files: ['test/**'], excludedFiles: ['test/e2e/**'], rules: { 'service-affinity': 'off' } }],
      assume: { conntrackEstablishedTimeout: 3600, kubeProxy: 'absent', proxyMode: 'ipvs', kubernetesVersion: null, cloud: 'auto', idleTimers: [] },
    },
    problems: [],
  });
  assert.deepEqual(parseSettings({ rules: { 'service-affinity': 'warning' }, assume: { kubeProxy: 'running', conntrackEstablishedTimeout: null } }), {
    settings: { rules: { 'service-affinity': 'warning' }, exclude: [], overrides: [], assume: { conntrackEstablishedTimeout: null, kubeProxy: 'running', proxyMode: 'auto', kubernetesVersion: null, cloud: 'auto', idleTimers: [] } },
    problems: [],
  });
});

test('parseSettings: nothing, null and empty values give the defaults', () => {
  assert.deepEqual(DEFAULT_SETTINGS, { rules: {}, exclude: [], overrides: [], assume: { conntrackEstablishedTimeout: null, kubeProxy: 'auto', proxyMode: 'auto', kubernetesVersion: null, cloud: 'auto', idleTimers: [] } });
  for (const raw of [undefined, null, {}, { rules: null, exclude: null, assume: null }, { rules: {}, exclude: [], overrides: [], assume: {} }]) {
    assert.deepEqual(parseSettings(raw), { settings: DEFAULT_SETTINGS, problems: [] }, JSON.stringify(raw));
  }
});

test('parseSettings: input that is not a mapping', () => {
  for (const raw of [[], ['rules'], 'rules: {}', 42, true]) {
    assert.deepEqual(parseSettings(raw), { settings: DEFAULT_SETTINGS, problems: [{ key: '', message: 'settings must be a mapping' }] }, JSON.stringify(raw));
  }
});

test('parseSettings: unknown rules and bad severities, each named by its key', () => {
  assert.deepEqual(parseSettings({ rules: { 'service-afinity': 'warning', 'keepalive-conntrack': 'warn', 'yaml-syntax': 2, 'sysctl-syntax': 'off', 'service-affinity': null } }), {
    settings: { rules: { 'sysctl-syntax': 'off' }, exclude: [], overrides: [], assume: DEFAULT_SETTINGS.assume },
    problems: [
      { key: 'rules.service-afinity', message: DID_YOU_MEAN },
      { key: 'rules.keepalive-conntrack', message: SEVERITY },
      { key: 'rules.yaml-syntax', message: SEVERITY },
      { key: 'rules.service-affinity', message: SEVERITY },
    ],
  });
  assert.deepEqual(parseSettings({ rules: { 'service-affinity': 'Warning' } }).problems, [{ key: 'rules.service-affinity', message: SEVERITY }], 'case matters');
  for (const rules of [['service-affinity'], 'off', 1]) {
    assert.deepEqual(parseSettings({ rules }).problems, [{ key: 'rules', message: 'must be a mapping of rule ids to severities' }], JSON.stringify(rules));
  }
});

test('parseSettings: exclude must be a list of strings', () => {
  for (const exclude of ['vendor/**', ['vendor/**', 3], { vendor: true }, 0]) {
    assert.deepEqual(parseSettings({ exclude }), {
      settings: DEFAULT_SETTINGS,
      problems: [{ key: 'exclude', message: 'must be a list of glob patterns' }],
    }, JSON.stringify(exclude));
  }
});

test('parseSettings: assume values', () => {
  for (const conntrackEstablishedTimeout of [0, -1, 1.5, '3600', true, [3600]]) {
    assert.deepEqual(parseSettings({ assume: { conntrackEstablishedTimeout } }), {
      settings: DEFAULT_SETTINGS,
      problems: [{ key: 'assume.conntrackEstablishedTimeout', message: TIMEOUT }],
    }, JSON.stringify(conntrackEstablishedTimeout));
  }
  assert.deepEqual(parseSettings({ assume: { conntrackEstablishedTimeout: 1 } }).settings.assume, { conntrackEstablishedTimeout: 1, kubeProxy: 'auto', proxyMode: 'auto', kubernetesVersion: null, cloud: 'auto', idleTimers: [] });
  for (const kubeProxy of ['yes', 'Absent', true, null]) {
    assert.deepEqual(parseSettings({ assume: { kubeProxy } }).problems, [{ key: 'assume.kubeProxy', message: 'must be one of auto, running, absent' }], JSON.stringify(kubeProxy));
  }
  assert.deepEqual(parseSettings({ assume: { kubeproxy: 'absent' } }).problems, [
    { key: 'assume.kubeproxy', message: 'unknown setting (allowed: conntrackEstablishedTimeout, kubeProxy, proxyMode, kubernetesVersion, cloud, idleTimers)' },
  ]);
  for (const assume of ['absent', [], 3600]) {
    assert.deepEqual(parseSettings({ assume }).problems, [{ key: 'assume', message: 'must be a mapping (conntrackEstablishedTimeout, kubeProxy, proxyMode, kubernetesVersion, cloud, idleTimers)' }], JSON.stringify(assume));
  }
});

test('parseSettings: unknown top-level keys, and every problem at once with the good values kept', () => {
  assert.deepEqual(parseSettings({ rule: { 'service-affinity': 'off' } }), {
    settings: DEFAULT_SETTINGS,
    problems: [{ key: 'rule', message: 'unknown setting (allowed: rules, exclude, overrides, assume, clusters)' }],
  });
  const { settings, problems } = parseSettings({
    severity: 'error',
    rules: { 'service-affinity': 'error', nope: 'off' },
    exclude: 'charts',
    assume: { conntrackEstablishedTimeout: 0, kubeProxy: 'running', extra: 1 },
  });
  assert.deepEqual(settings, { rules: { 'service-affinity': 'error' }, exclude: [], overrides: [], assume: { conntrackEstablishedTimeout: null, kubeProxy: 'running', proxyMode: 'auto', kubernetesVersion: null, cloud: 'auto', idleTimers: [] } });
  assert.deepEqual(problems, [
    { key: 'severity', message: 'unknown setting (allowed: rules, exclude, overrides, assume, clusters)' },
    { key: 'rules.nope', message: KNOWN },
    { key: 'exclude', message: 'must be a list of glob patterns' },
    { key: 'assume.conntrackEstablishedTimeout', message: TIMEOUT },
    { key: 'assume.extra', message: 'unknown setting (allowed: conntrackEstablishedTimeout, kubeProxy, proxyMode, kubernetesVersion, cloud, idleTimers)' },
  ]);
});

const withExclude = (exclude: string[]): ConnlintSettings => ({ ...DEFAULT_SETTINGS, exclude });

test('exclusionMatcher: globs over relative paths; a pattern matching a directory covers what is below it', () => {
  const excluded = exclusionMatcher(withExclude(['vendor/**', '**/*.generated.yaml', 'charts', 'tmp/*.yaml']));
  const cases: [string, boolean][] = [
    ['vendor/a.yaml', true],
    ['vendor/deep/er/a.yaml', true],
    ['vendor', true],
    ['app/vendor/a.yaml', false],
    ['vendored/a.yaml', false],
    ['api.generated.yaml', true],
    ['k8s/api.generated.yaml', true],
    ['k8s/deep/api.generated.yaml', true],
    ['k8s/api.generated.yml', false],
    ['k8s/api.yaml', false],
    ['charts/web/templates/service.yaml', true],
    ['charts', true],
    ['apps/charts/service.yaml', false],
    ['charts-old/service.yaml', false],
    ['tmp/a.yaml', true],
    ['tmp/sub/a.yaml', false],
  ];
  for (const [path, expected] of cases) assert.equal(excluded(path), expected, path);
  assert.equal(exclusionMatcher(withExclude(['**/.cache/**']))('k8s/.cache/service.yaml'), true, 'dot directories match');
  assert.equal(exclusionMatcher(withExclude(['**/testdata']))('pkg/testdata/a/service.yaml'), true, 'a directory at any depth');
});

test('exclusionMatcher: no patterns exclude nothing', () => {
  const excluded = exclusionMatcher(DEFAULT_SETTINGS);
  for (const path of ['a.yaml', 'vendor/a.yaml', '.git/config']) assert.equal(excluded(path), false);
});

test('assumptionsOf and lintSettingsOf', () => {
  assert.deepEqual(assumptionsOf(DEFAULT_SETTINGS), {});
  assert.deepEqual(assumptionsOf({ ...DEFAULT_SETTINGS, assume: { conntrackEstablishedTimeout: 3600, kubeProxy: 'running', proxyMode: 'auto', kubernetesVersion: null, cloud: 'auto', idleTimers: [] } }), { conntrackEstablishedTimeout: 3600, kubeProxy: true });
  assert.deepEqual(assumptionsOf({ ...DEFAULT_SETTINGS, assume: { conntrackEstablishedTimeout: null, kubeProxy: 'absent', proxyMode: 'ipvs', kubernetesVersion: null, cloud: 'auto', idleTimers: [] } }), { kubeProxy: false, proxyMode: 'ipvs' });
  assert.deepEqual(assumptionsOf({ ...DEFAULT_SETTINGS, assume: { conntrackEstablishedTimeout: 900, kubeProxy: 'auto', proxyMode: 'auto', kubernetesVersion: '1.27', cloud: 'auto', idleTimers: [] } }), { conntrackEstablishedTimeout: 900, kubernetesVersion: '1.27' });
  assert.deepEqual(lintSettingsOf({ ...DEFAULT_SETTINGS, rules: { 'service-affinity': 'error' } }), { severities: { 'service-affinity': 'error' } });
  const firewall = { name: 'corporate firewall', seconds: 1800, paths: ['prod/*'] };
  assert.deepEqual(assumptionsOf({ ...DEFAULT_SETTINGS, assume: { ...DEFAULT_SETTINGS.assume, cloud: 'gcp', idleTimers: [firewall] } }), { cloud: 'gcp', idleTimers: [firewall] });
});

test('parseSettings: assume.cloud and assume.idleTimers, each wrong entry reported and left out', () => {
  const good = { name: 'firewall', seconds: 1800, paths: ['prod/*', 'api'] };
  assert.deepEqual(parseSettings({ assume: { cloud: 'azure', idleTimers: [good, { name: 'proxy', seconds: 900 }] } }).settings.assume, {
    ...DEFAULT_SETTINGS.assume,
    cloud: 'azure',
    idleTimers: [good, { name: 'proxy', seconds: 900, paths: [] }],
  });
  const { settings, problems } = parseSettings({ assume: { cloud: 'openstack', idleTimers: [{ seconds: 5 }, { name: 'x', seconds: 0 }, { name: 'y', seconds: 5, paths: 'api' }, good] } });
  assert.deepEqual(settings.assume, { ...DEFAULT_SETTINGS.assume, idleTimers: [good] });
  assert.deepEqual(problems, [
    { key: 'assume.cloud', message: 'must be one of auto, aws, azure, gcp, none' },
    { key: 'assume.idleTimers[0]', message: 'must be a mapping with a name' },
    { key: 'assume.idleTimers[1].seconds', message: 'must be a whole number of seconds above 0' },
    { key: 'assume.idleTimers[2].paths', message: 'must be a list of Service names or globs over namespace/name' },
  ]);
  assert.deepEqual(parseSettings({ assume: { idleTimers: 'x' } }).problems, [{ key: 'assume.idleTimers', message: 'must be a list of { name, seconds, paths }' }]);
});


/** Deployment "api" whose pods set the keepalive (its value on line 13, 0-based, at column 17). */
const api = (keepalive: string): string =>
  lines(
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: api',
    'spec:',
    '  selector: {matchLabels: {app: api}}',
    '  template:',
    '    metadata:',
    '      labels: {app: api}',
    '    spec:',
    '      securityContext:',
    '        sysctls:',
    `        - name: ${KEEPALIVE}`,
    `          value: ${keepalive}`,
    '      containers:',
    '      - name: app',
    '        image: nginx',
  );

test('assume.conntrackEstablishedTimeout: a pod keepalive of 4000 s fires against 3600 s', () => {
  const files = { 'api.yaml': api('"4000"') };
  assert.deepEqual(lintBrief(files), [], "kube-proxy's default 86400 s");
  const { settings } = parseSettings({ assume: { conntrackEstablishedTimeout: 3600 } });
  assert.deepEqual(lintBrief(files, { assumptions: assumptionsOf(settings) }), [
    { rule: 'keepalive-conntrack', severity: 'warning', file: 'api.yaml', range: '13:17-13:23' },
  ]);
  assert.deepEqual(lintBrief(files, { assumptions: assumptionsOf(settings), settings: lintSettingsOf(parseSettings({ rules: { 'keepalive-conntrack': 'error' } }).settings) }), [
    { rule: 'keepalive-conntrack', severity: 'error', file: 'api.yaml', range: '13:17-13:23' },
  ]);
  assert.deepEqual(lintBrief({ 'api.yaml': api('"3599"') }, { assumptions: assumptionsOf(settings) }), []);
});

const keepaliveBrief = lintersFor('keepalive-conntrack').lintBrief;

test('assume.kubeProxy: absent lets the node’s conntrack sysctl apply despite manifests; running applies kube-proxy’s default without them', () => {
  const node = 'node/sysctl.d/60-k8s.conf';
  const files = { [node]: lines(`${CONNTRACK} = 3600`, `${KEEPALIVE} = 7200`), 'api.yaml': api('"600"') };
  const assume = (kubeProxy: string) => ({ assumptions: assumptionsOf(parseSettings({ assume: { kubeProxy } }).settings) });
  assert.deepEqual(keepaliveBrief(files), [], 'kube-proxy writes 86400 s over the node file');
  assert.deepEqual(keepaliveBrief(files, assume('absent')), [{ rule: 'keepalive-conntrack', severity: 'warning', file: node, range: '1:30-1:34' }]);
  const kubeProxy = lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'conntrack:', '  tcpEstablishedTimeout: 24h');
  assert.deepEqual(keepaliveBrief({ ...files, 'kube-proxy.yaml': kubeProxy }, assume('absent')), [{ rule: 'keepalive-conntrack', severity: 'warning', file: node, range: '1:30-1:34' }], 'its configuration is ignored too');
  const nodeOnly = { [node]: lines(`${KEEPALIVE} = 90000`) };
  assert.deepEqual(keepaliveBrief(nodeOnly), [], "no manifests: the kernel's 432000 s");
  assert.deepEqual(keepaliveBrief(nodeOnly, assume('running')), [{ rule: 'keepalive-conntrack', severity: 'warning', file: node, range: '0:30-0:35' }]);
});
