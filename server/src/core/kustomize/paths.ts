import { URI, Utils } from 'vscode-uri';

/** The directory of a workspace path (`''` for a file at the root). */
export function directoryOf(path: string): string {
  const slash = path.lastIndexOf('/');
  return slash === -1 ? '' : path.slice(0, slash);
}

/** A workspace path that is a URI (the language server's paths), not a file system path (the command line's). */
const URI_PATH = /^[a-zA-Z][a-zA-Z0-9+.-]*:\/\//;

/** Resolves a path written in a kustomization against its directory, `.` and `..` folded. */
export function joinPath(directory: string, written: string): string {
  if (URI_PATH.test(directory)) return joinUri(directory, written);
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

/**
 * Resolves a written path against a directory URI, into the form the language server gives every
 * file's URI (vscode-uri's): `file:///a/b` and `../c` make `file:///a/c`, a space in a written
 * name is `%20`. Joined as text, the URI's `//` would fold and no file would be found.
 */
function joinUri(directory: string, written: string): string {
  const base = URI.parse(directory);
  const joined = written.startsWith('/') ? base.with({ path: written }) : Utils.joinPath(base, written);
  // `../base/` names the directory `../base`, as a path joined as text does.
  return joined.with({ path: joined.path.replace(/(?<=.)\/+$/, '') }).toString();
}

/** How a build is named in messages: its directory, or `.` for the workspace root. */
export function buildName(directory: string): string {
  return directory === '' ? '.' : directory;
}
