/** File links in the form VS Code's Markdown preview opens: no `vscode` import, so that tests run it as is. */

/** A Markdown link whose target is a `file:` URI; one level of balanced parentheses may be in it. */
const FILE_LINK = /\[([^\]\n]*)\]\((file:(?:[^()\s]|\([^()\s]*\))*)\)/gi;
/** The parts of a URI with an authority: scheme, authority, path and fragment (the query is dropped). */
const URI_PARTS = /^([a-z][\w+.-]*):\/\/([^/?#]*)([^?#]*)(?:\?[^#]*)?(?:#(.*))?$/i;

/**
 * Rewrites the `file:` links of Markdown (`[deploy.yaml:6](file:///w/deploy.yaml#L6)`), which the
 * Markdown preview leaves as text, as paths from the root of the first workspace folder
 * (`/deploy.yaml#L6`, `/../other/sysctl.conf#L2`). For a document outside every folder, such as
 * the effective-settings report, the preview resolves those against that folder and opens the file
 * at the line of the fragment. A link it cannot reach that way (no folder, another scheme or
 * host, an unreadable URI) becomes its text.
 */
export function previewFileLinks(markdown: string, firstFolderUri: string | undefined): string {
  return markdown.replace(FILE_LINK, (_link, text: string, target: string) => {
    const path = firstFolderUri === undefined ? undefined : pathFromFolder(target, firstFolderUri);
    return path === undefined ? text : `[${text}](${path})`;
  });
}

/** `target` as an absolute path rooted at `folder` (`..` climbing out of it as needed), with its fragment; undefined when out of reach. */
function pathFromFolder(target: string, folder: string): string | undefined {
  const to = uriParts(target);
  const from = uriParts(folder);
  if (to === undefined || from === undefined || to.scheme !== from.scheme || to.authority !== from.authority) return undefined;
  let common = 0;
  while (common < from.segments.length && common < to.segments.length - 1 && from.segments[common] === to.segments[common]) common++;
  const climb = from.segments.slice(common).map(() => '..');
  const path = [...climb, ...to.segments.slice(common).map(encodeSegment)].join('/');
  return `/${path}${to.fragment === undefined ? '' : `#${to.fragment}`}`;
}

/** A URI's scheme, authority and drive letter (lower case), its decoded path segments (no empty ones) and its fragment. */
function uriParts(uri: string): { scheme: string; authority: string; segments: string[]; fragment: string | undefined } | undefined {
  const parts = URI_PARTS.exec(uri);
  if (parts === null) return undefined;
  try {
    const segments = parts[3]!.split('/').filter((segment) => segment !== '').map(decodeURIComponent);
    // Windows drive letters: VS Code writes them in lower case, other tools may not.
    if (segments[0] !== undefined && /^[a-z]:$/i.test(segments[0])) segments[0] = segments[0].toLowerCase();
    if (segments.some((segment) => segment === '.' || segment === '..')) return undefined;
    return { scheme: parts[1]!.toLowerCase(), authority: parts[2]!.toLowerCase(), segments, fragment: parts[4] };
  } catch {
    return undefined;
  }
}

/** A path segment as a Markdown link destination keeps it: parentheses too are escaped. */
function encodeSegment(segment: string): string {
  return encodeURIComponent(segment).replace(/[()]/g, (paren) => (paren === '(' ? '%28' : '%29'));
}
