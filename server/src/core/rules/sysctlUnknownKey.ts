import { editDistance } from '../editDistance';
import type { AnalyzedFile } from '../analyze';
import type { Fix } from '../edits/fix';
import { type Workload, objectLabel } from '../k8s/objects';
import { CATALOG_KERNEL, SYSCTL_CATALOG, sysctlFamilyOf } from '../sysctl/catalog';
import type { Span } from '../text';
import { fittingMessage, type Finding, type Rule } from './rule';
import { fileOfValue, isPatched } from '../kustomize/strategicMerge';

/** How many edits a name may be from a real key for Connlint to suggest it: 1 up to 8 characters after the family prefix, 2 up to 16, else 3. */
export function suggestionThreshold(name: string): number {
  return name.length <= 8 ? 1 : name.length <= 16 ? 2 : 3;
}

/** The catalog keys of the key's family closest to it, when within the threshold; several when tied. */
export function closestKeys(key: string): { keys: string[]; distance: number } | undefined {
  const family = sysctlFamilyOf(key);
  if (family === undefined) return undefined;
  const name = key.slice(family.length).toLowerCase();
  let best: string[] = [];
  let bestDistance = suggestionThreshold(name);
  for (const candidate of SYSCTL_CATALOG.keys()) {
    if (!candidate.startsWith(family)) continue;
    const distance = editDistance(name, candidate.slice(family.length).toLowerCase(), bestDistance + 1);
    if (distance > bestDistance) continue;
    if (distance < bestDistance || best.length === 0) [best, bestDistance] = [[candidate], distance];
    else best.push(candidate);
  }
  return best.length === 0 ? undefined : { keys: best.sort(), distance: bestDistance };
}

/**
 * A key of the `net.ipv4.tcp_*`, `net.ipv4.vs.*` or `net.netfilter.nf_conntrack_*` families that
 * the kernel does not have: in node sysctl files and in pods' `securityContext.sysctls`.
 */
export const sysctlUnknownKey: Rule = {
  id: 'sysctl-unknown-key',
  defaultSeverity: 'warning',
  description: 'A net.ipv4.tcp_*, net.ipv4.vs.* or net.netfilter.nf_conntrack_* key the kernel does not have (a typo), with the closest real key.',
  scope: 'file',
  check(model, report) {
    for (const file of model.files) {
      for (const assignment of file.sysctl?.assignments ?? []) {
        if (assignment.isGlob) continue;
        const finding = unknownKeyFinding(file, assignment.key, assignment.keySpan, NODE_CONSEQUENCE, (key) => file.sysctl!.assignments.some((other) => other.key === key));
        if (finding !== undefined) report(finding);
      }
    }
    for (const workload of model.workloads) {
      for (const sysctl of workload.template?.sysctls ?? []) {
        const file = model.file(fileOfValue(workload, sysctl));
        if (file === undefined || /[*?[]/.test(sysctl.name)) continue;
        const finding = unknownKeyFinding(file, sysctl.name, sysctl.nameSpan, podConsequence(workload), (key) => workload.template!.sysctls.some((other) => other.name === key));
        if (finding === undefined) continue;
        // Renaming a patch's entry would bring back the workload's own entry of that name: no fix.
        const { fixes: _fixes, ...unfixed } = finding;
        report({ ...(isPatched(workload, sysctl) ? unfixed : finding), subject: workload });
      }
    }
  },
};

const NODE_CONSEQUENCE = 'The node skips it.';

function podConsequence(workload: Workload): string {
  return `The pods of ${objectLabel(workload)} cannot set it.`;
}

/**
 * The finding for one key as written at `span` (its text may be quoted or use `/`), or none when
 * the key is known or outside the families. Renaming to a key that is set beside it would leave
 * one of the two without effect: that fix is offered, never applied by fix-all.
 */
function unknownKeyFinding(file: AnalyzedFile, key: string, span: Span, consequence: string, isSetBeside: (key: string) => boolean): Finding | undefined {
  const family = sysctlFamilyOf(key);
  if (family === undefined || SYSCTL_CATALOG.has(key)) return undefined;
  const written = writtenKey(file.text, span);
  const closest = closestKeys(key);
  const count = [...SYSCTL_CATALOG.keys()].filter((candidate) => candidate.startsWith(family)).length;
  const known = `${written.text} is not one of the ${count} ${family}* keys of ${CATALOG_KERNEL}`;
  const suggestion = closest === undefined
    ? ' and none is close to it.'
    : `; the closest ${closest.keys.length === 1 ? 'is' : 'are'} ${closest.keys.map((candidate) => inStyle(candidate, written.text)).join(', ')} (${distanceText(closest.distance)}).`;
  return {
    file: file.path,
    span: written.span,
    // Shorter: without what follows from it, then without the number of keys the family has.
    message: fittingMessage([`${known}${suggestion} ${consequence}`, `${known}${suggestion}`, `${written.text} is not a ${family}* key of ${CATALOG_KERNEL}${suggestion}`]),
    fixes: () => (closest?.keys ?? []).map((candidate): Fix => ({
      title: `Replace with ${inStyle(candidate, written.text)}`,
      edits: [{ file: file.path, span: written.span, newText: inStyle(candidate, written.text) }],
      preferred: closest!.keys.length === 1 && !isSetBeside(candidate),
    })),
  };
}

function distanceText(distance: number): string {
  return distance === 0 ? 'it differs only in case' : `${distance} ${distance === 1 ? 'edit' : 'edits'} away`;
}

/** The key's text and span without surrounding quotes. */
function writtenKey(text: string, span: Span): { text: string; span: Span } {
  const raw = text.slice(span.start, span.end);
  const quoted = raw.length >= 2 && (raw[0] === '"' || raw[0] === "'") && raw[raw.length - 1] === raw[0];
  const inner = quoted ? { start: span.start + 1, end: span.end - 1 } : span;
  return { text: text.slice(inner.start, inner.end), span: inner };
}

/** A catalog key written with the separators of `written`: `/` when its first separator is a slash. */
export function inStyle(key: string, written: string): string {
  const slash = written.indexOf('/');
  const dot = written.indexOf('.');
  return slash !== -1 && (dot === -1 || slash < dot) ? key.replace(/\./g, '/') : key;
}
