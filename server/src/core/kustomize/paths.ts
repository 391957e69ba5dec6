/** The directory of a workspace path (`''` for a file at the root). */
export function directoryOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** Resolves a path written in a kustomization against its directory, `.` and `..` folded. */
export function joinPath(directory: string, written: string): string {
  const absolute = written.startsWith('/');
  const segments = absolute ? [] : directory.split('/').filter((segment, index) => segment !== '' || index === 0);
  const leading = directory.startsWith('/') && !absolute ? '/' : '';
  for (const segment of written.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..' && segments.length > 0 && segments[segments.length - 1] !== '..' && segments[segments.length - 1] !== '') segments.pop();
    else segments.push(segment);
  }
  const joined = segments.filter((segment) => segment !== '').join('/');
  return (absolute ? '/' : leading) + joined;
}

/** How a build is named in messages: its directory, or `.` for the workspace root. */
export function buildName(directory: string): string {
  return directory === '' ? '.' : directory;
}
