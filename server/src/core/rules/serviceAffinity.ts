import type { AnalyzedFile } from '../analyze';
import { type Service, objectLabel } from '../k8s/objects';
import { formatCount, type BackendSource } from '../model/backends';
import { serviceExposure, type Exposed } from '../model/exposure';
import { MAX_AFFINITY_TIMEOUT } from '../model/proxy';
import { ignoreForService } from '../edits/ignoreAnnotation';
import type { Fix, TextEdit } from '../edits/fix';
import { addToMap, childMap, objectMap, replaceSpan, type Entry } from '../edits/yamlEdits';
import { recommendedKeepalive } from '../edits/podKeepalive';
import type { WorkspaceModel } from '../model/workspaceModel';
import { backendKeepaliveFix } from '../edits/backendKeepalive';
import { fittingMessage, relatedSource, type RelatedSpan, type Rule } from './rule';
import { fileOfValue } from '../kustomize/strategicMerge';

const ID = 'service-affinity';

/**
 * A TCP Service that kube-proxy balances per packet over several pods, some without a keepalive
 * below the conntrack timeout and without ClientIP affinity: once an idle connection's conntrack
 * entry expires, its next packet can be sent to another pod, which resets it.
 */
export const serviceAffinity: Rule = {
  id: ID,
  defaultSeverity: 'warning',
  description: 'A Service with several backends and no keepalive below the conntrack timeout; an idle TCP connection can be re-balanced to another pod and reset.',
  scope: 'file',
  check(model, report) {
    for (const service of model.services) {
      if (service.sessionAffinity?.value === 'ClientIP') continue;
      const exposure = serviceExposure(service, model);
      if (!exposure.exposed) continue;
      const file = model.file(service.file)!;
      report({
        file: service.file,
        span: service.nameSpan,
        subject: service,
        message: message(service, exposure),
        related: related(model, service, exposure),
        fixes: () => fixesOf(model, file, service),
      });
    }
  },
};

/**
 * The finding's fixes, from the Service's exposure as the model has it when they are asked for:
 * a closure that kept the exposure held about 0.9 KB for every finding until its file changed.
 */
function fixesOf(model: WorkspaceModel, file: AnalyzedFile, service: Service): Fix[] {
  const exposure = serviceExposure(service, model);
  if (!exposure.exposed) return [];
  return [keepaliveFix(model, exposure), addClientIpAffinity(file, service), ignoreForService(file, service, ID)].filter((fix): fix is Fix => fix !== undefined);
}

/** The fact first: how many backends and where that comes from, and the timeout after which an idle connection is re-balanced. */
function message(service: Service, { backends, conntrack, internalLocal }: Exposed): string {
  const name = `Service "${service.name ?? '(unnamed)'}"`;
  const count = formatCount(backends.count, backends.upTo);
  const tail = internalLocal
    ? `and internalTrafficPolicy: Local: a connection idle over the ${conntrack.value} s conntrack timeout can be reset by another pod on the client's node.`
    : `and no ClientIP affinity: a connection idle over the ${conntrack.value} s conntrack timeout can be re-balanced to another pod and reset.`;
  const short = internalLocal
    ? `${name} has ${count}, internalTrafficPolicy: Local: a connection idle over ${conntrack.value} s can be reset by another pod on its node.`
    : `${name} has ${count}: a connection idle over ${conntrack.value} s can be re-balanced to another pod and reset.`;
  return fittingMessage([...origins(backends.sources).map((origin) => `${name} has ${count} (${origin}) ${tail}`), `${name} has ${count} ${tail}`, short]);
}

/** Where the count comes from, longest first: `Deployment "web" has replicas: 3`, then `Deployment "web"` (with `and 2 more`). */
function origins(sources: readonly BackendSource[]): string[] {
  const first = sources[0]!;
  const more = sources.length > 1 ? ` and ${sources.length - 1} more` : '';
  const label = `${objectLabel(first.object)}${more}`;
  return sources.length === 1 && first.reason.length <= 80 ? [first.reason, label] : [label];
}

function related(model: WorkspaceModel, service: Service, exposure: Exposed): RelatedSpan[] {
  const name = `Service "${service.name ?? '(unnamed)'}"`;
  const backends = exposure.backends.sources.map((source) => ({ file: source.file, span: source.span, message: `Backend of ${name}: ${source.reason}` }));
  const keepalive = exposure.unprotected.flatMap(({ keepalive }) =>
    keepalive?.source.kind === 'file' ? [{ file: keepalive.source.file, span: keepalive.source.span, message: `${keepalive.source.setting}: ${keepalive.value} s, not below ${exposure.conntrack.value} s` }] : [],
  );
  return [
    ...backends,
    ...keepalive,
    // Where the workspace holds several kube-proxy configurations, the source's description says which one applies and why.
    ...relatedSource(exposure.conntrack.source, `The conntrack established timeout: ${exposure.conntrack.value} s, ${model.describe(exposure.conntrack.source)}`),
    ...externalPath(service),
  ];
}

/** What happens to connections from outside the cluster, for a NodePort or LoadBalancer Service. */
function externalPath(service: Service): RelatedSpan[] {
  if ((service.type !== 'NodePort' && service.type !== 'LoadBalancer') || service.typeSpan === undefined) return [];
  const policy = service.externalTrafficPolicy;
  const span = policy?.span ?? service.typeSpan;
  const file = policy === undefined ? service.file : fileOfValue(service, policy);
  if (policy?.value === 'Local') {
    return [{ file, span, message: 'externalTrafficPolicy: Local: external connections are not masqueraded and reach only pods on the node they arrive at' }];
  }
  return [{ file, span, message: 'externalTrafficPolicy: Cluster (the default): external connections are masqueraded, so after conntrack expiry they are reset even by one backend, and ClientIP affinity cannot help' }];
}

/**
 * A keepalive below the conntrack timeout in the pods of every unprotected backend: one fix, so
 * that `--fix` protects them all; none when one of them cannot be edited (hand-written Endpoints,
 * a pod template without a spec), since the finding would stay.
 */
function keepaliveFix(model: WorkspaceModel, exposure: Exposed): Fix | undefined {
  const seconds = recommendedKeepalive(exposure.conntrack.value);
  const fixes: Fix[] = [];
  for (const { source, keepalive } of exposure.unprotected) {
    const fix = source.workload && keepalive && backendKeepaliveFix(model, source.workload, keepalive, seconds);
    if (!fix) return undefined;
    fixes.push(fix);
  }
  if (fixes.length <= 1) return fixes[0];
  const workloads = exposure.unprotected.flatMap(({ source }) => (source.workload ? [objectLabel(source.workload)] : []));
  return {
    title: `Set net.ipv4.tcp_keepalive_time to ${seconds} in the pods of ${workloads.join(', ')}`,
    edits: fixes.flatMap((fix) => fix.edits),
    preferred: fixes.every((fix) => fix.preferred === true),
  };
}

/** The affinity fix's title states its cost: clients stay pinned, and new pods get none of their traffic. */
const CLIENT_IP_TITLE = 'Add sessionAffinity: ClientIP (pins each client to one pod; pods added later get no traffic from existing clients)';

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
  return edits.length === 0 ? undefined : { title: CLIENT_IP_TITLE, edits, preferred: false };
}

function pushEdit(edits: TextEdit[], edit: TextEdit | undefined): void {
  if (edit !== undefined) edits.push(edit);
}
