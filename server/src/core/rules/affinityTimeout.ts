import type { AnalyzedFile } from '../analyze';
import { type Service, objectLabel } from '../k8s/objects';
import { serviceExposure, type ExposedBackend } from '../model/exposure';
import { KEEPALIVE_TIME_KEY } from '../model/effective';
import { MAX_AFFINITY_TIMEOUT, effectiveProxyMode, isProxied } from '../model/proxy';
import type { Effective } from '../model/sources';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { Fix } from '../edits/fix';
import { addToMap, childMap, objectMap, removeKey, replaceSpan } from '../edits/yamlEdits';
import { recommendedKeepalive } from '../edits/podKeepalive';
import { backendKeepaliveFix } from '../edits/backendKeepalive';
import { ignoreForService } from '../edits/ignoreAnnotation';
import { relatedSource, type Finding, type RelatedSpan, type Rule } from './rule';

/** The smallest `timeoutSeconds` the API server accepts. */
export const MIN_AFFINITY_TIMEOUT = 1;
/** The `timeoutSeconds` the API server sets when ClientIP affinity leaves it unset. */
export const DEFAULT_AFFINITY_TIMEOUT = 10800;

const ID = 'affinity-timeout';

/**
 * Session affinity settings that do not do what they say: a `timeoutSeconds` the API server
 * rejects (error), a `sessionAffinityConfig` it drops because affinity is None (warning), and a
 * ClientIP timeout that cannot outlast the conntrack timeout while backends rely on it (info).
 */
export const affinityTimeout: Rule = {
  id: ID,
  defaultSeverity: 'info',
  description: 'A ClientIP timeout the API server rejects, a sessionAffinityConfig it drops, or an affinity that cannot keep an idle connection on its pod.',
  scope: 'file',
  check(model, report) {
    for (const service of model.services) {
      const findings = [invalidTimeout(model, service), droppedConfig(model, service), shortAffinity(model, service)];
      for (const finding of findings) if (finding !== undefined) report(finding);
    }
  },
};

/**
 * Why the API server rejects the written timeout: not a whole number (the field is an int32; a
 * quoted number is a string), whatever the affinity; outside 1..86400 with ClientIP affinity.
 */
function timeoutProblem(service: Service, text: string): string | undefined {
  const value = service.affinityTimeoutSeconds?.value;
  if (value === undefined) return `is ${text.slice(0, 20)}, not a whole number of seconds`;
  if (service.sessionAffinity?.value !== 'ClientIP' || (value >= MIN_AFFINITY_TIMEOUT && value <= MAX_AFFINITY_TIMEOUT)) return undefined;
  return `is ${text.slice(0, 20)}, outside ${MIN_AFFINITY_TIMEOUT}..${MAX_AFFINITY_TIMEOUT} (with ClientIP affinity)`;
}

/** A `timeoutSeconds` the API server rejects, reported as an error on its value. */
function invalidTimeout(model: WorkspaceModel, service: Service): Finding | undefined {
  const written = service.affinityTimeoutText;
  if (written === undefined) return undefined;
  const text = model.file(service.file)!.text.slice(written.span.start, written.span.end);
  const problem = timeoutProblem(service, text);
  if (problem === undefined) return undefined;
  const replacement = clampedTimeout(written.value);
  return {
    file: service.file,
    span: written.span,
    severity: 'error',
    subject: service,
    message: `timeoutSeconds of Service "${nameOf(service)}" ${problem}: the API server rejects the Service.`,
    fixes: () => [{ title: `Set timeoutSeconds to ${replacement}`, edits: [replaceSpan(service.file, written.span, String(replacement))], preferred: true }],
  };
}

/** The written timeout brought into 1..86400; text that is no number gets the default. */
function clampedTimeout(text: string): number {
  const number = Number(text.trim());
  if (text.trim() === '' || !Number.isFinite(number)) return DEFAULT_AFFINITY_TIMEOUT;
  return Math.min(MAX_AFFINITY_TIMEOUT, Math.max(MIN_AFFINITY_TIMEOUT, Math.round(number)));
}

/** `sessionAffinityConfig` with affinity None or unset: the API server's defaulting drops it. */
function droppedConfig(model: WorkspaceModel, service: Service): Finding | undefined {
  const configKey = service.affinityConfigKey;
  const affinity = service.sessionAffinity;
  if (configKey === undefined || (affinity !== undefined && affinity.value !== 'None')) return undefined;
  const file = model.file(service.file)!;
  const state = affinity === undefined ? 'sessionAffinity is unset (None by default)' : 'sessionAffinity is None';
  return {
    file: service.file,
    span: configKey,
    severity: 'warning',
    subject: service,
    message: `Service "${nameOf(service)}" sets sessionAffinityConfig while ${state}: the API server drops it, so it never applies.`,
    related: affinity === undefined ? [] : [{ file: service.file, span: affinity.span, message: 'sessionAffinity: None' }],
    fixes: () => {
      // In IPVS mode affinity cannot save an expired connection: it is not offered as a cure there.
      const ipvs = effectiveProxyMode(model).value === 'ipvs';
      const fixes = [ipvs ? undefined : setClientIp(file, service, isProxied(service)), removeConfig(file, service, ipvs || !isProxied(service))];
      return fixes.filter((fix): fix is Fix => fix !== undefined);
    },
  };
}

