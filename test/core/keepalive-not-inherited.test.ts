import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lines, applyFix, ruleLinter } from '../helpers/lintFiles';
import { deployment } from '../helpers/manifests';
import { KEEPALIVE_INTVL as INTVL, KEEPALIVE_PROBES as PROBES, KEEPALIVE_TIME as TIME, NODE_SYSCTL as NODE } from '../helpers/sysctl';

const RULE = 'keepalive-not-inherited';
const { diagnostics, where, fixesOf } = ruleLinter(RULE);

/** A workload named `name` whose name value starts at 3:8 (a Pod's at 3:8 too). */
function workload(kind: string, name: string, spec: readonly string[] = []): string {
  if (kind === 'Pod') return lines('apiVersion: v1', 'kind: Pod', 'metadata:', `  name: ${name}`, 'spec:', ...spec.map((line) => line.slice(4)), '  containers:', '  - name: app', '    image: nginx');
  return deployment(name, { kind, podSpec: spec });
}

const sysctls = (...entries: [string, string][]): string[] => ['      securityContext:', '        sysctls:', ...entries.flatMap(([name, value]) => [`        - name: ${name}`, `          value: "${value}"`])];

test('a node keepalive time pods never get: reported on the assignment, naming the workload', () => {
  assert.deepEqual(diagnostics({ [NODE]: lines(`${TIME} = 600`), 'web.yaml': workload('Deployment', 'web') }), [
    {
      file: NODE,
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 33 } },
      rule: RULE,
      severity: 'info',
      message: `${TIME} is 600 s on the node (set in 60-k8s.conf:1), but pods start from the kernel's default of 7200 s: Deployment "web" sets none of its own`,
      related: [
        {
          file: 'web.yaml',
          range: { start: { line: 3, character: 8 }, end: { line: 3, character: 11 } },
          message: `Deployment "web" sets no ${TIME} in its pods' securityContext.sysctls: its pods use the kernel's default of 7200 s`,
        },
      ],
    },
  ]);
});

