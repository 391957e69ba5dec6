// The effective-settings view's file links, as VS Code's Markdown preview opens them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { previewFileLinks } from '@connlint/client/previewLinks';

const FOLDER = 'file:///home/me/cluster';

test('a file in the first folder: its path from the folder root, the line fragment kept', () => {
  assert.equal(
    previewFileLinks('net.ipv4.tcp_keepalive_time in [sysctl.conf:1](file:///home/me/cluster/sysctl.conf#L1); default 7200 s', FOLDER),
    'net.ipv4.tcp_keepalive_time in [sysctl.conf:1](/sysctl.conf#L1); default 7200 s',
  );
  assert.equal(previewFileLinks('[deploy.yaml:6](file:///home/me/cluster/apps/web/deploy.yaml#L6)', `${FOLDER}/`), '[deploy.yaml:6](/apps/web/deploy.yaml#L6)');
});

test('a file outside the first folder: reached by climbing out of it', () => {
  assert.equal(previewFileLinks('[sysctl.conf:3](file:///home/me/nodes/sysctl.conf#L3)', FOLDER), '[sysctl.conf:3](/../nodes/sysctl.conf#L3)');
  assert.equal(previewFileLinks('[k.yaml:2](file:///etc/k.yaml#L2)', 'file:///'), '[k.yaml:2](/etc/k.yaml#L2)');
  // A folder whose name begins like the file's folder's is no common ancestor.
  assert.equal(previewFileLinks('[a.yaml:1](file:///home/me/cluster-2/a.yaml#L1)', FOLDER), '[a.yaml:1](/../cluster-2/a.yaml#L1)');
});

test('spaces, #, % and parentheses in paths stay encoded, whatever the URI left as is', () => {
  assert.equal(
    previewFileLinks('[svc.yaml:4](file:///home/me/cluster/my%20apps/%23prod/50%25%20(old)/svc.yaml#L4)', FOLDER),
    '[svc.yaml:4](/my%20apps/%23prod/50%25%20%28old%29/svc.yaml#L4)',
  );
  assert.equal(previewFileLinks('[a.yaml:2](file:///home/me/my%20cluster/a.yaml#L2)', 'file:///home/me/my%20cluster'), '[a.yaml:2](/a.yaml#L2)');
});

test('Windows paths: drive letters match in either case; another drive is reached from the root', () => {
  assert.equal(previewFileLinks('[a.yaml:5](file:///c%3A/Users/me/cluster/a.yaml#L5)', 'file:///C%3A/Users/me/cluster'), '[a.yaml:5](/a.yaml#L5)');
  assert.equal(previewFileLinks('[b.conf:2](file:///d%3A/nodes/b.conf#L2)', 'file:///c%3A/Users/me/cluster'), '[b.conf:2](/../../../../d%3A/nodes/b.conf#L2)');
});

test('links the preview could not follow become their text; other text and links stay', () => {
  const report = 'in [a.yaml:1](file:///home/me/cluster/a.yaml#L1) and [docs](https://example.com/x)';
  assert.equal(previewFileLinks(report, undefined), 'in a.yaml:1 and [docs](https://example.com/x)');
  assert.equal(previewFileLinks('[a.yaml:1](file://server/share/a.yaml#L1)', FOLDER), 'a.yaml:1');
  assert.equal(previewFileLinks('[a.yaml:1](file:///home/me/cluster/a.yaml#L1)', 'vscode-remote://ssh-remote%2Bhost/home/me/cluster'), 'a.yaml:1');
  assert.equal(previewFileLinks('[a.yaml:1](file:///home/me/bad%E0%A4%A/a.yaml#L1)', FOLDER), 'a.yaml:1');
  assert.equal(previewFileLinks('[a.yaml:1](file:///home/me/cluster/../a.yaml#L1)', FOLDER), 'a.yaml:1');
  assert.equal(previewFileLinks('no links: `file:///home/me/cluster/a.yaml`', FOLDER), 'no links: `file:///home/me/cluster/a.yaml`');
});

test('a host, when the folder has the same one, and a link without a fragment', () => {
  assert.equal(previewFileLinks('[a.yaml](file://Server/share/cluster/a.yaml)', 'file://server/share/cluster'), '[a.yaml](/a.yaml)');
});
