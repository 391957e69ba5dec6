import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { backendsOf, effectiveSettingsReport, lint, lintFindings, type Diagnostic, type KustomizeBuild, type WorkspaceModel } from '@connlint/server';
import { repoRoot } from '../helpers/runCli';
import { lines, lintFiles, modelOf, workspaceOf } from '../helpers/lintFiles';

/** A fixture tree under test/fixtures/kustomize, keyed by paths relative to it. */
function fixture(name: string): Record<string, string> {
  const root = path.join(repoRoot, 'test', 'fixtures', 'kustomize', name);
  const files: Record<string, string> = {};
  const walk = (directory: string): void => {
    for (const entry of readdirSync(directory)) {
      const full = path.join(directory, entry);
      if (statSync(full).isDirectory()) walk(full);
      else files[path.relative(root, full).split(path.sep).join('/')] = readFileSync(full, 'utf8');
    }
  };
  walk(root);
  return files;
}

/** Where a span starts, as `file:line` (1-based). */
function at(model: WorkspaceModel, file: string, offset: number): string {
  return `${file}:${model.file(file)!.lineIndex.positionAt(offset).line + 1}`;
}

function pairs(map: ReadonlyMap<string, string> | undefined): string {
  return map === undefined ? '-' : [...map].map(([key, value]) => `${key}=${value}`).join(',');
}

/** One line per emitted object: kind, namespace/name, where it is defined, and the fields relations follow. */
function summary(model: WorkspaceModel, build: KustomizeBuild): string[] {
  return build.objects.map((object) => {
    const head = `${object.kind} ${object.namespace}/${object.name} ${at(model, object.file, object.nameSpan.start)}`;
    const located = (value: { span: { start: number }; file?: string } | undefined) => (value === undefined ? '-' : at(model, value.file ?? object.file, value.span.start));
    switch (object.kind) {
      case 'Service':
        return `${head} selector=${pairs(object.selector)} affinity=${object.sessionAffinity?.value ?? '-'}@${located(object.sessionAffinity)}`;
      case 'HorizontalPodAutoscaler':
        return `${head} target=${object.target?.kind}/${object.target?.name} max=${object.maxReplicas?.value}@${located(object.maxReplicas)}`;
      case 'Deployment':
        return `${head} replicas=${object.replicas?.value ?? '-'}@${located(object.replicas)} labels=${pairs(object.template?.labels)}`;
      default:
        return head;
    }
  });
}

test('variants: each overlay is a build, with its namespace, prefix, labels, patches and replicas', () => {
  const model = modelOf(fixture('variants'));
  assert.deepEqual(
    model.builds.map((build) => build.name),
    ['overlays/dev', 'overlays/prod', 'overlays/sticky'],
  );
  const [dev, prod, sticky] = model.builds;
  assert.deepEqual(summary(model, dev!), [
    'Deployment dev/dev-web base/deployment.yaml:4 replicas=1@base/deployment.yaml:6 labels=app=web',
    'Service dev/dev-web base/service.yaml:4 selector=app=web affinity=-@-',
  ]);
  assert.deepEqual(summary(model, prod!), [
    'Deployment prod/prod-web base/deployment.yaml:4 replicas=3@overlays/prod/replicas.yaml:6 labels=app=web,env=prod',
    'Service prod/prod-web base/service.yaml:4 selector=app=web,env=prod affinity=-@-',
    'HorizontalPodAutoscaler prod/prod-web overlays/prod/hpa.yaml:4 target=Deployment/prod-web max=5@overlays/prod/hpa.yaml:11',
  ]);
  assert.deepEqual(summary(model, sticky!), [
    'Deployment default/web base/deployment.yaml:4 replicas=4@overlays/sticky/kustomization.yaml:5 labels=app=web',
    'Service default/web base/service.yaml:4 selector=app=web affinity=ClientIP@overlays/sticky/kustomization.yaml:13',
  ]);
  assert.deepEqual(model.builds.flatMap((build) => build.skipped), []);
});

test('a file used only as a patch defines no object of its own; files outside every build keep theirs', () => {
  const model = modelOf(fixture('variants'));
  assert.deepEqual(model.objectsFrom('overlays/prod/replicas.yaml'), []);
  assert.deepEqual(
    model.objectsFrom('base/service.yaml').map((object) => `${object.namespace}/${object.name}`),
    ['dev/dev-web', 'prod/prod-web', 'default/web'],
  );
  assert.deepEqual(
    model.services.map((object) => `${object.namespace}/${object.name} ${object.file}`),
    ['default/web plain/all.yaml', 'dev/dev-web base/service.yaml', 'prod/prod-web base/service.yaml', 'default/web base/service.yaml'],
  );
});