test('one finding per key the node sets, each with its own default and unit', () => {
  const files = { [NODE]: lines('# keepalive', `${TIME} = 600`, `  ${INTVL}=30`, `-${PROBES} = 5`), 'web.yaml': workload('Deployment', 'web') };
  assert.deepEqual(where(files), [`${NODE} 1:0-1:33`, `${NODE} 2:2-2:33`, `${NODE} 3:0-3:34`]);
  const [, intvl, probes] = diagnostics(files);
  assert.match(intvl!.message, /^net\.ipv4\.tcp_keepalive_intvl is 30 s on the node \(set in 60-k8s\.conf:3\), but pods start from the kernel's default of 75 s: /);
  assert.equal(
    probes!.message,
    `${PROBES} is 5 on the node (set in 60-k8s.conf:4), but pods start from the kernel's default of 9: Deployment "web" sets none of its own`,
  );
});

test('the winning assignment, in sysctl.d order, carries the finding; rejected values never win', () => {
  const web = workload('Deployment', 'web');
  assert.deepEqual(where({ 'sysctl.d/90-b.conf': lines(`${TIME} = 600`), 'sysctl.d/10-a.conf': lines(`${TIME} = 300`), 'web.yaml': web }), ['sysctl.d/90-b.conf 0:0-0:33']);
  assert.deepEqual(where({ 'etc/sysctl.conf': lines(`${TIME} = 600`), 'etc/sysctl.d/99-z.conf': lines(`${TIME} = 300`), 'web.yaml': web }), ['etc/sysctl.conf 0:0-0:33']);
  assert.deepEqual(where({ [NODE]: lines(`${TIME} = 600`, `${TIME} = 10m`), 'web.yaml': web }), [`${NODE} 0:0-0:33`], 'the kernel rejects the second line');
  assert.deepEqual(where({ [NODE]: lines(`${PROBES} = 5`, `${PROBES} = 300`), 'web.yaml': web }), [`${NODE} 0:0-0:33`], 'probes is a u8');
});

test('the message names the first workload and counts the rest; every one is a related location', () => {
  const files: Record<string, string> = { [NODE]: lines(`${TIME} = 600`) };
  for (const name of ['a', 'b', 'c', 'd', 'e']) files[`${name}.yaml`] = workload('Deployment', name);
  const [diagnostic] = diagnostics(files);
  assert.match(diagnostic!.message, / 7200 s: Deployment "a" and 4 more workloads set none of their own$/);
  assert.deepEqual(diagnostic!.related.map((related) => related.file), ['a.yaml', 'b.yaml', 'c.yaml', 'd.yaml', 'e.yaml']);
  for (const name of ['c', 'd', 'e']) delete files[`${name}.yaml`];
  assert.match(diagnostics(files)[0]!.message, /Deployment "a" and 1 more workload set none of their own$/);
});

test('silent when no pod lacks the key, or the node value is the default or meaningless', () => {
  const node = lines(`${TIME} = 600`);
  const web = workload('Deployment', 'web');
  assert.deepEqual(where({ [NODE]: node }), [], 'no workloads in view');
  assert.deepEqual(where({ [NODE]: node, 'web.yaml': workload('Deployment', 'web', ['      hostNetwork: true']) }), [], 'host network: the node value applies');
  assert.deepEqual(where({ [NODE]: node, 'web.yaml': workload('Deployment', 'web', sysctls([TIME, '600'])) }), [], 'the pod sets it');
  assert.deepEqual(where({ [NODE]: node, 'web.yaml': workload('Deployment', 'web', sysctls([TIME, '1800'])) }), [], 'the pod sets its own value');
  assert.deepEqual(where({ [NODE]: lines(`${TIME} = 7200`, `${INTVL} = 75`, `${PROBES} = 9`), 'web.yaml': web }), [], 'the kernel defaults: nothing is lost');
  assert.deepEqual(where({ [NODE]: lines(`${TIME} = 0`, `${INTVL} = -5`), 'web.yaml': web }), [], 'not positive');
  assert.deepEqual(where({ [NODE]: lines(`${TIME} = abc`), 'web.yaml': web }), [], 'rejected');
  assert.deepEqual(where({ [NODE]: lines('net.ipv4.tcp_keepalive_* = 600'), 'web.yaml': web }), [], 'a glob is not read');
  assert.deepEqual(where({ 'web.yaml': web }), []);
  const ignored = web.replace('  name: web\n', '  name: web\n  annotations:\n    connlint.dev/ignore: keepalive-not-inherited\n');
  assert.deepEqual(where({ [NODE]: node, 'web.yaml': ignored }), [], 'the workload is left out by its annotation');
});

test('a pod that sets one keepalive key is reported only for the others', () => {
  const files = { [NODE]: lines(`${TIME} = 600`, `${INTVL} = 30`), 'web.yaml': workload('StatefulSet', 'web', sysctls([INTVL, '30'])), 'pod.yaml': workload('Pod', 'job') };
  assert.deepEqual(where(files), [`${NODE} 0:0-0:33`, `${NODE} 1:0-1:33`]);
  const [time, intvl] = diagnostics(files);
  assert.deepEqual(time!.related.map((related) => related.message.split(' sets')[0]), ['Pod "job"', 'StatefulSet "web"']);
  assert.deepEqual(intvl!.related.map((related) => related.message.split(' sets')[0]), ['Pod "job"']);
});

test('quick fixes add the node value to each workload’s pod sysctls; once applied the finding is gone', () => {
  const web = workload('Deployment', 'web');
  const db = workload('StatefulSet', 'db', sysctls([INTVL, '30']));
  const files = { [NODE]: lines(`${TIME} = 600`), 'web.yaml': web, 'db.yaml': db };
  const fixes = fixesOf(files, { file: NODE, line: 0 });
  assert.deepEqual(
    fixes.map((fix) => [fix.title, fix.preferred]),
    [
      [`Add ${TIME} = 600 to the securityContext.sysctls of StatefulSet "db"`, true],
      [`Add ${TIME} = 600 to the securityContext.sysctls of Deployment "web"`, true],
      [`Disable ${RULE} for this line`, false],
    ],
  );
  const once = applyFix(files, fixes[0]!);
  assert.equal(once['db.yaml'], workload('StatefulSet', 'db', sysctls([INTVL, '30'], [TIME, '600'])));
  const twice = applyFix(once, fixes[1]!);
  const added = ['      securityContext:', '        sysctls:', `          - name: ${TIME}`, '            value: "600"'];
  assert.equal(twice['web.yaml'], web + lines(...added), 'securityContext created after the last key of the pod spec');
  assert.equal(twice[NODE], files[NODE]);
  assert.deepEqual(where(twice), [], 'clean once every workload sets it');
});

test('the quick fix on a bare Pod and for a probe count', () => {
  const files = { [NODE]: lines(`${PROBES} = 5`), 'pod.yaml': workload('Pod', 'job') };
  const [fix] = fixesOf(files, { file: NODE, line: 0 });
  const fixed = applyFix(files, fix!);
  assert.equal(fixed['pod.yaml'], lines('apiVersion: v1', 'kind: Pod', 'metadata:', '  name: job', 'spec:', '  containers:', '  - name: app', '    image: nginx', '  securityContext:', '    sysctls:', `      - name: ${PROBES}`, '        value: "5"'));
  assert.deepEqual(where(fixed), []);
});

test('disable the rule on the node line', () => {
  const files = { [NODE]: lines(`${TIME} = 600`), 'web.yaml': workload('Deployment', 'web') };
  const fixes = fixesOf(files, { file: NODE, line: 0 });
  const fixed = applyFix(files, fixes.find((fix) => fix.title === `Disable ${RULE} for this line`)!);
  assert.equal(fixed[NODE], lines(`# connlint-disable-next-line ${RULE}`, `${TIME} = 600`));
  assert.deepEqual(where(fixed), []);
});
