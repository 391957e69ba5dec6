import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { KustomizeBuild, WorkspaceModel } from '@connlint/server';
import { lines, modelOf, workspaceOf } from '../helpers/lintFiles';
import { webApp } from '../helpers/manifests';

/** Two overlays of one base, one with a JSON patch, and a build of its own. */
const FILES: Record<string, string> = {
  'base/kustomization.yaml': lines('resources:', '- app.yaml'),
  'base/app.yaml': webApp(2),
  'overlays/a/kustomization.yaml': lines('resources:', '- ../../base', 'patches:', '- path: replicas.yaml', '  target: {kind: Deployment, name: web}'),
  'overlays/a/replicas.yaml': lines('- op: replace', '  path: /spec/replicas', '  value: 3'),
  'overlays/b/kustomization.yaml': lines('resources:', '- ../../base'),
  'solo/kustomization.yaml': lines('resources:', '- app.yaml'),
  'solo/app.yaml': webApp(2, 'solo'),
};

function buildsByName(model: WorkspaceModel): Map<string, KustomizeBuild> {
  return new Map(model.builds.map((build) => [build.name, build]));
}

/** The builds an edit evaluated again: those whose objects are not the ones they had before it. */
function reevaluated(before: ReadonlyMap<string, KustomizeBuild>, model: WorkspaceModel): string[] {
  return [...buildsByName(model)].filter(([name, build]) => build !== before.get(name)).map(([name]) => name);
}

test('an edit of a file a build reads evaluates again only the builds that read it, and they emit what a fresh evaluation does', () => {
  const files = { ...FILES };
  const workspace = workspaceOf(files);
  const edit = (path: string, from: string, to: string): string[] => {
    const before = buildsByName(workspace.model());
    files[path] = files[path]!.replace(from, to);
    workspace.set(path, files[path]);
    return reevaluated(before, workspace.model());
  };
  assert.deepEqual([...buildsByName(workspace.model()).keys()], ['overlays/a', 'overlays/b', 'solo']);
  assert.deepEqual(edit('solo/app.yaml', 'replicas: 2', 'replicas: 4'), ['solo']);
  assert.deepEqual(edit('overlays/a/replicas.yaml', 'value: 3', 'value: 5'), ['overlays/a']);
  assert.deepEqual(edit('base/app.yaml', 'replicas: 2', 'replicas: 6'), ['overlays/a', 'overlays/b']);
  const replicas = (model: WorkspaceModel) => model.builds.map((build) => `${build.name} ${build.objects.map((object) => ('replicas' in object ? object.replicas?.value : '-')).join(' ')}`);
  assert.deepEqual(replicas(workspace.model()), ['overlays/a - 5', 'overlays/b - 6', 'solo - 4']);
  assert.deepEqual(workspace.model().builds, modelOf(files).builds);
});

test('an object of a build kept through an edit still belongs to it', () => {
  const workspace = workspaceOf(FILES);
  const model = workspace.model();
  const [service] = model.objectsFrom('solo/app.yaml');
  workspace.set('base/app.yaml', FILES['base/app.yaml']!.replace('replicas: 2', 'replicas: 3'));
  assert.equal(model.buildOf(service!)?.name, 'solo');
});

test('an edit of a patch changes the facets of the builds that read it and of the lists of their kinds, not of the other builds', () => {
  const workspace = workspaceOf(FILES);
  const model = workspace.model();
  const readsOf = (compute: () => unknown): Set<string> => model.recordReads(compute).reads;
  const ofBuild = (path: string) => readsOf(() => model.objectsFrom(path).map((object) => model.buildOf(object)));
  const shards = { base: ofBuild('base/app.yaml'), solo: ofBuild('solo/app.yaml') };
  const lists = { workloads: readsOf(() => model.workloads), kubeProxy: readsOf(() => model.kubeProxyConfigurations) };
  model.takeChanges();
  workspace.set('overlays/a/replicas.yaml', FILES['overlays/a/replicas.yaml']!.replace('value: 3', 'value: 4'));
  const changes = model.takeChanges();
  assert.ok(changes instanceof Set);
  const changed = (reads: ReadonlySet<string>) => [...reads].some((facet) => changes.has(facet));
  assert.deepEqual(
    { base: changed(shards.base), solo: changed(shards.solo), workloads: changed(lists.workloads), kubeProxy: changed(lists.kubeProxy) },
    { base: true, solo: false, workloads: true, kubeProxy: false },
  );
});