test('components, JSON 6902 patches inline and from files, labels for templates only, and what is skipped', () => {
  const model = modelOf(fixture('components'));
  assert.deepEqual(
    model.builds.map((build) => build.name),
    ['split'],
  );
  const [split] = model.builds;
  assert.deepEqual(summary(model, split!), [
    'Service default/api app/workloads.yaml:4 selector=app=api,tier=backend affinity=-@-',
    'Deployment default/api app/workloads.yaml:14 replicas=3@ha/kustomization.yaml:10 labels=app=api,tier=backend',
  ]);
  assert.deepEqual(
    split!.skipped.map((skipped) => `${at(model, skipped.file, skipped.span.start)} ${skipped.reason}`),
    ['split/kustomization.yaml:3 the remote resource https://github.com/example/manifests//base?ref=v1 is not fetched', 'ha/kustomization.yaml:11 configMapGenerator: generators are not run'],
  );
});

test('service-affinity relates each build\'s Service to its own workloads and autoscalers, once per source line', () => {
  const diagnostics = lintFiles(fixture('variants'), { only: ['service-affinity'] });
  assert.deepEqual(
    diagnostics.map(described),
    [
      {
        at: 'base/service.yaml:4:9-4:12',
        message:
          'Service "prod-web" has up to 5 backends (HorizontalPodAutoscaler "prod-web") and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.',
        related: ['overlays/prod/hpa.yaml:11 Backend of Service "prod-web": Deployment "prod-web" of overlays/prod has replicas: 3 and HorizontalPodAutoscaler "prod-web" scales it up to maxReplicas: 5'],
      },
      {
        at: 'plain/all.yaml:4:9-4:12',
        message:
          'Service "web" has 2 backends (Deployment "web" has replicas: 2) and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.',
        related: ['plain/all.yaml:16 Backend of Service "web": Deployment "web" has replicas: 2'],
      },
    ],
  );
});

/** A diagnostic as `file:line:column-line:column`, its message and its related locations (1-based). */
function described(diagnostic: Diagnostic): { at: string; message: string; related: string[] } {
  const { start, end } = diagnostic.range;
  return {
    at: `${diagnostic.file}:${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`,
    message: diagnostic.message,
    related: diagnostic.related.map((item) => `${item.file}:${item.range.start.line + 1} ${item.message}`),
  };
}

const BASE = {
  'base/kustomization.yaml': lines('resources:', '- app.yaml'),
  'base/app.yaml': lines(
    'apiVersion: v1',
    'kind: Service',
    'metadata:',
    '  name: web',
    'spec:',
    '  selector:',
    '    app: web',
    '---',
    'apiVersion: apps/v1',
    'kind: Deployment',
    'metadata:',
    '  name: web',
    'spec:',
    '  selector: {matchLabels: {app: web}}',
    '  template:',
    '    metadata:',
    '      labels: {app: web}',
  ),
};

test('builds that share a Service line report it once, from the first build in path order', () => {
  const files = {
    ...BASE,
    'overlays/b/kustomization.yaml': lines('resources:', '- ../../base', 'replicas:', '- name: web', '  count: 3'),
    'overlays/a/kustomization.yaml': lines('resources:', '- ../../base', 'replicas:', '- name: web', '  count: 2'),
  };
  assert.deepEqual(lintFiles(files, { only: ['service-affinity'] }).map(described), [
    {
      at: 'base/app.yaml:4:9-4:12',
      message:
        'Service "web" has 2 backends (Deployment "web") and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.',
      related: ['overlays/a/kustomization.yaml:5 Backend of Service "web": Deployment "web" of overlays/a has replicas: 2'],
    },
  ]);
});

test('an autoscaler of one variant never scales the same-named Deployment of another', () => {
  const files = {
    ...BASE,
    'overlays/small/kustomization.yaml': lines('resources:', '- ../../base'),
    'overlays/scaled/kustomization.yaml': lines('resources:', '- ../../base', '- hpa.yaml', 'namePrefix: scaled-'),
    'overlays/scaled/hpa.yaml': lines(
      'apiVersion: autoscaling/v2',
      'kind: HorizontalPodAutoscaler',
      'metadata:',
      '  name: web',
      'spec:',
      '  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}',
      '  maxReplicas: 4',
    ),
  };
  const model = modelOf(files);
  const deployments = model.workloads.map((workload) => `${model.buildOf(workload)?.name} ${workload.name} ${model.autoscalersOf(workload).map((hpa) => hpa.maxReplicas?.value).join(',')}`);
  assert.deepEqual(deployments, ['overlays/scaled scaled-web 4', 'overlays/small web ']);
  assert.deepEqual(lintFiles(files, { only: ['service-affinity'] }).map((diagnostic) => diagnostic.message.split(' (')[0]), ['Service "scaled-web" has up to 4 backends and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.']);
});

