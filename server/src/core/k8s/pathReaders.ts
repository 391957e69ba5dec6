import { parseDocument, type Scalar } from 'yaml';
import { parseGoDuration } from '../yaml/duration';
import { EmbeddedNodeReader, embeddedText } from '../yaml/embedded';
import type { NodeReader, YamlNode } from '../yaml/nodes';
import type { Located, ObjectBase } from './objects';
import type { Annotation, DestinationRule, Ingress, MeshConfig, PathObject, TcpKeepaliveSetting } from './pathObjects';

/** What `readAnnotations` gives an object without annotations (most of them): shared, read-only by type. */
const NO_ANNOTATIONS: ReadonlyMap<string, Annotation> = new Map();

/** `metadata.annotations` of an object, with where each is written. */
export function readAnnotations(reader: NodeReader, metadata: YamlNode | undefined): ReadonlyMap<string, Annotation> {
  let annotations: Map<string, Annotation> | undefined;
  const node = reader.get(metadata, 'annotations');
  for (const [key, value] of reader.stringMap(node)) {
    const keySpan = reader.span(reader.keyNode(node, key));
    const valueSpan = reader.span(reader.get(node, key));
    if (keySpan !== undefined && valueSpan !== undefined) (annotations ??= new Map()).set(key, { value, keySpan, valueSpan });
  }
  return annotations ?? NO_ANNOTATIONS;
}

/** Reads an object of a kind that carries a timer on a connection's path; undefined for other objects. */
export function readPathObject(reader: NodeReader, node: YamlNode, base: ObjectBase, fileText: string): PathObject | undefined {
  switch (base.kind) {
    case 'Ingress':
      return ingress(reader, node, base);
    case 'DestinationRule':
      return destinationRule(reader, node, base);
    case 'ConfigMap':
      if (base.name === 'istio' || base.name?.startsWith('istio-') === true) return meshConfig(reader, node, base, fileText);
      return undefined;
    default:
      return undefined;
  }
}

function located<T>(reader: NodeReader, node: YamlNode | undefined, value: T | undefined): Located<T> | undefined {
  const span = reader.span(node);
  return value === undefined || span === undefined ? undefined : { value, span };
}

function duration(reader: NodeReader, node: YamlNode | undefined): Located<number> | undefined {
  const text = reader.string(node);
  return located(reader, node, text === undefined ? undefined : parseGoDuration(text));
}

function ingress(reader: NodeReader, node: YamlNode, base: ObjectBase): Ingress {
  const spec = reader.get(node, 'spec');
  const backends = [reader.get(spec, 'defaultBackend'), reader.get(spec, 'backend')];
  for (const rule of reader.items(reader.get(spec, 'rules'))) backends.push(...reader.items(reader.get(rule, 'http', 'paths')).map((path) => reader.get(path, 'backend')));
  const serviceNames = backends.flatMap((backend) => reader.string(reader.get(backend, 'service', 'name')) ?? reader.string(reader.get(backend, 'serviceName')) ?? []);
  return Object.assign(base as ObjectBase & { kind: 'Ingress' }, {
    annotations: readAnnotations(reader, reader.get(node, 'metadata')),
    ingressClassName: reader.string(reader.get(spec, 'ingressClassName')),
    serviceNames: [...new Set(serviceNames)],
  });
}

function destinationRule(reader: NodeReader, node: YamlNode, base: ObjectBase): DestinationRule {
  const spec = reader.get(node, 'spec');
  const tcp = reader.get(spec, 'trafficPolicy', 'connectionPool', 'tcp');
  return Object.assign(base as ObjectBase & { kind: 'DestinationRule' }, {
    host: reader.string(reader.get(spec, 'host')),
    idleTimeout: duration(reader, reader.get(tcp, 'idleTimeout')),
    tcpKeepalive: tcpKeepalive(reader, reader.get(tcp, 'tcpKeepalive')),
  });
}

function tcpKeepalive(reader: NodeReader, node: YamlNode | undefined): TcpKeepaliveSetting | undefined {
  const span = reader.span(node);
  if (span === undefined || reader.map(node) === undefined) return undefined;
  return { span, time: duration(reader, reader.get(node, 'time')), interval: duration(reader, reader.get(node, 'interval')) };
}

/** The `mesh` key holds MeshConfig as YAML text: read it with spans in the ConfigMap's file. */
function meshConfig(reader: NodeReader, node: YamlNode, base: ObjectBase, fileText: string): MeshConfig | undefined {
  const scalar = reader.scalar(reader.get(node, 'data', 'mesh'));
  const embedded = scalar && embeddedText(scalar as Scalar, fileText, reader.offset);
  if (embedded === undefined) return undefined;
  const document = parseDocument(embedded.text, { prettyErrors: false, merge: true });
  const mesh = new EmbeddedNodeReader(document, embedded);
  const root = document.contents ?? undefined;
  return Object.assign({ ...base, kind: 'MeshConfig' } as ObjectBase & { kind: 'MeshConfig' }, {
    tcpKeepalive: tcpKeepalive(mesh, mesh.get(root, 'tcpKeepalive')),
    idleTimeout: duration(mesh, mesh.get(root, 'defaultConfig', 'proxyMetadata', 'ISTIO_META_IDLE_TIMEOUT')),
  });
}
