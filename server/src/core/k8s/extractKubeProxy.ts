import { parseDocument, type Scalar } from 'yaml';
import type { Span } from '../text';
import { parseGoDuration } from '../yaml/duration';
import { EmbeddedNodeReader, embeddedText } from '../yaml/embedded';
import type { NodeReader, YamlNode } from '../yaml/nodes';
import type { DocumentOrigin, SyntaxProblem } from './extract';
import { isNonStringScalar, located, type OfKind } from './fieldReaders';
import type { DurationField, KubeProxyConfiguration, Located, ObjectBase } from './objects';

/** A KubeProxyConfiguration object; `embeddedKey` names the ConfigMap value it was read from, if any. */
export function kubeProxyConfiguration(reader: NodeReader, node: YamlNode | undefined, base: ObjectBase, embeddedKey: string | undefined): KubeProxyConfiguration {
  const durations = DURATION_FIELDS.flatMap((path): DurationField[] => {
    const valueNode = reader.get(node, ...path);
    const text = reader.string(valueNode);
    const span = reader.span(valueNode);
    if (text === undefined || span === undefined) return [];
    const notString = isNonStringScalar(reader, valueNode);
    const seconds = notString ? undefined : parseGoDuration(text);
    return [{ field: path.join('.'), text, seconds: seconds !== undefined && seconds < 0 ? undefined : seconds, span, notString }];
  });
  const parsed = (field: string): Located<number> | undefined => {
    const duration = durations.find((candidate) => candidate.field === field);
    return duration?.seconds === undefined ? undefined : { value: duration.seconds, span: duration.span };
  };
  const modeNode = reader.get(node, 'mode');
  const maxPerCoreNode = reader.get(node, 'conntrack', 'maxPerCore');
  const minNode = reader.get(node, 'conntrack', 'min');
  return Object.assign(base as OfKind<KubeProxyConfiguration>, {
    tcpEstablishedTimeout: parsed('conntrack.tcpEstablishedTimeout'),
    ipvsTcpTimeout: parsed('ipvs.tcpTimeout'),
    conntrackMaxPerCore: located(reader, maxPerCoreNode, reader.int32(maxPerCoreNode)),
    conntrackMin: located(reader, minNode, reader.int32(minNode)),
    durations,
    mode: located(reader, modeNode, reader.string(modeNode) || undefined),
    embeddedKey,
  });
}

/** The Go duration fields of a KubeProxyConfiguration that matter for idle connections. */
const DURATION_FIELDS = [
  ['conntrack', 'tcpEstablishedTimeout'],
  ['conntrack', 'tcpCloseWaitTimeout'],
  ['ipvs', 'tcpTimeout'],
  ['ipvs', 'tcpFinTimeout'],
  ['ipvs', 'udpTimeout'],
] as const;

/** Whether a text is a KubeProxyConfiguration written as YAML or JSON: it names the kind. */
export function namesKubeProxyConfiguration(text: string): boolean {
  return /\bkind["']?\s*:\s*["']?KubeProxyConfiguration\b/.test(text);
}

/**
 * kube-proxy's configuration kept as text in a ConfigMap value: kubeadm's `kube-proxy` ConfigMap,
 * key `config.conf`; EKS's `kube-proxy-config`, key `config`; others `config.yaml`. The first
 * value that is a KubeProxyConfiguration is read, whatever the names.
 */
export function embeddedKubeProxyConfiguration(
  reader: NodeReader,
  node: YamlNode,
  base: ObjectBase,
  origin: DocumentOrigin,
  problems: SyntaxProblem[],
): KubeProxyConfiguration | undefined {
  const data = reader.get(node, 'data');
  const key = [...reader.stringMap(data)].find(([, value]) => namesKubeProxyConfiguration(value))?.[0];
  const scalar = key === undefined ? undefined : reader.scalar(reader.get(data, key));
  const embedded = scalar && embeddedText(scalar as Scalar, origin.fileText, reader.offset);
  if (key === undefined || embedded === undefined) return undefined;
  const document = parseDocument(embedded.text, { prettyErrors: false, merge: true });
  const toFile = (start: number, end: number): Span => {
    const fileStart = embedded.toFileOffset(start);
    return { start: fileStart, end: Math.max(fileStart, embedded.toFileOffset(end)) };
  };
  for (const error of document.errors) {
    problems.push({ span: toFile(error.pos[0], error.pos[1]), message: `In ${key}: ${firstLine(error.message)}`, embedded: true });
  }
  const embeddedReader = new EmbeddedNodeReader(document, embedded);
  // The configuration is the ConfigMap's: it has the ConfigMap's place and name.
  return kubeProxyConfiguration(embeddedReader, document.contents ?? undefined, { ...base, kind: 'KubeProxyConfiguration' }, key);
}

/** The first line of a `yaml` error message (the rest is a source excerpt). */
export function firstLine(message: string): string {
  const end = message.indexOf('\n');
  return (end === -1 ? message : message.slice(0, end)).replace(/ at line \d+, column \d+:?$/, '');
}
