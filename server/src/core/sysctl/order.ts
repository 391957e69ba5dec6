/**
 * Orders a workspace's sysctl files the way `sysctl --system` applies them
 * (sysctl.d(5)): every `*.conf` of the sysctl.d directories by file name, where a name in an
 * earlier system directory masks the same name in a later one, then `sysctl.conf` last.
 */

/** System directories in the precedence sysctl.d(5) gives them, earliest first. */
const SYSTEM_DIRECTORIES = ['etc/sysctl.d', 'run/sysctl.d', 'usr/local/lib/sysctl.d', 'usr/lib/sysctl.d', 'lib/sysctl.d'];

/** The files in application order; masked files are left out. */
export function sysctlApplicationOrder(paths: readonly string[]): string[] {
  const dropIns: { path: string; name: string; root: string | undefined; precedence: number }[] = [];
  const mainFiles: string[] = [];
  for (const path of paths) {
    const { directory, name } = splitPath(path);
    if (name === 'sysctl.conf' && !directory.endsWith('sysctl.d')) {
      mainFiles.push(path);
      continue;
    }
    const system = SYSTEM_DIRECTORIES.findIndex((suffix) => directory === suffix || directory.endsWith(`/${suffix}`));
    const root = system === -1 ? undefined : directory.slice(0, directory.length - SYSTEM_DIRECTORIES[system]!.length);
    dropIns.push({ path, name, root, precedence: system === -1 ? SYSTEM_DIRECTORIES.length : system });
  }
  const winners = new Map<string, (typeof dropIns)[number]>();
  const kept: typeof dropIns = [];
  for (const file of dropIns) {
    if (file.root === undefined) {
      kept.push(file);
      continue;
    }
    const id = `${file.root}\0${file.name}`;
    const current = winners.get(id);
    if (current === undefined || file.precedence < current.precedence) winners.set(id, file);
  }
  kept.push(...winners.values());
  kept.sort((a, b) => compare(a.name, b.name) || compare(a.path, b.path));
  mainFiles.sort(compare);
  return [...kept.map((file) => file.path), ...mainFiles];
}

function splitPath(path: string): { directory: string; name: string } {
  const normalised = path.replace(/\\/g, '/');
  const slash = normalised.lastIndexOf('/');
  return { directory: normalised.slice(0, Math.max(slash, 0)), name: normalised.slice(slash + 1) };
}

/** Byte-wise comparison, as the C library's `strcmp` that sysctl uses. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * The root of the node image a sysctl file belongs to: the directory above its system directory
 * (`…/rootfs/` for `…/rootfs/etc/sysctl.d/x.conf` and `…/rootfs/etc/sysctl.conf`), else the
 * directory holding its `sysctl.d`, else its own directory. Repositories often hold the files of
 * several images; files with different roots need not reach the same node.
 */
export function nodeRootOf(path: string): string {
  const { directory, name } = splitPath(path);
  for (const suffix of [...SYSTEM_DIRECTORIES, 'etc']) {
    if (suffix === 'etc' && name !== 'sysctl.conf') continue;
    if (directory === suffix) return '';
    if (directory.endsWith(`/${suffix}`)) return directory.slice(0, directory.length - suffix.length);
  }
  if (directory === 'sysctl.d') return '';
  if (directory.endsWith('/sysctl.d')) return directory.slice(0, directory.length - 'sysctl.d'.length);
  return `${directory}/`;
}

/**
 * The name under which systemd-sysctl applies `/etc/sysctl.conf` at boot: Debian and Ubuntu ship
 * the symlink `/etc/sysctl.d/99-sysctl.conf -> ../sysctl.conf`, applied in name order among the
 * drop-ins; `sysctl --system` (procps) applies sysctl.conf itself last.
 */
export const SYSCTL_CONF_BOOT_NAME = '99-sysctl.conf';

/** Whether a path is a main `sysctl.conf`, not a drop-in of a `sysctl.d` directory. */
export function isMainSysctlFile(path: string): boolean {
  const { directory, name } = splitPath(path);
  return name === 'sysctl.conf' && !directory.endsWith('sysctl.d');
}

/**
 * Entries in `sysctl --system` order (see sysctlApplicationOrder) reordered as systemd-sysctl
 * applies them at boot: a main sysctl.conf's take the place of `99-sysctl.conf` among the drop-ins.
 */
export function bootOrder<T extends { readonly file: string }>(entries: readonly T[]): T[] {
  const bootName = (file: string): string => (isMainSysctlFile(file) ? SYSCTL_CONF_BOOT_NAME : splitPath(file).name);
  return entries
    .map((entry, index) => ({ entry, index, name: bootName(entry.file) }))
    .sort((a, b) => compare(a.name, b.name) || a.index - b.index)
    .map(({ entry }) => entry);
}

/** The node image root of a modules-load.d file, as nodeRootOf gives it for a sysctl.d file beside it. */
export function modulesLoadRootOf(path: string): string {
  return nodeRootOf(path.replace(/\\/g, '/').replace(/(^|\/)modules-load\.d(\/[^/]*)$/, '$1sysctl.d$2'));
}

/** The kernel module a sysctl key exists with: `nf_conntrack` for net.netfilter.nf_conntrack_*, `ip_vs` for net.ipv4.vs.*. */
export function moduleOfKey(key: string): string | undefined {
  if (key.startsWith('net.netfilter.nf_conntrack_')) return 'nf_conntrack';
  if (key.startsWith('net.ipv4.vs.')) return 'ip_vs';
  return undefined;
}