test('an edit to a patch or a kustomization re-runs what read the builds', () => {
  const files = { ...BASE, 'overlays/a/kustomization.yaml': lines('resources:', '- ../../base', 'patches:', '- path: scale.yaml'), 'overlays/a/scale.yaml': lines('kind: Deployment', 'metadata: {name: web}', 'spec: {replicas: 1}') };
  const workspace = workspaceOf(files);
  assert.deepEqual(lint(workspace.model()).filter((diagnostic) => diagnostic.rule === 'service-affinity'), []);
  workspace.set('overlays/a/scale.yaml', lines('kind: Deployment', 'metadata: {name: web}', 'spec: {replicas: 6}'));
  assert.deepEqual(lint(workspace.model()).filter((diagnostic) => diagnostic.rule === 'service-affinity').map((diagnostic) => diagnostic.related[0]?.message), ['Backend of Service "web": Deployment "web" of overlays/a has replicas: 6']);
  workspace.set('overlays/a/kustomization.yaml', lines('resources:', '- ../../base', 'patches:', '- path: scale.yaml', '- patch: |-', '    kind: Service', '    metadata: {name: web}', '    spec: {sessionAffinity: ClientIP}'));
  assert.deepEqual(lint(workspace.model()).filter((diagnostic) => diagnostic.rule === 'service-affinity'), []);
});

test('a Service outside every build finds the workloads its files define, never a patch nor a build\'s autoscaler', () => {
  const files = {
    ...BASE,
    'base/app.yaml': BASE['base/app.yaml'].replace('kind: Service', 'kind: ConfigMap'),
    'service.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  selector: {app: web}'),
    'overlays/a/kustomization.yaml': lines('resources:', '- ../../base', '- hpa.yaml', 'patches:', '- path: scale.yaml'),
    'overlays/a/scale.yaml': lines('kind: Deployment', 'metadata: {name: web}', 'spec:', '  replicas: 7', '  template:', '    metadata:', '      labels: {app: web}'),
    'overlays/a/hpa.yaml': lines('kind: HorizontalPodAutoscaler', 'metadata: {name: web}', 'spec:', '  scaleTargetRef: {kind: Deployment, name: web}', '  maxReplicas: 9'),
  };
  const model = modelOf(files);
  const [service] = model.services.filter((object) => object.file === 'service.yaml');
  assert.deepEqual(
    backendsOf(service!, model).sources.map((source) => `${source.file} ${source.reason}`),
    ['base/app.yaml Deployment "web" leaves replicas unset (1)'],
  );
});

test('the effective settings report lists each build and what it does not read, with the reason', () => {
  const report = effectiveSettingsReport(modelOf(fixture('components')));
  assert.equal(
    report.slice(report.indexOf('## Kustomize builds')),
    lines(
      '## Kustomize builds',
      '',
      '| Build | Objects read | Not read |',
      '|---|---|---|',
      '| split | 2 | the remote resource https://github.com/example/manifests//base?ref=v1 is not fetched (split/kustomization.yaml:3); configMapGenerator: generators are not run (ha/kustomization.yaml:11) |',
    ),
  );
});

test('commonLabels give a Service without a selector one, as kustomize documents', () => {
  const model = modelOf({
    'app/kustomization.yaml': lines('resources:', '- app.yaml', 'commonLabels:', '  app: bingo'),
    'app/app.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: example'),
  });
  assert.deepEqual(summary(model, model.builds[0]!), ['Service default/example app/app.yaml:4 selector=app=bingo affinity=-@-']);
});

