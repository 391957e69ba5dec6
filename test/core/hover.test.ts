import assert from 'node:assert/strict';
import { test } from 'node:test';
import { type Assumptions, hoverAt, effectiveSettingsReport } from '@connlint/server';
import { lines, modelOf } from '../helpers/lintFiles';
import { CONNTRACK_ESTABLISHED as CONNTRACK, KEEPALIVE_TIME as KEEPALIVE, NODE_SYSCTL as NODE_B } from '../helpers/sysctl';

type Files = Readonly<Record<string, string>>;

/** The hover at the first occurrence of `needle` in `path` (plus `delta` characters). */
function hover(files: Files, path: string, needle: string, delta = 0, assumptions: Assumptions = {}): string | undefined {
  const offset = files[path]!.indexOf(needle);
  assert.notEqual(offset, -1, `${needle} not in ${path}`);
  return hoverAt(modelOf(files, assumptions), path, offset + delta);
}

const KEEPALIVE_HEAD = [
  `**${KEEPALIVE}** — seconds, default 7200 (each network namespace has its own)`,
  '',
  'Idle time before TCP sends the first keepalive probe on a socket with SO_KEEPALIVE; every probe refreshes the conntrack entry.',
];
const CONNTRACK_HEAD = [
  `**${CONNTRACK}** — seconds, default 432000 (each network namespace has its own)`,
  '',
  'Seconds an established TCP connection may stay idle before its conntrack entry expires; after that its next packet is load-balanced again. kube-proxy writes 86400 at start-up.',
];

