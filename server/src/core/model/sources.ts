import type { Span } from '../text';

/** Where an effective value comes from. */
export type ValueSource =
  /** A setting written in a file of the workspace; `choice` says why that file, of several that could apply (`, the nearest of 2 node images`). */
  | { readonly kind: 'file'; readonly file: string; readonly span: Span; readonly setting: string; readonly choice?: string }
  /** A default, with the reason it applies. */
  | { readonly kind: 'default'; readonly reason: string }
  /** An assumption the user configured for what the workspace can't show. */
  | { readonly kind: 'assumption'; readonly setting: string };

/** A value that applies in this workspace and where it comes from. */
export interface Effective<T> {
  readonly value: T;
  readonly source: ValueSource;
}

/** The last path segment of a file path or URI, for messages. */
export function baseName(file: string): string {
  const trimmed = file.replace(/[\\/]+$/, '');
  return decodeURIComponentSafe(trimmed.slice(Math.max(trimmed.lastIndexOf('/'), trimmed.lastIndexOf('\\')) + 1));
}

function decodeURIComponentSafe(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}

/**
 * A short description of where a value comes from, for messages: `tcpEstablishedTimeout in
 * kube-proxy.yaml:12`. `lineOf` gives the 0-based line of an offset in a file; `kubeProxyChoice`
 * says why a file's kube-proxy configuration was the one used, when several could apply.
 */
export function describeSource(source: ValueSource, lineOf: (file: string, offset: number) => number | undefined, kubeProxyChoice: (file: string) => string): string {
  switch (source.kind) {
    case 'file': {
      const line = lineOf(source.file, source.span.start);
      const choice = kubeProxyChoice(source.file) || (source.choice ?? '');
      return `${source.setting} in ${baseName(source.file)}${line === undefined ? '' : `:${line + 1}`}${choice}`;
    }
    case 'default':
      return source.reason;
    case 'assumption':
      return `the ${source.setting} setting`;
  }
}