/**
 * Replaces `None` with `ClientIP`, or adds `sessionAffinity: ClientIP` to the spec; a written
 * timeout that ClientIP would make the API server reject is brought into 1..86400 with it.
 */
function setClientIp(file: AnalyzedFile, service: Service, preferred: boolean): Fix | undefined {
  const title = 'Set sessionAffinity: ClientIP';
  const timeout = service.affinityTimeoutText;
  const value = service.affinityTimeoutSeconds?.value;
  const clamp = timeout !== undefined && (value === undefined || value < MIN_AFFINITY_TIMEOUT || value > MAX_AFFINITY_TIMEOUT);
  const edits = clamp ? [replaceSpan(file.path, timeout.span, String(clampedTimeout(timeout.value)))] : [];
  if (service.sessionAffinity !== undefined) return { title, edits: [replaceSpan(file.path, service.sessionAffinity.span, 'ClientIP'), ...edits], preferred };
  const root = objectMap(file, service);
  const spec = root && childMap(root, 'spec');
  const edit = spec && addToMap(file.text, spec, [{ key: 'sessionAffinity', value: 'ClientIP' }], file.path);
  return edit && { title, edits: [edit, ...edits], preferred };
}

function removeConfig(file: AnalyzedFile, service: Service, preferred: boolean): Fix | undefined {
  const root = objectMap(file, service);
  const spec = root && childMap(root, 'spec');
  const edit = spec && removeKey(file.text, spec, 'sessionAffinityConfig', file.path);
  return edit && { title: 'Remove sessionAffinityConfig', edits: [edit], preferred };
}

/**
 * ClientIP affinity in iptables or nftables mode whose timeout is not above the conntrack
 * timeout, over several backends that some lack a keepalive below it: affinity alone will not
 * keep a long-idle connection on its pod.
 */
function shortAffinity(model: WorkspaceModel, service: Service): Finding | undefined {
  const affinity = service.sessionAffinity;
  if (affinity?.value !== 'ClientIP') return undefined;
  if (service.affinityTimeoutText !== undefined && timeoutProblem(service, service.affinityTimeoutText.value) !== undefined) return undefined;
  const timeout = clientIpTimeout(service);
  const exposure = serviceExposure(service, model);
  if (!exposure.exposed || timeout.value > exposure.conntrack.value) return undefined;
  const { conntrack } = exposure;
  // Here a keepalive below the conntrack timeout counts even as the kernel's default: the finding is about what affinity adds to it.
  const unprotected = exposure.unprotected.filter(({ keepalive }) => keepalive === undefined || keepalive.value < 0 || keepalive.value >= conntrack.value);
  if (unprotected.length === 0) return undefined;
  const file = model.file(service.file)!;
  const keepalive = recommendedKeepalive(conntrack.value);
  return {
    file: service.file,
    span: service.affinityTimeoutSeconds?.span ?? affinity.span,
    subject: service,
    message:
      `Service "${nameOf(service)}": ClientIP timeoutSeconds ${timeout.value} s is not above the ${conntrack.value} s conntrack timeout; ` +
      'affinity cannot hold a longer-idle connection.',
    related: [
      ...relatedSource(timeout.source, `timeoutSeconds: ${timeout.value} s; only a new connection from the client refreshes the affinity record`),
      ...relatedSource(conntrack.source, `The conntrack established timeout: ${conntrack.value} s`),
      ...unprotected.map((item) => exposedRelated(item)),
    ],
    fixes: () => [
      ...unprotected.flatMap(({ source, keepalive: current }) => (source.workload && current && backendKeepaliveFix(model, source.workload, current, keepalive)) || []),
      ...[ignoreForService(file, service, ID)].filter((fix): fix is Fix => fix !== undefined),
    ],
  };
}

function clientIpTimeout(service: Service): Effective<number> {
  const written = service.affinityTimeoutSeconds;
  if (written === undefined) return { value: DEFAULT_AFFINITY_TIMEOUT, source: { kind: 'default', reason: "the API server's default, timeoutSeconds unset" } };
  return { value: written.value, source: { kind: 'file', file: service.file, span: written.span, setting: 'timeoutSeconds' } };
}

function exposedRelated({ source, keepalive }: ExposedBackend): RelatedSpan {
  const workload = source.workload;
  if (workload === undefined || keepalive === undefined) return { file: source.file, span: source.span, message: `Backend without a known keepalive: ${source.reason}` };
  const name = objectLabel(workload);
  if (keepalive.source.kind === 'file') return { file: keepalive.source.file, span: keepalive.source.span, message: `${KEEPALIVE_TIME_KEY} of ${name}: ${keepalive.value} s` };
  return { file: workload.file, span: workload.nameSpan, message: `${name} relies on the default ${KEEPALIVE_TIME_KEY} of ${keepalive.value} s` };
}

function nameOf(service: Service): string {
  return service.name ?? '(unnamed)';
}