const KUBE_PROXY = lines('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'mode: ipvs', 'conntrack:', '  tcpEstablishedTimeout: 1h', '  maxPerCore: 32768');

/** Service "api" (name on line 4), then Deployment "api" with replicas: 3 (line 17) and a pod keepalive (lines 25-26), 1-based. */
const API = lines(
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: api',
  'spec:',
  '  selector: {app: api}',
  '  sessionAffinity: ClientIP',
  '  sessionAffinityConfig:',
  '    clientIP:',
  '      timeoutSeconds: 7200',
  '---',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: api',
  'spec:',
  '  replicas: 3',
  '  selector: {matchLabels: {app: api}}',
  '  template:',
  '    metadata:',
  '      labels: {app: api}',
  '    spec:',
  '      securityContext:',
  '        sysctls:',
  `        - name: ${KEEPALIVE}`,
  '          value: "600"',
  '        - name: net.ipv4.tcp_keepalive_intvl',
  '          value: "30"',
  '        - name: net.ipv4.ip_local_port_range',
  '          value: "1024 65000"',
  '      containers:',
  '      - name: app',
  '        image: nginx',
);

const AGENT = lines(
  'apiVersion: apps/v1',
  'kind: DaemonSet',
  'metadata:',
  '  name: agent',
  '  namespace: monitoring',
  'spec:',
  '  selector: {matchLabels: {app: agent}}',
  '  template:',
  '    metadata:',
  '      labels: {app: agent}',
  '    spec:',
  '      hostNetwork: true',
  '      containers:',
  '      - name: agent',
  '        image: agent',
);

const NODE_A = 'node/sysctl.d/50-base.conf';

const WORKSPACE: Files = {
  'k8s/kube-proxy.yaml': KUBE_PROXY,
  'k8s/api.yaml': API,
  'k8s/agent.yaml': AGENT,
  [NODE_A]: lines('# base tuning', `${KEEPALIVE} = 900`, 'net.ipv4.tcp_keepalive_probes = 5', 'vm.swappiness = 10', 'net.netfilter.nf_conntrack_max = 262144'),
  [NODE_B]: lines(`${CONNTRACK} = 7200`, `${KEEPALIVE} = 300`),
};

test('hover on a sysctl key in a sysctl.d file: unit, default, meaning and the value that wins on the node', () => {
  const expected = [...KEEPALIVE_HEAD, '', `In this workspace, on the node: **300 s** (${KEEPALIVE} in 60-k8s.conf:2).`].join('\n');
  assert.equal(hover(WORKSPACE, NODE_A, KEEPALIVE), expected);
  assert.equal(hover(WORKSPACE, NODE_A, KEEPALIVE, 5), expected, 'inside the key');
  assert.equal(hover(WORKSPACE, NODE_A, '900'), expected, 'on the value');
  assert.equal(hover(WORKSPACE, NODE_B, KEEPALIVE, 3), expected);
});

test('hover on the conntrack key of a node file: kube-proxy’s configuration wins over it', () => {
  assert.equal(hover(WORKSPACE, NODE_B, CONNTRACK), [...CONNTRACK_HEAD, '', 'In this workspace, on the node: **3600 s** (tcpEstablishedTimeout in kube-proxy.yaml:5).'].join('\n'));
  const nodeOnly = { [NODE_B]: WORKSPACE[NODE_B]! };
  assert.equal(hover(nodeOnly, NODE_B, CONNTRACK), [...CONNTRACK_HEAD, '', `In this workspace, on the node: **7200 s** (${CONNTRACK} in 60-k8s.conf:1).`].join('\n'));
  const withManifests = { [NODE_B]: WORKSPACE[NODE_B]!, 'k8s/agent.yaml': AGENT };
  assert.equal(hover(withManifests, NODE_B, CONNTRACK), [...CONNTRACK_HEAD, '', "In this workspace, on the node: **86400 s** (kube-proxy's default, no kube-proxy configuration in the workspace)."].join('\n'));
});

test('hover on other catalogued keys: range and node-wide keys, no workspace value', () => {
  assert.equal(
    hover(WORKSPACE, NODE_A, 'net.ipv4.tcp_keepalive_probes'),
    '**net.ipv4.tcp_keepalive_probes** — count, default 9, 0..255 (each network namespace has its own)\n\nUnanswered keepalive probes before the connection is dropped.',
  );
  assert.equal(
    hover(WORKSPACE, NODE_A, 'net.netfilter.nf_conntrack_max'),
    '**net.netfilter.nf_conntrack_max** — entries, default derived from memory\n\nSize of the conntrack table; node-wide and read-only inside a pod. kube-proxy raises it at start-up.',
  );
});

test('no hover on comments, unknown keys, or files the workspace does not hold', () => {
  assert.equal(hover(WORKSPACE, NODE_A, '# base'), undefined);
  assert.equal(hover(WORKSPACE, NODE_A, 'vm.swappiness'), undefined);
  assert.equal(hoverAt(modelOf(WORKSPACE), 'elsewhere/sysctl.d/10.conf', 0), undefined);
  assert.equal(hoverAt(modelOf(WORKSPACE), 'README.md', 0), undefined);
});

test('hover on a pod sysctl in YAML: the value in that workload’s pods', () => {
  const expected = [...KEEPALIVE_HEAD, '', `In this workspace, in the pods of Deployment "api": **600 s** (${KEEPALIVE} of Deployment "api" in api.yaml:26).`].join('\n');
  assert.equal(hover(WORKSPACE, 'k8s/api.yaml', `- name: ${KEEPALIVE}`, 8), expected, 'on the name');
  assert.equal(hover(WORKSPACE, 'k8s/api.yaml', '"600"'), expected, 'on the value');
  assert.equal(
    hover(WORKSPACE, 'k8s/api.yaml', 'net.ipv4.tcp_keepalive_intvl'),
    '**net.ipv4.tcp_keepalive_intvl** — seconds, default 75 (each network namespace has its own)\n\nTime between keepalive probes that get no answer.',
  );
  assert.equal(hover(WORKSPACE, 'k8s/api.yaml', 'net.ipv4.ip_local_port_range'), undefined, 'not in the catalogue');
});

test('hover on a pod sysctl without a keepalive: the default of a pod’s own namespace', () => {
  const files = {
    'pod.yaml': lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: debug', 'spec:', '  securityContext:', '    sysctls:', '    - name: net.ipv4.tcp_keepalive_time', '      value: "x"', '  containers:', '  - name: app', '    image: busybox'),
  };
  assert.equal(
    hover(files, 'pod.yaml', 'net.ipv4'),
    [...KEEPALIVE_HEAD, '', 'In this workspace, in the pods of Pod "debug": **7200 s** (the kernel\'s default in a pod\'s own network namespace).'].join('\n'),
  );
});

/** The hover's link to the connection-path view of the Service whose name is at line:character. */
const pathLink = (file: string, line: number, character: number): string =>
  `[Show connection path and idle timers](command:connlint.showConnectionPath?${encodeURIComponent(JSON.stringify([file, { line, character }]))})`;

test('hover on a Service name: its backends and its affinity', () => {
  assert.equal(
    hover(WORKSPACE, 'k8s/api.yaml', 'name: api', 7),
    [
      '**Service `api`** — 3 backends',
      '',
      '- Deployment "api" has replicas: 3 (api.yaml:17)',
      '',
      // kube-proxy runs in IPVS mode here: IPVS's timeout applies, not conntrack's.
      "Session affinity: ClientIP. IPVS idle timeout for established TCP: 900 s (the kernel's IPVS default (kube-proxy leaves it when ipvs.tcpTimeout is 0)).",
      '',
      pathLink('k8s/api.yaml', 3, 8),
    ].join('\n'),
  );
  const files = {
    'web.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  selector: {app: web}'),
    'a.yaml': lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: a', '  labels: {app: web}', 'spec:', '  containers: [{name: app, image: nginx}]'),
    'b.yaml': lines('apiVersion: apps/v1', 'kind: DaemonSet', 'metadata:', '  name: b', 'spec:', '  template:', '    metadata:', '      labels: {app: web}', '    spec:', '      containers: [{name: app, image: nginx}]'),
  };
  assert.equal(
    hover(files, 'web.yaml', 'web'),
    [
      '**Service `web`** — one backend per node',
      '',
      '- Pod "a" (a.yaml:4)',
      '- DaemonSet "b" runs a pod on every node (b.yaml:4)',
      '',
      "Session affinity: None. Conntrack established timeout: 86400 s (kube-proxy's default, no kube-proxy configuration in the workspace).",
      '',
      pathLink('web.yaml', 3, 8),
    ].join('\n'),
  );
});

