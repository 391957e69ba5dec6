import { RULES } from '../core/rules/registry';
import { ruleDocsUrl, type Rule } from '../core/rules/rule';
import { DEFAULT_SETTINGS, SEVERITY_LEVELS } from '../core/settings';

/** Where the schema is published, for `# yaml-language-server: $schema=…` lines. */
export const CONFIG_SCHEMA_ID = 'https://raw.githubusercontent.com/connlint/connlint/main/schemas/connlint.schema.json';

const nullable = (type: string): string[] => [type, 'null'];

/**
 * The JSON schema of `.connlint.yaml`, built from the rule registry and the settings' defaults,
 * so it says what `parseSettings` accepts. schemas/connlint.schema.json is this, written out by
 * `npm run build` (see generatedFiles.ts).
 */
export function configSchema(rules: readonly Rule[] = RULES): object {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: CONFIG_SCHEMA_ID,
    title: 'Connlint configuration (.connlint.yaml)',
    description: 'Settings for connlint on the command line: found from the current directory upwards, or named with --config.',
    type: nullable('object'),
    additionalProperties: false,
    properties: {
      rules: rulesSchema(rules),
      exclude: {
        description: "Glob patterns of files to leave out, relative to this file's directory (vendor/**, **/*.generated.yaml). A pattern that matches a directory leaves out everything below it. Files named on the command line are still read.",
        type: nullable('array'),
        items: { type: 'string' },
        default: DEFAULT_SETTINGS.exclude,
      },
      overrides: overridesSchema(rules),
      assume: assumeSchema(),
      clusters: clustersSchema(),
    },
  };
}

/** `clusters`: groups of files deployed to clusters the files cannot tell apart, each with its own `assume`. */
function clustersSchema(): object {
  return {
    description: "Clusters the files cannot show apart: each file takes the assume settings of the first cluster whose paths match it (over the top-level assume). Findings, and the effective settings report, follow each file's cluster.",
    type: nullable('array'),
    default: [],
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['paths'],
      properties: {
        paths: { description: "Glob patterns of the cluster's files, relative to this file's directory (clusters/prod/**).", type: 'array', minItems: 1, items: { type: 'string', minLength: 1 } },
        assume: { ...assumeSchema(), description: 'What is assumed about this cluster, over the top-level assume.' },
      },
    },
  };
}

/** `overrides`: severities for the files some patterns match, applied in order. */
function overridesSchema(rules: readonly Rule[]): object {
  const patterns = { type: 'array', items: { type: 'string', minLength: 1 } };
  return {
    description:
      "Rule severities for some files, over rules: each entry applies to the files its files patterns match and its excludedFiles patterns do not (relative to this file's directory); entries apply in order, a later one winning. A finding is decided by the file it is reported in.",
    type: nullable('array'),
    default: DEFAULT_SETTINGS.overrides,
    items: {
      type: 'object',
      additionalProperties: false,
      required: ['files', 'rules'],
      properties: {
        files: { ...patterns, minItems: 1, description: 'Glob patterns of the files the entry applies to (test/fixtures/**, vendor/**).' },
        excludedFiles: { ...patterns, description: 'Glob patterns of files the entry leaves alone among those files matches.' },
        rules: rulesSchema(rules),
      },
    },
  };
}

/** `rules`: a severity per registered rule. */
function rulesSchema(rules: readonly Rule[]): object {
  return {
    description: "Severity of each rule's findings, over the rule's default: off hides them. Rules not listed keep their default.",
    type: nullable('object'),
    additionalProperties: false,
    default: DEFAULT_SETTINGS.rules,
    properties: Object.fromEntries(
      rules.map((rule) => [
        rule.id,
        {
          description: `${rule.description} Default: ${rule.defaultSeverity}. ${ruleDocsUrl(rule.id)}`,
          enum: SEVERITY_LEVELS,
          default: rule.defaultSeverity,
        },
      ]),
    ),
  };
}

/** `assume`: what the files cannot show about the cluster. */
function assumeSchema(): object {
  return {
    description: 'What the files cannot show about the cluster.',
    type: nullable('object'),
    additionalProperties: false,
    properties: {
      conntrackEstablishedTimeout: {
        description:
          "The nodes' conntrack established timeout (net.netfilter.nf_conntrack_tcp_timeout_established) in seconds. null: work it out from kube-proxy's configuration, kube-proxy's default (86400 s) or the nodes' sysctl.d files.",
        type: nullable('integer'),
        minimum: 1,
        default: DEFAULT_SETTINGS.assume.conntrackEstablishedTimeout,
      },
      kubeProxy: {
        description: 'Whether kube-proxy runs on the nodes: auto (when the files hold Kubernetes manifests or a kube-proxy configuration), running, absent.',
        enum: ['auto', 'running', 'absent'],
        default: DEFAULT_SETTINGS.assume.kubeProxy,
      },
      proxyMode: {
        description: "kube-proxy's mode: auto (from a kube-proxy DaemonSet's --proxy-mode or its configuration, else iptables), iptables, ipvs, nftables.",
        enum: ['auto', 'iptables', 'ipvs', 'nftables'],
        default: DEFAULT_SETTINGS.assume.proxyMode,
      },
      kubernetesVersion: {
        description:
          'The Kubernetes version of the cluster, as a string ("1.30"). null: the tag of a kube-proxy DaemonSet\'s image, else the newest behaviour. It decides whether kube-proxy overwrites a higher node conntrack timeout (not in 1.23 to 1.28) and whether pods may set TCP keepalive sysctls (1.29 on).',
        type: nullable('string'),
        pattern: '^v?[0-9]+\\.[0-9]+(\\.[0-9]+)?$',
        default: DEFAULT_SETTINGS.assume.kubernetesVersion,
      },
      cloud: {
        description:
          'The cloud the cluster runs in, for the idle timers of its load balancers, NAT gateways and firewalls: auto (from the annotations of Services and Ingresses), aws, azure, gcp, none.',
        enum: ['auto', 'aws', 'azure', 'gcp', 'none'],
        default: DEFAULT_SETTINGS.assume.cloud,
      },
      idleTimers: {
        description: 'Idle timers of middleboxes the files cannot show (a firewall, a proxy): each is put on the connection paths of the Services it names.',
        type: nullable('array'),
        default: DEFAULT_SETTINGS.assume.idleTimers,
        items: {
          type: 'object',
          additionalProperties: false,
          required: ['name', 'seconds'],
          properties: {
            name: { type: 'string', minLength: 1, description: 'What holds the timer, as findings and the path view name it.' },
            seconds: { type: 'integer', minimum: 1, description: 'How long it lets a connection stay idle.' },
            paths: { type: 'array', items: { type: 'string' }, description: 'Services it sits in front of: names, or globs over namespace/name (prod/*). Empty or absent: every Service.' },
          },
        },
      },
    },
  };
}

/** The schema file's exact text. */
export function configSchemaText(rules: readonly Rule[] = RULES): string {
  return `${JSON.stringify(configSchema(rules), null, 2)}\n`;
}
