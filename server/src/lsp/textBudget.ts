import { statSync } from 'node:fs';
import { URI } from 'vscode-uri';

/**
 * The text the language server's index holds from disk, at most: 64 MiB (in UTF-16 code units,
 * the bytes of an ASCII file). The files of a workspace past it are skipped and logged; a file
 * opened in the editor is linted whatever the budget.
 */
export const MAX_INDEXED_TEXT = 64 * 1024 * 1024;

/** Skipped files logged one by one; the others are counted in one line. */
const SKIPS_LOGGED = 10;

/**
 * The sizes of the texts held from disk, file by file, against a ceiling: what keeps a workspace
 * folder of `/`, or a few manifests of 10 MB each, from taking a gigabyte of memory.
 */
export class IndexedTextBudget {
  private readonly held = new Map<string, number>();
  private total = 0;

  constructor(readonly limit: number = MAX_INDEXED_TEXT) {}

  /** The text held, in UTF-16 code units. */
  get used(): number {
    return this.total;
  }

  /** Whether the index can hold a text of `size` for `uri`, in place of the one it holds now. */
  fits(uri: string, size: number): boolean {
    return this.total - (this.held.get(uri) ?? 0) + size <= this.limit;
  }

  /** Counts the text now held for `uri`. */
  hold(uri: string, size: number): void {
    this.total += size - (this.held.get(uri) ?? 0);
    this.held.set(uri, size);
  }

  /** The index no longer holds `uri`'s text from disk. */
  release(uri: string): void {
    this.total -= this.held.get(uri) ?? 0;
    this.held.delete(uri);
  }

  /**
   * The files of a scan that fit, in order, by their sizes on disk (a file that cannot be
   * statted is read, and its error reported then); the others are logged and left out.
   */
  plan(uris: readonly string[], log: (message: string) => void): string[] {
    const planned = new Map(this.held);
    let total = this.total;
    const read: string[] = [];
    let skipped = 0;
    for (const uri of uris) {
      const size = sizeOnDisk(uri);
      const after = total - (planned.get(uri) ?? 0) + size;
      if (after > this.limit) {
        if (++skipped <= SKIPS_LOGGED) log(this.skipMessage(uri));
        continue;
      }
      total = after;
      planned.set(uri, size);
      read.push(uri);
    }
    if (skipped > SKIPS_LOGGED) log(`Skipped ${skipped - SKIPS_LOGGED} more files: ${this.reason()}`);
    return read;
  }

  /** Why a file was left out, for the server's log. */
  skipMessage(uri: string): string {
    return `Skipped ${uri}: ${this.reason()}`;
  }

  private reason(): string {
    return `the index holds at most ${this.limit / 1024 / 1024} MiB of text from disk, Connlint's limit for a workspace (open the file to lint it, or leave files out with connlint.exclude)`;
  }
}

function sizeOnDisk(uri: string): number {
  try {
    return statSync(URI.parse(uri).fsPath).size;
  } catch {
    return 0;
  }
}
