import { statSync } from 'node:fs';
import { URI } from 'vscode-uri';

/** Normalises a URI the way every part of the server spells it. */
export function normaliseUri(uri: string): string {
  return URI.parse(uri).toString();
}

/** The workspace folders, as normalised URIs ending in `/`, and where a file lies in them. */
export class WorkspaceFolders {
  private uris: string[] = [];

  /** Replaces the folders with those given (any spelling of their URIs). */
  set(folderUris: readonly string[]): void {
    this.uris = folderUris.map((uri) => withSlash(normaliseUri(uri)));
  }

  /** Removes folders given as normalised URIs; returns them ending in `/`. */
  remove(folderUris: readonly string[]): string[] {
    const removed = folderUris.map(withSlash);
    this.uris = this.uris.filter((folder) => !removed.includes(folder));
    return removed;
  }

  /** The folders, as normalised URIs ending in `/`. */
  list(): string[] {
    return [...this.uris];
  }

  /** The folders in one string, one a line: what settings compiled for them are scoped by. */
  scope(): string {
    return this.uris.join('\n');
  }

  /** Whether a file lies in one of the folders. */
  contain(uri: string): boolean {
    return this.uris.some((folder) => uri.startsWith(folder));
  }

  /** A directory as messages name it: relative to its workspace folder (`.` for the folder itself), else its file system path. */
  directoryName(uri: string): string {
    const relative = this.relativePath(withSlash(uri));
    return relative === undefined ? URI.parse(uri).fsPath : relative.replace(/\/$/, '') || '.';
  }

  /** A file's path relative to its workspace folder, `/`-separated; undefined outside the folders. */
  relativePath(uri: string): string | undefined {
    const folder = this.uris.find((candidate) => uri.startsWith(candidate));
    return folder === undefined ? undefined : decodeURIComponent(uri.slice(folder.length));
  }
}

/** Whether a `file:` URI names a directory (false when it names nothing). */
export function isDirectory(uri: string): boolean {
  try {
    return statSync(URI.parse(uri).fsPath).isDirectory();
  } catch {
    return false;
  }
}

/** Whether a URI lies in a directory no scan walks into. */
export function isInSkippedDirectory(uri: string): boolean {
  return /\/(?:\.git|node_modules)(?:\/|$)/.test(uri);
}

/** A URI ending in `/`, as a directory's prefix. */
export function withSlash(uri: string): string {
  return uri.endsWith('/') ? uri : `${uri}/`;
}