test('hover on a Service without backends: one blank line between header and affinity', () => {
  const lonely = { 'svc.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: lonely', 'spec:', '  selector: {app: nothing}') };
  assert.equal(
    hover(lonely, 'svc.yaml', 'lonely'),
    "**Service `lonely`** — no backends in this workspace\n\nSession affinity: None. Conntrack established timeout: 86400 s (kube-proxy's default, no kube-proxy configuration in the workspace).\n\n" +
      pathLink('svc.yaml', 3, 8),
  );
});

test('hover on a headless Service: kube-proxy does not handle it', () => {
  const headless = {
    'svc.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: db', 'spec:', '  clusterIP: None', '  selector: {app: db}'),
    'db.yaml': lines('apiVersion: apps/v1', 'kind: StatefulSet', 'metadata:', '  name: db', 'spec:', '  selector: {matchLabels: {app: db}}', '  template:', '    metadata:', '      labels: {app: db}', '    spec:', '      containers: [{name: db, image: db}]'),
  };
  assert.equal(
    hover(headless, 'svc.yaml', 'db'),
    '**Service `db`** — 1 backend\n\n- StatefulSet "db" leaves replicas unset (1) (db.yaml:4)\n\nkube-proxy does not handle this Service (headless or ExternalName): clients reach the pods directly.',
  );
});

const AFFINITY_INTRO = [
  '**Session affinity and idle connections**',
  '',
  'In iptables and nftables modes the affinity is recorded when a connection opens; traffic on an open connection never refreshes it.',
  '',
];
const KEEPALIVE_TAIL = 'TCP keepalive below the conntrack timeout is what keeps an idle connection on its pod.';

test('hover on sessionAffinity and timeoutSeconds: in IPVS mode, IPVS persistence that cannot outlive the IPVS entry', () => {
  const expected = [
    '**Session affinity and idle connections**',
    '',
    "In IPVS mode the affinity is IPVS persistence. It cannot save a connection whose IPVS entry expired after 900 s idle (the kernel's IPVS default (kube-proxy leaves it when ipvs.tcpTimeout is 0)): TCP keepalive below that keeps it.",
  ].join('\n');
  assert.equal(hover(WORKSPACE, 'k8s/api.yaml', 'sessionAffinity:'), expected, 'on the key');
  assert.equal(hover(WORKSPACE, 'k8s/api.yaml', 'ClientIP'), expected, 'on the value');
  assert.equal(hover(WORKSPACE, 'k8s/api.yaml', 'timeoutSeconds'), expected);
  assert.equal(hover(WORKSPACE, 'k8s/api.yaml', 'clientIP:'), undefined, 'the lines between are not covered');
  assert.equal(hover(WORKSPACE, 'k8s/api.yaml', 'kind: Service'), undefined);
  assert.equal(hover(WORKSPACE, 'k8s/api.yaml', 'replicas'), undefined);
  assert.equal(hover(WORKSPACE, 'k8s/api.yaml', 'image: nginx'), undefined);
});

test('hover on sessionAffinity and timeoutSeconds: a timeout not above the conntrack timeout', () => {
  const service = (spec: string[]): Files => ({ 'svc.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  selector: {app: web}', ...spec) });
  const notAbove = (timeout: number, conntrack: string): string =>
    [
      ...AFFINITY_INTRO,
      `Conntrack established timeout: ${conntrack}. timeoutSeconds (${timeout} s) is not above it: a connection idle long enough to lose its conntrack entry has outlived the affinity too, unless the same client opened another connection since. ` +
        KEEPALIVE_TAIL,
    ].join('\n');
  const defaultConntrack = "86400 s (kube-proxy's default, no kube-proxy configuration in the workspace)";
  assert.equal(hover(service(['  sessionAffinity: ClientIP']), 'svc.yaml', 'ClientIP'), notAbove(10800, defaultConntrack), 'timeoutSeconds unset: 10800');
  assert.equal(hover(service(['  sessionAffinity: None']), 'svc.yaml', 'None'), notAbove(10800, defaultConntrack));
  const maximum = service(['  sessionAffinity: ClientIP', '  sessionAffinityConfig: {clientIP: {timeoutSeconds: 86400}}']);
  assert.equal(hover(maximum, 'svc.yaml', '86400'), notAbove(86400, defaultConntrack), 'equal is not above');
  assert.equal(hover(maximum, 'svc.yaml', '86400', 0, { conntrackEstablishedTimeout: 3600 }), [
    ...AFFINITY_INTRO,
    "Conntrack established timeout: 3600 s (the conntrackEstablishedTimeout setting). timeoutSeconds (86400 s) is above it, so a client that keeps opening connections stays on its pod even after an idle connection's entry expires. " +
      KEEPALIVE_TAIL,
  ].join('\n'));
});

