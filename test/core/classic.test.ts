import assert from 'node:assert/strict';
import { test } from 'node:test';
import { lintFiles, lines } from '../helpers/lintFiles';

const deployment = (name: string, app: string, replicas?: number): string[] => [
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  `  name: ${name}`,
  'spec:',
  ...(replicas === undefined ? [] : [`  replicas: ${replicas}`]),
  '  selector:',
  '    matchLabels:',
  `      app: ${app}`,
  '  template:',
  '    metadata:',
  '      labels:',
  `        app: ${app}`,
  '    spec:',
  '      containers:',
  '      - name: app',
  '        image: nginx',
];

const service = ['apiVersion: v1', 'kind: Service', 'metadata:', '  name: myservice', 'spec:', '  selector:', '    app: myapp', '  ports:', '  - port: 2222'];

test('the classic report: a Service in front of a two-replica Deployment, in another file', () => {
  const diagnostics = lintFiles({
    'deploy.yaml': lines(...deployment('server', 'myapp', 2)),
    'service.yaml': lines(...service),
  });
  assert.deepEqual(diagnostics, [
    {
      file: 'service.yaml',
      range: { start: { line: 3, character: 8 }, end: { line: 3, character: 17 } },
      rule: 'service-affinity',
      severity: 'warning',
      message:
        'Service "myservice" has 2 backends (Deployment "server" has replicas: 2) and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.',
      related: [
        {
          file: 'deploy.yaml',
          range: { start: { line: 5, character: 12 }, end: { line: 5, character: 13 } },
          message: 'Backend of Service "myservice": Deployment "server" has replicas: 2',
        },
      ],
    },
  ]);
});
