import type { AnalyzedFile } from '../analyze';
import { objectLabel, type Service } from '../k8s/objects';
import type { Annotation, Ingress } from '../k8s/pathObjects';
import type { Fix, TextEdit } from '../edits/fix';
import { setAnnotation } from '../edits/timerEdits';
import { IDLE_DEFAULTS } from '../model/idleTimers';
import { ALB_IDLE_ATTRIBUTE, isAwsNlb, LB_ANNOTATIONS, NLB_IDLE_ATTRIBUTE, parseAttributes, wholeNumber } from '../model/loadBalancers';
import { fileOfValue, isPatched } from '../kustomize/strategicMerge';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { Finding, Rule } from './rule';

const [NLB_MIN, NLB_MAX] = IDLE_DEFAULTS.awsNlbRange;
const [AZURE_MIN, AZURE_MAX] = IDLE_DEFAULTS.azureLbMinutesRange;

/**
 * Load-balancer idle-timeout annotations that do nothing or that the controller rejects: the
 * Classic ELB annotation on an NLB, ALB's unread `connection-idle-timeout`, a listener attribute
 * for a port the Service lacks, values that are not numbers or out of range.
 */
export const lbIdleTimeout: Rule = {
  id: 'lb-idle-timeout',
  defaultSeverity: 'warning',
  description: 'Load-balancer idle-timeout annotations that do nothing (wrong load balancer, unread key, missing port) or are rejected (not a number, out of range).',
  scope: 'file',
  check(model, report) {
    for (const file of model.files) {
      for (const object of model.objectsFrom(file.path)) {
        if (object.kind === 'Service') serviceFindings(model, object).forEach(report);
        else if (object.kind === 'Ingress') ingressFindings(file, object).forEach(report);
      }
    }
  },
};

/** The findings of a Service as its build emits it: an annotation a patch wrote is reported, and edited, in the patch. */
function serviceFindings(model: WorkspaceModel, service: Service): Finding[] {
  const findings: Finding[] = [];
  const fileOf = (annotation: Annotation) => model.file(fileOfValue(service, annotation))!;
  const nlb = isAwsNlb(service);
  const tcpPorts = service.ports.flatMap((port) => (port.protocol === 'TCP' && port.port !== undefined ? [port.port] : []));
  const elb = service.annotations.get(LB_ANNOTATIONS.awsElbIdleTimeout);
  if (elb !== undefined && nlb) {
    const seconds = clamp(wholeNumber(elb.value) ?? IDLE_DEFAULTS.awsNlb, NLB_MIN, NLB_MAX);
    const key = renameTarget(service, tcpPorts);
    // A listener attribute for a missing port is renamed to the same key: that fix goes first.
    const taken = [...service.annotations.keys()].some((other) => other.startsWith(`${LB_ANNOTATIONS.awsListenerAttributes}TCP-`));
    findings.push(annotationFinding(service, elb, `${LB_ANNOTATIONS.awsElbIdleTimeout} does nothing on an NLB: its listeners keep ${IDLE_DEFAULTS.awsNlb} s unless a listener attribute sets ${NLB_IDLE_ATTRIBUTE}`, 'warning', () =>
      key === undefined || taken || isPatched(service, elb) ? [] : [renameFix(fileOf(elb), elb, key, `${NLB_IDLE_ATTRIBUTE}=${seconds}`)],
    ));
  } else if (elb !== undefined && wholeNumber(elb.value) === undefined) {
    findings.push(annotationFinding(service, elb, `${LB_ANNOTATIONS.awsElbIdleTimeout} is ${JSON.stringify(elb.value)}, not a whole number of seconds`, 'error'));
  }
  for (const [key, annotation] of service.annotations) {
    if (key.startsWith(LB_ANNOTATIONS.awsListenerAttributes)) findings.push(...listenerFindings(fileOf(annotation), service, key, annotation, nlb, tcpPorts));
  }
  const azure = service.annotations.get(LB_ANNOTATIONS.azureIdleTimeout);
  const minutes = wholeNumber(azure?.value);
  if (azure !== undefined && (minutes === undefined || minutes < AZURE_MIN || minutes > AZURE_MAX)) {
    const what = minutes === undefined ? `${JSON.stringify(azure.value)}, not a whole number of minutes` : `${minutes} minutes, outside ${AZURE_MIN}..${AZURE_MAX}`;
    findings.push(annotationFinding(service, azure, `${LB_ANNOTATIONS.azureIdleTimeout} is ${what}: the Azure cloud provider rejects it`, 'error', () =>
      minutes === undefined ? [] : [valueFix(fileOf(azure), service, LB_ANNOTATIONS.azureIdleTimeout, azure, String(clamp(minutes, AZURE_MIN, AZURE_MAX)))],
    ));
  }
  return findings;
}

