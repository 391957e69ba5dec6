import { parseDocument, Scalar } from 'yaml';
import type { AnalyzedFile } from '../analyze';
import type { KubeProxyConfiguration } from '../k8s/objects';
import { kubeProxyFlag } from '../model/proxy';
import type { WorkspaceModel } from '../model/workspaceModel';
import { embeddedText, EmbeddedNodeReader } from '../yaml/embedded';
import type { Fix } from './fix';
import { addToMap, childMap, objectMap, replaceSpan, type MapTarget } from './yamlEdits';

/** Whole seconds written as Go's `time.Duration.String` writes them: `2h5m0s`, `15m0s`, `45s`. */
export function formatGoDuration(seconds: number): string {
  const hours = Math.floor(seconds / 3600);
  const minutes = Math.floor((seconds % 3600) / 60);
  const rest = seconds % 60;
  if (hours > 0) return `${hours}h${minutes}m${rest}s`;
  return minutes > 0 ? `${minutes}m${rest}s` : `${rest}s`;
}

/**
 * A KubeProxyConfiguration's root mapping, for editing: the document itself, or the YAML in the
 * ConfigMap value that holds it when that is a literal block scalar (`|`, as kubeadm writes it).
 */
export function kubeProxyConfigMap(file: AnalyzedFile, configuration: KubeProxyConfiguration): MapTarget | undefined {
  const root = objectMap(file, configuration);
  if (root === undefined || configuration.embeddedKey === undefined) return root;
  const scalar = root.reader.scalar(root.reader.get(root.map, 'data', configuration.embeddedKey));
  if (scalar?.type !== Scalar.BLOCK_LITERAL) return undefined;
  const embedded = embeddedText(scalar, file.text, root.reader.offset);
  if (embedded === undefined) return undefined;
  const document = parseDocument(embedded.text, { prettyErrors: false });
  if (document.errors.length > 0) return undefined;
  const reader = new EmbeddedNodeReader(document, embedded);
  const map = reader.map(document.contents);
  return map && { map, reader, lines: root.lines };
}

/**
 * Sets IPVS's idle timeout for established TCP where kube-proxy reads it: the value of an
 * `--ipvs-tcp-timeout` flag (it wins), else `ipvs.tcpTimeout` of the configuration, written or
 * added. Undefined when the workspace holds neither a flag nor an editable configuration.
 */
export function setIpvsTcpTimeout(model: WorkspaceModel, duration: string, preferred: boolean): Fix | undefined {
  const flag = kubeProxyFlag(model, 'ipvs-tcp-timeout');
  if (flag !== undefined) {
    return { title: `Set --ipvs-tcp-timeout to ${duration}`, edits: [replaceSpan(flag.daemonSet.file, flag.flag.value.span, duration)], preferred };
  }
  const title = `Set ipvs.tcpTimeout to ${duration}`;
  const configurations = model.kubeProxyConfigurations;
  for (const configuration of configurations) {
    const written = configuration.durations.find((field) => field.field === 'ipvs.tcpTimeout');
    if (written !== undefined) return { title, edits: [replaceSpan(configuration.file, written.span, duration)], preferred };
  }
  const configuration = configurations.find((candidate) => candidate.mode !== undefined) ?? configurations[0];
  const file = configuration && model.file(configuration.file);
  const root = file && kubeProxyConfigMap(file, configuration!);
  if (file === undefined || root === undefined) return undefined;
  const entry = { key: 'tcpTimeout', value: duration };
  const ipvs = childMap(root, 'ipvs');
  const edit = ipvs !== undefined ? addToMap(file.text, ipvs, [entry], file.path) : addToMap(file.text, root, [{ key: 'ipvs', value: [entry] }], file.path);
  return edit && { title, edits: [edit], preferred };
}
