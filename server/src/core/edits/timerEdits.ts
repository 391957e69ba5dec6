import type { AnalyzedFile } from '../analyze';
import { objectLabel, type ObjectBase, type Service } from '../k8s/objects';
import type { Annotation, DestinationRule } from '../k8s/pathObjects';
import type { TextEdit } from './fix';
import { addToMap, objectMap } from './yamlEdits';

/** Sets an annotation of an object: its value replaced when it is there (keeping its quotes), else added under `metadata.annotations`. */
export function setAnnotation(file: AnalyzedFile, object: ObjectBase, key: string, value: string, existing: Annotation | undefined): TextEdit | undefined {
  if (existing !== undefined) {
    const written = file.text.slice(existing.valueSpan.start, existing.valueSpan.end);
    const quote = written.startsWith("'") ? "'" : '"';
    return { file: file.path, span: existing.valueSpan, newText: `${quote}${value}${quote}` };
  }
  const root = objectMap(file, object);
  return root && addToMap(file.text, root, [{ key: 'metadata', value: [{ key: 'annotations', value: [{ key, value: JSON.stringify(value) }] }] }], file.path);
}

/** Sets `trafficPolicy.connectionPool.tcp.tcpKeepalive` of a DestinationRule, creating what is missing. */
export function setDestinationRuleKeepalive(file: AnalyzedFile, rule: DestinationRule, time: number, interval: number): TextEdit | undefined {
  const root = objectMap(file, rule);
  const keepalive = [
    { key: 'time', value: `${time}s` },
    { key: 'interval', value: `${interval}s` },
  ];
  const nested = [{ key: 'trafficPolicy', value: [{ key: 'connectionPool', value: [{ key: 'tcp', value: [{ key: 'tcpKeepalive', value: keepalive }] }] }] }];
  return root && addToMap(file.text, root, [{ key: 'spec', value: nested }], file.path);
}

/** A DestinationRule for a Service's host with only `tcpKeepalive`, appended as a new document of the Service's file. */
export function addDestinationRule(file: AnalyzedFile, service: Service, time: number, interval: number): TextEdit {
  const eol = file.lineIndex.eol;
  const name = service.name ?? 'service';
  const text = [
    '---',
    'apiVersion: networking.istio.io/v1',
    'kind: DestinationRule',
    'metadata:',
    `  name: ${name}-keepalive`,
    `  namespace: ${service.namespace}`,
    'spec:',
    `  host: ${name}.${service.namespace}.svc.cluster.local`,
    '  trafficPolicy:',
    '    connectionPool:',
    '      tcp:',
    '        tcpKeepalive:',
    `          time: ${time}s`,
    `          interval: ${interval}s`,
  ];
  const end = file.text.length;
  const separator = end === 0 || file.text.endsWith('\n') ? '' : eol;
  return { file: file.path, span: { start: end, end }, newText: separator + text.join(eol) + eol };
}

/** The title of a fix that sets a DestinationRule's keepalive. */
export function destinationRuleKeepaliveTitle(rule: DestinationRule | undefined, service: Service, time: number): string {
  return rule === undefined
    ? `Add a DestinationRule with tcpKeepalive time ${time}s for ${objectLabel(service)}`
    : `Set tcpKeepalive time ${time}s in ${objectLabel(rule)}`;
}