test('a Service whose affinity a patch wrote: the finding stays on its name, without a fix that would edit the wrong file', () => {
  const files = {
    ...BASE,
    'overlays/a/kustomization.yaml': lines('resources:', '- ../../base', 'replicas:', '- name: web', '  count: 2', 'patches:', '- path: affinity.yaml'),
    'overlays/a/affinity.yaml': lines('kind: Service', 'metadata: {name: web}', 'spec:', '  sessionAffinity: None'),
  };
  const linted = lintFindings(workspaceOf(files).model()).filter((item) => item.diagnostic.rule === 'service-affinity');
  assert.deepEqual(
    linted.map((item) => [described(item.diagnostic).at, item.diagnostic.message.split('. ')[0], item.finding.fixes]),
    [['base/app.yaml:4:9-4:12', 'Service "web" has 2 backends (Deployment "web") and no ClientIP affinity: a connection idle over the 86400 s conntrack timeout can be re-balanced to another pod and reset.', undefined]],
  );
});

test('cycles, self-references, malformed fields and deep diamonds end, and nothing throws', () => {
  const files: Record<string, string> = {
    'a/kustomization.yaml': lines('resources:', '- ../b', '- .', 'namePrefix: [x]', 'replicas: {name: web}', 'patches: 7'),
    'b/kustomization.yaml': lines('resources:', '- ../a'),
    'c/kustomization.yaml': lines('resources: [../a, "", "{{ .Values.x }}"]', 'labels: [{pairs: web}]', 'components: [../missing]'),
    'd/kustomization.yaml': '\t: : [',
  };
  for (let level = 0; level < 30; level++) files[`deep/${level}/kustomization.yaml`] = lines('resources:', `- ../${level + 1}`, `- ../${level + 1}`);
  files['deep/30/kustomization.yaml'] = lines('resources:', '- ../../base/app.yaml');
  files['base/app.yaml'] = BASE['base/app.yaml'];
  const model = modelOf(files);
  assert.deepEqual(
    model.builds.map((build) => `${build.name} ${build.objects.length}`),
    ['c 0', 'd 0', 'deep/0 2'],
  );
  assert.deepEqual(
    model.builds[0]!.skipped.map((skipped) => skipped.reason),
    [
      'it is part of a cycle of kustomizations',
      'it is part of a cycle of kustomizations',
      'it is part of a cycle of kustomizations',
      'the resource {{ .Values.x }} is not in the workspace',
      'the component ../missing is not in the workspace',
    ],
  );
});

test('$patch: delete removes the object it matches from the build, from a patch file or inline with a target', () => {
  // The shared base, with three replicas: a Service with backends to report.
  const base = { ...BASE, 'base/app.yaml': BASE['base/app.yaml'].replace('spec:\n  selector: {matchLabels', 'spec:\n  replicas: 3\n  selector: {matchLabels') };
  const files = {
    ...base,
    'overlays/no-service/kustomization.yaml': lines('resources:', '- ../../base', 'patchesStrategicMerge:', '- drop-service.yaml'),
    'overlays/no-service/drop-service.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', '$patch: delete'),
    'overlays/no-deployment/kustomization.yaml': lines(
      'resources:',
      '- ../../base',
      'patches:',
      '- target: {kind: Deployment, name: web}',
      '  patch: |-',
      '    apiVersion: apps/v1',
      '    kind: Deployment',
      '    metadata:',
      '      name: any',
      '    $patch: delete',
    ),
    'overlays/kept/kustomization.yaml': lines('resources:', '- ../../base', 'patchesStrategicMerge:', '- merge.yaml'),
    'overlays/kept/merge.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', '$patch: merge', 'spec:', '  sessionAffinity: ClientIP'),
  };
  const model = modelOf(files);
  assert.deepEqual(
    model.builds.map((build) => `${build.name}: ${summary(model, build).join(' | ')}`),
    [
      'overlays/kept: Service default/web base/app.yaml:4 selector=app=web affinity=ClientIP@overlays/kept/merge.yaml:7 | Deployment default/web base/app.yaml:12 replicas=3@base/app.yaml:14 labels=app=web',
      'overlays/no-deployment: Service default/web base/app.yaml:4 selector=app=web affinity=-@-',
      'overlays/no-service: Deployment default/web base/app.yaml:12 replicas=3@base/app.yaml:14 labels=app=web',
    ],
  );
  // Only the build that keeps both reports the Service: without its Deployment a Service has no backends, and a deleted one is not there.
  assert.deepEqual(
    lintFiles({ ...files, 'overlays/kept/merge.yaml': lines('apiVersion: v1', 'kind: Service', 'metadata:', '  name: web', 'spec:', '  type: ClusterIP') }, { only: ['service-affinity'] }).map((diagnostic) => `${diagnostic.file}:${diagnostic.range.start.line + 1} ${diagnostic.message.slice(0, 40)}`),
    ['base/app.yaml:4 Service "web" has 3 backends (Deployment'],
  );
});