test('hover on tcpEstablishedTimeout in a KubeProxyConfiguration', () => {
  const expected = [...CONNTRACK_HEAD, '', 'In this workspace, on the node: **3600 s** (tcpEstablishedTimeout in kube-proxy.yaml:5).'].join('\n');
  assert.equal(hover(WORKSPACE, 'k8s/kube-proxy.yaml', 'tcpEstablishedTimeout'), expected);
  assert.equal(hover(WORKSPACE, 'k8s/kube-proxy.yaml', '1h'), expected);
  assert.equal(hover(WORKSPACE, 'k8s/kube-proxy.yaml', 'maxPerCore'), undefined);
  assert.equal(hover(WORKSPACE, 'k8s/kube-proxy.yaml', 'mode')?.split('\n')[0], '**kube-proxy mode: ipvs**', 'its own hover: test/core/proxyMode.test.ts');
  assert.equal(hover(WORKSPACE, 'k8s/kube-proxy.yaml', 'conntrack:'), undefined);
});

test('effectiveSettingsReport: kube-proxy configuration, node keepalive, and each workload’s pods', () => {
  const files = {
    'k8s/kube-proxy.yaml': KUBE_PROXY,
    'k8s/api.yaml': API,
    'k8s/agent.yaml': AGENT,
    [NODE_B]: lines(`${KEEPALIVE} = 300`),
  };
  assert.equal(
    effectiveSettingsReport(modelOf(files)),
    lines(
      '# Connlint: effective network settings',
      '',
      '| Setting | Value | Source |',
      '|---|---|---|',
      '| Conntrack established timeout | 3600 s | tcpEstablishedTimeout in kube-proxy.yaml:5 |',
      `| Node TCP keepalive time | 300 s | ${KEEPALIVE} in 60-k8s.conf:1 |`,
      '| Kubernetes version | newest | the newest Kubernetes behaviour, no version in the workspace |',
      '| Service data plane | kube-proxy | no kube-proxy replacement in the workspace |',
      '| kube-proxy mode | ipvs | mode in kube-proxy.yaml:3 |',
      "| IPVS TCP idle timeout | 900 s | the kernel's IPVS default (kube-proxy leaves it when ipvs.tcpTimeout is 0) |",
      '',
      '## TCP keepalive time in the pods',
      '',
      '| Workload | Keepalive | Source |',
      '|---|---|---|',
      `| DaemonSet "agent" (monitoring) | 300 s | ${KEEPALIVE} in 60-k8s.conf:1 |`,
      `| Deployment "api" (default) | 600 s | ${KEEPALIVE} of Deployment "api" in api.yaml:26 |`,
    ),
  );
});

test('effectiveSettingsReport of an empty workspace: the defaults, no pod table', () => {
  assert.equal(
    effectiveSettingsReport(modelOf({})),
    lines(
      '# Connlint: effective network settings',
      '',
      '| Setting | Value | Source |',
      '|---|---|---|',
      "| Conntrack established timeout | 432000 s | the kernel's default |",
      "| Node TCP keepalive time | 7200 s | the kernel's default |",
      '| Kubernetes version | newest | the newest Kubernetes behaviour, no version in the workspace |',
      '| Service data plane | kube-proxy | no kube-proxy replacement in the workspace |',
      "| kube-proxy mode | iptables | kube-proxy's default on Linux |",
    ),
  );
});

test('effectiveSettingsReport with assumptions: kube-proxy absent, a conntrack timeout assumed', () => {
  const files = { 'k8s/kube-proxy.yaml': KUBE_PROXY, [NODE_B]: lines(`${CONNTRACK} = 7200`) };
  const report = (assumptions: Assumptions): string => effectiveSettingsReport(modelOf(files, assumptions)).split('\n')[4]!;
  assert.equal(report({}), '| Conntrack established timeout | 3600 s | tcpEstablishedTimeout in kube-proxy.yaml:5 |');
  assert.equal(report({ kubeProxy: false }), `| Conntrack established timeout | 7200 s | ${CONNTRACK} in 60-k8s.conf:1 |`);
  assert.equal(report({ conntrackEstablishedTimeout: 600 }), '| Conntrack established timeout | 600 s | the conntrackEstablishedTimeout setting |');
});
