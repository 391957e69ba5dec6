import type { AnalyzedFile } from '../core/analyze';
import { skippedParts } from '../core/skipped';

/** Logs the parts of each file left unread (its template documents), again only when they change. */
export class SkippedPartsLog {
  /** The lines last logged for each file, so that an edit that keeps them logs nothing. */
  private readonly logged = new Map<string, string>();

  constructor(private readonly log: (message: string) => void) {}

  /** Logs the parts of a file left unread when they differ from those last logged for it. */
  note(analyzed: AnalyzedFile): void {
    const lines = skippedParts(analyzed).map((part) => `Skipped ${part.file}:${part.range.start.line + 1}:${part.range.start.character + 1}: ${part.reason}`);
    if ((this.logged.get(analyzed.path) ?? '') === lines.join('\n')) return;
    if (lines.length === 0) this.logged.delete(analyzed.path);
    else this.logged.set(analyzed.path, lines.join('\n'));
    for (const line of lines) this.log(line);
  }

  /** Forgets what was logged for a file, so that its parts are logged again when it comes back. */
  forget(uri: string): void {
    this.logged.delete(uri);
  }
}
