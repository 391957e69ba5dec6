import type { AnalyzedFile } from '../analyze';
import { modulesLoadRootOf, nodeRootOf, sysctlApplicationOrder } from '../sysctl/order';
import type { SysctlAssignment } from '../sysctl/parse';
import { pushTo } from '../collections';

/** A sysctl assignment that applies on the node, with its file. */
export interface NodeSysctl {
  readonly file: string;
  readonly assignment: SysctlAssignment;
}

/**
 * The node's files in the workspace: its sysctl files in the order the node applies them, with
 * every assignment of each key in that order, and the kernel modules each node image loads at
 * boot. Rebuilt whole on a change to one of them (a handful of files).
 */
export class NodeFiles {
  private sysctlOrder: readonly AnalyzedFile[] = [];
  private assignmentsByKey = new Map<string, NodeSysctl[]>();
  private assignmentsByImage = new Map<string, Map<string, NodeSysctl[]>>();
  private imageRoots: readonly string[] = [];
  private modulesByRoot = new Map<string, Set<string>>();

  /** Sysctl files in application order. */
  get sysctlFiles(): readonly AnalyzedFile[] {
    return this.sysctlOrder;
  }

  /** The node images of the sysctl files (their roots, see nodeRootOf), in path order. */
  get images(): readonly string[] {
    return this.imageRoots;
  }

  /** Every assignment of a sysctl key, in the order the node applies them: on every image, or on one. */
  assignments(key: string, image?: string): readonly NodeSysctl[] {
    return (image === undefined ? this.assignmentsByKey : this.assignmentsByImage.get(image))?.get(key) ?? [];
  }

  /** The modules the modules-load.d files of a node root list; undefined when there are none. */
  modulesLoadedAtBoot(root: string): ReadonlySet<string> | undefined {
    return this.modulesByRoot.get(root);
  }

  /** Updates after file `previous` became `next` among `files`, calling `changed` with the facets that changed. */
  update(files: ReadonlyMap<string, AnalyzedFile>, previous: AnalyzedFile | undefined, next: AnalyzedFile | undefined, changed: (facet: string) => void): void {
    if (previous?.role === 'sysctl' || next?.role === 'sysctl') {
      ({ files: this.sysctlOrder, assignmentsByKey: this.assignmentsByKey, assignmentsByImage: this.assignmentsByImage } = nodeSysctlOrder(files.values()));
      this.imageRoots = [...this.assignmentsByImage.keys()].sort(comparePaths);
      changed('sysctlFiles');
      for (const file of [previous, next]) for (const assignment of file?.sysctl?.assignments ?? []) changed(`nodeSysctl:${assignment.key}`);
    }
    if (previous?.role === 'modules-load' || next?.role === 'modules-load') {
      this.modulesByRoot = modulesLoadedByRoot(files.values());
      changed('modulesLoad');
    }
  }
}

/** The node's sysctl files in the order the node applies them, and every assignment of each key in that order: on all images, and by image. */
interface NodeSysctlOrder {
  readonly files: readonly AnalyzedFile[];
  readonly assignmentsByKey: Map<string, NodeSysctl[]>;
  readonly assignmentsByImage: Map<string, Map<string, NodeSysctl[]>>;
}

/** Orders the workspace's sysctl files as the node applies them, and lists the assignments of each key (globs left out). */
function nodeSysctlOrder(files: Iterable<AnalyzedFile>): NodeSysctlOrder {
  const byPath = new Map<string, AnalyzedFile>();
  for (const file of files) if (file.role === 'sysctl') byPath.set(file.path, file);
  const ordered = sysctlApplicationOrder([...byPath.keys()].sort(comparePaths)).map((path) => byPath.get(path)!);
  const assignmentsByKey = new Map<string, NodeSysctl[]>();
  const assignmentsByImage = new Map<string, Map<string, NodeSysctl[]>>();
  for (const file of ordered) {
    const root = nodeRootOf(file.path);
    const ofImage = assignmentsByImage.get(root) ?? new Map<string, NodeSysctl[]>();
    assignmentsByImage.set(root, ofImage);
    for (const assignment of file.sysctl?.assignments ?? []) {
      if (assignment.isGlob) continue;
      pushTo(assignmentsByKey, assignment.key, { file: file.path, assignment });
      pushTo(ofImage, assignment.key, { file: file.path, assignment });
    }
  }
  return { files: ordered, assignmentsByKey, assignmentsByImage };
}

/** The kernel modules each node image loads at boot, by node root (see modulesLoadRootOf), from its modules-load.d files. */
function modulesLoadedByRoot(files: Iterable<AnalyzedFile>): Map<string, Set<string>> {
  const modulesByRoot = new Map<string, Set<string>>();
  for (const file of files) {
    if (file.role !== 'modules-load') continue;
    const root = modulesLoadRootOf(file.path);
    const modules = modulesByRoot.get(root) ?? new Set<string>();
    for (const module of file.modules ?? []) modules.add(module);
    modulesByRoot.set(root, modules);
  }
  return modulesByRoot;
}

function comparePaths(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
