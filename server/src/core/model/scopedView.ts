import type { AnalyzedFile } from '../analyze';
import { isWorkload, type K8sObject, type KubeProxyConfiguration, type Workload } from '../k8s/objects';
import { modulesLoadRootOf, nodeRootOf } from '../sysctl/order';
import { nearest } from './backends';
import { isKubeProxyConfiguration, isService } from './workspaceBuilds';
import type { NodeSysctl, WorkspaceModel } from './workspaceModel';

/** A model scoped to one file (see `WorkspaceModel.scopedTo`). */
type ScopedView = WorkspaceModel & { scopePath: string };

/** The file a model is scoped to; undefined for the whole workspace's model. */
export function scopePathOf(model: WorkspaceModel): string | undefined {
  return (model as Partial<ScopedView>).scopePath;
}

/** A view of `model` scoped to one file, inheriting from `prototype` (made by scopePrototypeOf). */
export function scopedView(prototype: WorkspaceModel, path: string): WorkspaceModel {
  const view = Object.create(prototype) as ScopedView;
  view.scopePath = path;
  return view;
}

/**
 * The prototype of a model's scoped views: the model, with the lists of objects and files
 * replaced by getters that give only the view's file's, recording a read of that file.
 */
export function scopePrototypeOf(model: WorkspaceModel): WorkspaceModel {
  const own = <T extends K8sObject>(is: (object: K8sObject) => object is T): PropertyDescriptor => ({
    get(this: ScopedView): T[] {
      return model.objectsFrom(this.scopePath).filter(is);
    },
  });
  return Object.create(model, {
    services: own(isService),
    workloads: own(isWorkload),
    kubeProxyConfigurations: own(isKubeProxyConfiguration),
    workspaceKubeProxyConfigurations: {
      get(this: ScopedView): readonly KubeProxyConfiguration[] {
        return nearest(this.scopePath, model.workspaceKubeProxyConfigurations);
      },
    },
    nodeSysctlAssignments: {
      value(this: ScopedView, key: string, image?: string): readonly NodeSysctl[] {
        return model.nodeSysctlAssignments(key, image ?? nodeImageOf(this.scopePath, model));
      },
    },
    kubeProxyDaemonSets: {
      get(this: ScopedView): readonly Workload[] {
        return nearest(this.scopePath, model.kubeProxyDaemonSets);
      },
    },
    files: {
      get(this: ScopedView): AnalyzedFile[] {
        const file = model.file(this.scopePath);
        return file === undefined ? [] : [file];
      },
    },
  }) as WorkspaceModel;
}

/**
 * Why the kube-proxy configuration in `file` was the one used, when the workspace holds several
 * (`configurations` and `daemonSets` list the objects of each): it is the nearest to the file a
 * scoped view is about (`scopePath`), or the first of those equally near.
 */
export function kubeProxyChoice(file: string, configurations: readonly K8sObject[], daemonSets: readonly K8sObject[], scopePath: string | undefined): string {
  const configurationFiles = filesOf(configurations);
  const all = configurationFiles.includes(file) ? configurationFiles : filesOf(daemonSets);
  if (all.length < 2 || !all.includes(file)) return '';
  if (scopePath === undefined) return `, the first of ${all.length} kube-proxy configurations`;
  const nearestFiles = new Set(nearest(scopePath, all.map((path) => ({ file: path }))).map((candidate) => candidate.file));
  return nearestFiles.size > 1 ? `, the first of ${nearestFiles.size} equally near kube-proxy configurations` : `, the nearest of ${all.length} kube-proxy configurations`;
}

/** The distinct files of some objects, in workspace order. */
function filesOf(objects: readonly K8sObject[]): string[] {
  return [...new Set(objects.map((object) => object.file))];
}

/**
 * The node image whose sysctl files apply where `path` is, when the workspace holds several: a
 * sysctl or modules-load file's own image, else the image whose root is nearest to the file (see
 * `nearest`), the first in path order of those equally near. Undefined when there is one image or
 * none: then every assignment applies.
 */
export function nodeImageOf(path: string, model: WorkspaceModel): string | undefined {
  const images = model.nodeImages;
  if (images.length < 2) return undefined;
  const role = model.file(path)?.role;
  if (role === 'sysctl') return nodeRootOf(path);
  if (role === 'modules-load') return modulesLoadRootOf(path);
  return nearestImages(path, images)[0];
}

/**
 * Why the node sysctl file `file` was the one used, when the workspace holds several node images:
 * the nearest image to the file a scoped view is about (`scopePath`), or the first of those
 * equally near; in the whole workspace's model, the last assignment over every image.
 */
export function nodeImageChoice(file: string, model: WorkspaceModel, scopePath: string | undefined): string {
  const images = model.nodeImages;
  if (images.length < 2 || model.file(file)?.role !== 'sysctl') return '';
  if (scopePath === undefined) return `, the last applied of ${images.length} node images`;
  if (model.file(scopePath)?.role === 'sysctl' || model.file(scopePath)?.role === 'modules-load') return '';
  const equallyNear = nearestImages(scopePath, images).length;
  return equallyNear > 1 ? `, the first of ${equallyNear} equally near node images` : `, the nearest of ${images.length} node images`;
}

/** The image roots nearest to `path`, in path order: a root stands for a file in that directory. */
function nearestImages(path: string, images: readonly string[]): string[] {
  return nearest(path, images.map((root) => ({ file: `${root}-`, root }))).map((image) => image.root);
}
