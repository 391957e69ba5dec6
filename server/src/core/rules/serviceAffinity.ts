import type { AnalyzedFile } from '../analyze';
import type { Service } from '../k8s/objects';
import { backendsOf, formatCount } from '../model/backends';
import { effectiveConntrackTimeout } from '../model/effective';
import { MAX_AFFINITY_TIMEOUT, isProxied } from '../model/proxy';
import { ignoreForService } from '../edits/ignoreAnnotation';
import type { Fix, TextEdit } from '../edits/fix';
import { addToMap, childMap, objectMap, replaceSpan, type Entry } from '../edits/yamlEdits';
import type { Rule } from './rule';

/**
 * A Service that kube-proxy balances over several pods without ClientIP affinity: once an idle
 * connection's conntrack entry expires, its next packet can be sent to another pod, which resets it.
 */
export const serviceAffinity: Rule = {
  id: 'service-affinity',
  defaultSeverity: 'warning',
  description: 'A Service with several backends and no sessionAffinity: ClientIP; an idle connection can be re-balanced to another pod and reset.',
  scope: 'file',
  check(model, report) {
    const conntrack = effectiveConntrackTimeout(model);
    for (const service of model.services) {
      if (!isProxied(service) || service.sessionAffinity?.value === 'ClientIP') continue;
      const backends = backendsOf(service, model);
      if (backends.count <= 1) continue;
      const reasons = backends.sources.map((source) => source.reason);
      const affinity = service.sessionAffinity === undefined ? 'no sessionAffinity' : `sessionAffinity: ${service.sessionAffinity.value}`;
      const file = model.file(service.file)!;
      report({
        file: service.file,
        span: service.nameSpan,
        subject: service,
        fixes: () => [addClientIpAffinity(file, service), ignoreForService(file, service, 'service-affinity')].filter((fix): fix is Fix => fix !== undefined),
        message:
          `Service "${service.name}" has ${formatCount(backends.count)} (${summarise(reasons)}) and ${affinity}. ` +
          `A connection idle longer than the conntrack timeout (${conntrack.value} s, ${model.describe(conntrack.source)}) ` +
          'is load-balanced again and can be reset by another pod.',
        related: backends.sources.map((source) => ({ file: source.file, span: source.span, message: `Backend of Service "${service.name}": ${source.reason}` })),
      });
    }
  },
};

function summarise(reasons: readonly string[]): string {
  const shown = reasons.slice(0, 3).join('; ');
  return reasons.length > 3 ? `${shown}; and ${reasons.length - 3} more` : shown;
}

/** Sets `sessionAffinity: ClientIP` with the longest timeout the API server accepts, keeping what is already there. */
function addClientIpAffinity(file: AnalyzedFile, service: Service): Fix | undefined {
  const root = objectMap(file, service);
  if (root === undefined) return undefined;
  const timeout: Entry = { key: 'timeoutSeconds', value: String(MAX_AFFINITY_TIMEOUT) };
  const spec = childMap(root, 'spec');
  const edits: TextEdit[] = [];
  const specEntries: Entry[] = [];
  if (service.sessionAffinity !== undefined) edits.push(replaceSpan(file.path, service.sessionAffinity.span, 'ClientIP'));
  else specEntries.push({ key: 'sessionAffinity', value: 'ClientIP' });
  const config = spec && childMap(spec, 'sessionAffinityConfig');
  const clientIp = config && childMap(config, 'clientIP');
  if (service.affinityTimeoutSeconds !== undefined) {
    if (service.affinityTimeoutSeconds.value !== MAX_AFFINITY_TIMEOUT) edits.push(replaceSpan(file.path, service.affinityTimeoutSeconds.span, String(MAX_AFFINITY_TIMEOUT)));
  } else if (clientIp !== undefined) pushEdit(edits, addToMap(file.text, clientIp, [timeout], file.path));
  else if (config !== undefined) pushEdit(edits, addToMap(file.text, config, [{ key: 'clientIP', value: [timeout] }], file.path));
  // An empty `sessionAffinityConfig:` is filled in by addToMap, never written twice.
  else specEntries.push({ key: 'sessionAffinityConfig', value: [{ key: 'clientIP', value: [timeout] }] });
  if (specEntries.length > 0) pushEdit(edits, spec ? addToMap(file.text, spec, specEntries, file.path) : addToMap(file.text, root, [{ key: 'spec', value: specEntries }], file.path));
  return edits.length === 0 ? undefined : { title: 'Add sessionAffinity: ClientIP', edits, preferred: true };
}

function pushEdit(edits: TextEdit[], edit: TextEdit | undefined): void {
  if (edit !== undefined) edits.push(edit);
}
