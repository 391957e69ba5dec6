import type { Scalar } from 'yaml';
import { embeddedText } from '../yaml/embedded';
import type { NodeReader, YamlNode } from '../yaml/nodes';
import type { Located } from './objects';

/** A `--name=value` (or `--name value`) argument of a kube-proxy container, with where its value is written. */
export interface CommandLineFlag {
  /** Without the leading dashes: `proxy-mode`. */
  readonly name: string;
  readonly value: Located<string>;
}

/**
 * Flags of kube-proxy Connlint reads. They apply only without `--config`: kube-proxy ignores
 * them when a configuration file is given (its flag reference: "This parameter is ignored if a
 * config file is specified by --config"), which is how kubeadm runs it.
 */
const KUBE_PROXY_FLAGS = [
  'proxy-mode',
  'conntrack-tcp-timeout-established',
  'conntrack-tcp-timeout-close-wait',
  'conntrack-max-per-core',
  'conntrack-min',
  'ipvs-tcp-timeout',
] as const;

/**
 * The kube-proxy flags in force in a pod template's containers: those of a container named or
 * imaged `kube-proxy`, from `command` and `args`, unless it also passes `--config`.
 */
export function kubeProxyFlags(reader: NodeReader, podSpec: YamlNode | undefined, fileText: string): CommandLineFlag[] {
  const flags: CommandLineFlag[] = [];
  for (const container of kubeProxyContainers(reader, podSpec)) {
    const words = [...reader.items(reader.get(container, 'command')), ...reader.items(reader.get(container, 'args'))];
    if (words.some((word) => /^--?config(?:=|$)/.test(reader.string(word) ?? ''))) continue;
    words.forEach((word, index) => {
      const flag = readFlag(reader, word, words[index + 1], fileText);
      if (flag !== undefined) flags.push(flag);
    });
  }
  return flags;
}

/** The image of a pod template's kube-proxy container, with where it is written. */
export function kubeProxyImage(reader: NodeReader, podSpec: YamlNode | undefined): Located<string> | undefined {
  for (const container of kubeProxyContainers(reader, podSpec)) {
    const node = reader.get(container, 'image');
    const image = reader.string(node);
    const span = reader.span(node);
    if (image !== undefined && span !== undefined) return { value: image, span };
  }
  return undefined;
}

/** Containers named or imaged `kube-proxy`. */
function kubeProxyContainers(reader: NodeReader, podSpec: YamlNode | undefined): YamlNode[] {
  return reader.items(reader.get(podSpec, 'containers')).filter((container) => {
    const name = reader.string(reader.get(container, 'name')) ?? '';
    const image = reader.string(reader.get(container, 'image')) ?? '';
    return name.includes('kube-proxy') || image.includes('kube-proxy');
  });
}

function readFlag(reader: NodeReader, word: YamlNode, next: YamlNode | undefined, fileText: string): CommandLineFlag | undefined {
  const text = reader.string(word);
  const match = text === undefined ? null : /^--?([a-z-]+)(?:=(.*))?$/.exec(text);
  if (match === null || !(KUBE_PROXY_FLAGS as readonly string[]).includes(match[1]!)) return undefined;
  const name = match[1]!;
  if (match[2] !== undefined) {
    const scalar = reader.scalar(word) as Scalar;
    const mapped = embeddedText(scalar, fileText, reader.offset);
    const valueStart = text!.length - match[2].length;
    if (mapped === undefined) return undefined;
    const start = mapped.toFileOffset(valueStart);
    // The end is just after the value's last character: never a closing quote.
    const end = match[2] === '' ? start : mapped.toFileOffset(text!.length - 1) + 1;
    return { name, value: { value: match[2], span: { start, end: Math.max(start, end) } } };
  }
  const value = reader.string(next);
  const span = reader.span(next);
  return value === undefined || span === undefined || value.startsWith('-') ? undefined : { name, value: { value, span } };
}
