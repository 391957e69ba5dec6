import type { AnalyzedFile } from '../analyze';
import { type Service, objectLabel } from '../k8s/objects';
import type { Fix, TextEdit } from '../edits/fix';
import { childMap, objectMap, removeKey } from '../edits/yamlEdits';
import { ignoreForService } from '../edits/ignoreAnnotation';
import { isProxied } from '../model/proxy';
import type { Rule } from './rule';

/**
 * `sessionAffinity: ClientIP` on a Service kube-proxy never handles (headless or ExternalName):
 * clients reach the pods, or the external name, directly, and the affinity does nothing.
 */
export const affinityIgnored: Rule = {
  id: 'affinity-ignored',
  defaultSeverity: 'warning',
  description: 'sessionAffinity: ClientIP on a headless or ExternalName Service, which kube-proxy never handles; the affinity does nothing.',
  scope: 'file',
  check(model, report) {
    for (const service of model.services) {
      const affinity = service.sessionAffinity;
      if (affinity?.value !== 'ClientIP' || isProxied(service)) continue;
      const file = model.file(service.file)!;
      report({
        file: service.file,
        span: affinity.span,
        subject: service,
        message: `${bypass(service)}: its sessionAffinity: ClientIP does nothing`,
        fixes: () => [removeAffinity(file, service), ignoreForService(file, service, 'affinity-ignored')].filter((fix): fix is Fix => fix !== undefined),
      });
    }
  },
};

function bypass(service: Service): string {
  const name = objectLabel(service);
  if (service.type === 'ExternalName') return `${name} is type: ExternalName, a DNS alias kube-proxy never handles`;
  return `${name} is headless (clusterIP: None): clients reach its pods without kube-proxy`;
}

/** Removes `sessionAffinity` and, when present, `sessionAffinityConfig` from the Service's spec. */
function removeAffinity(file: AnalyzedFile, service: Service): Fix | undefined {
  const root = objectMap(file, service);
  const spec = root && childMap(root, 'spec');
  const affinity = spec && removeKey(file.text, spec, 'sessionAffinity', file.path);
  if (spec === undefined || affinity === undefined) return undefined;
  const config = removeKey(file.text, spec, 'sessionAffinityConfig', file.path);
  const title = config === undefined ? 'Remove sessionAffinity' : 'Remove sessionAffinity and sessionAffinityConfig';
  return { title, edits: config === undefined ? [affinity] : joinRemovals(affinity, config), preferred: true };
}

/** Two removals from one mapping; in a flow mapping, neighbours' separators can overlap: then one removal spans both. */
function joinRemovals(a: TextEdit, b: TextEdit): TextEdit[] {
  if (a.span.end <= b.span.start || b.span.end <= a.span.start) return [a, b];
  return [{ file: a.file, span: { start: Math.min(a.span.start, b.span.start), end: Math.max(a.span.end, b.span.end) }, newText: '' }];
}