function listenerFindings(file: AnalyzedFile, service: Service, key: string, annotation: Annotation, nlb: boolean, tcpPorts: readonly number[]): Finding[] {
  const listener = key.slice(LB_ANNOTATIONS.awsListenerAttributes.length);
  if (!nlb) return [annotationFinding(service, annotation, `${key} does nothing: only the AWS Load Balancer Controller reads it, for an NLB (aws-load-balancer-type: external or nlb)`, 'warning')];
  const port = /^TCP-(\d+)$/.exec(listener)?.[1];
  if (port !== undefined && !tcpPorts.includes(Number(port))) {
    const misplaced = [...service.annotations.keys()].filter((other) => /^TCP-(\d+)$/.test(other.slice(LB_ANNOTATIONS.awsListenerAttributes.length)) && !tcpPorts.includes(Number(other.slice(other.lastIndexOf('-') + 1))));
    // Two misplaced attributes cannot both move to the one port's key.
    // A patch's key renamed would leave the Service's own key of that name: no fix.
    const target = misplaced[0] === key && !isPatched(service, annotation) ? renameTarget(service, tcpPorts) : undefined;
    return [annotationFinding(service, annotation, `Listener attribute for TCP-${port} does nothing: ${objectLabel(service)} has no TCP port ${port}`, 'warning', () =>
      target === undefined ? [] : [renameFix(file, annotation, target, withIdleInRange(annotation.value))],
    )];
  }
  const written = parseAttributes(annotation.value).get(NLB_IDLE_ATTRIBUTE);
  const seconds = wholeNumber(written);
  if (written === undefined || (seconds !== undefined && seconds >= NLB_MIN && seconds <= NLB_MAX)) return [];
  const what = seconds === undefined ? `${JSON.stringify(written)}, not a whole number` : `${seconds}, outside ${NLB_MIN}..${NLB_MAX}`;
  return [annotationFinding(service, annotation, `${NLB_IDLE_ATTRIBUTE} is ${what}: AWS rejects the listener attribute and the controller fails to reconcile`, 'error', () =>
    seconds === undefined ? [] : [valueFix(file, service, key, annotation, withIdleInRange(annotation.value))],
  )];
}

/** The one listener attribute key a misplaced idle timeout can move to: the Service's only TCP port's, when no attribute has it yet. */
function renameTarget(service: Service, tcpPorts: readonly number[]): string | undefined {
  const key = tcpPorts.length === 1 ? `${LB_ANNOTATIONS.awsListenerAttributes}TCP-${tcpPorts[0]}` : undefined;
  return key === undefined || service.annotations.has(key) ? undefined : key;
}

/** A listener attribute list with its `tcp.idle_timeout.seconds`, when a number, clamped into 60..6000. */
function withIdleInRange(value: string): string {
  const attributes = parseAttributes(value);
  const seconds = wholeNumber(attributes.get(NLB_IDLE_ATTRIBUTE));
  if (seconds === undefined) return value;
  attributes.set(NLB_IDLE_ATTRIBUTE, String(clamp(seconds, NLB_MIN, NLB_MAX)));
  return [...attributes].map(([name, setting]) => `${name}=${setting}`).join(',');
}

function ingressFindings(file: AnalyzedFile, ingress: Ingress): Finding[] {
  const findings: Finding[] = [];
  const unread = ingress.annotations.get(LB_ANNOTATIONS.albUnread);
  const attributes = ingress.annotations.get(LB_ANNOTATIONS.albAttributes);
  if (unread !== undefined) {
    const seconds = wholeNumber(unread.value);
    findings.push(annotationFinding(ingress, unread, `${LB_ANNOTATIONS.albUnread} does nothing: the controller reads the ALB idle timeout from load-balancer-attributes ${ALB_IDLE_ATTRIBUTE}`, 'warning', () =>
      seconds === undefined || attributes !== undefined ? [] : [renameFix(file, unread, LB_ANNOTATIONS.albAttributes, `${ALB_IDLE_ATTRIBUTE}=${seconds}`)],
    ));
  }
  const written = attributes === undefined ? undefined : parseAttributes(attributes.value).get(ALB_IDLE_ATTRIBUTE);
  if (attributes !== undefined && written !== undefined && wholeNumber(written) === undefined) {
    findings.push(annotationFinding(ingress, attributes, `${ALB_IDLE_ATTRIBUTE} is ${JSON.stringify(written)}, not a whole number of seconds: the controller fails to reconcile`, 'error'));
  }
  return findings;
}

function annotationFinding(object: Service | Ingress, annotation: Annotation, message: string, severity: 'warning' | 'error', fixes?: () => Fix[]): Finding {
  return { file: fileOfValue(object, annotation), span: annotation.keySpan, subject: object, message, severity, ...(fixes === undefined ? {} : { fixes }) };
}

/**
 * Writes another key and value over an annotation, in place. Offered, never preferred: it makes a
 * timeout take effect that did nothing, which changes when the load balancer drops idle
 * connections; `--fix` must not choose that (nor undo the keepalive fixes it computed against
 * the timer in force).
 */
function renameFix(file: AnalyzedFile, annotation: Annotation, key: string, value: string): Fix {
  const edits: TextEdit[] = [
    { file: file.path, span: annotation.keySpan, newText: key },
    { file: file.path, span: annotation.valueSpan, newText: JSON.stringify(value) },
  ];
  return { title: `Replace with ${key}: ${value}`, edits, preferred: false };
}

/** Brings a value into its range. Offered, never preferred, for the same reason as `renameFix`: it changes the timer in force. */
function valueFix(file: AnalyzedFile, object: Service, key: string, annotation: Annotation, value: string): Fix {
  return { title: `Set ${key} to ${value}`, edits: [setAnnotation(file, object, key, value, annotation)!], preferred: false };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}
