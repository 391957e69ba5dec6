import assert from 'node:assert/strict';
import { lintFindings, type Diagnostic, type KustomizeBuild, type WorkspaceModel } from '@connlint/server';
import { applyFix, lines, workspaceOf } from './lintFiles';
import { kubeProxyConfigMap } from './manifests';

/** An object a build emits. */
type Emitted = KustomizeBuild['objects'][number];
/** An emitted Service. */
export type Service = Extract<Emitted, { kind: 'Service' }>;
/** An emitted workload. */
export type Workload = Extract<Emitted, { template: unknown }>;

/** Where a value is written, as `file:line` (1-based): the patch's file when a patch wrote it. */
export function at(model: WorkspaceModel, owner: { file: string }, value: { span: { start: number }; file?: string } | { valueSpan?: { start: number }; nameSpan: { start: number }; file?: string } | { keySpan: { start: number }; file?: string } | undefined): string {
  if (value === undefined) return '-';
  const file = value.file ?? owner.file;
  const offset = 'span' in value ? value.span.start : 'keySpan' in value ? value.keySpan.start : (value.valueSpan ?? value.nameSpan).start;
  return `${file}:${model.file(file)!.lineIndex.positionAt(offset).line + 1}`;
}

/** The one object of a kind a build emits. */
export function only<T>(build: KustomizeBuild, kind: string): T {
  const found = build.objects.filter((object) => object.kind === kind);
  assert.equal(found.length, 1);
  return found[0] as T;
}

/** A diagnostic's range as `file:line:column-line:column` (1-based). */
export function place(diagnostic: Diagnostic): string {
  const { start, end } = diagnostic.range;
  return `${diagnostic.file}:${start.line + 1}:${start.character + 1}-${end.line + 1}:${end.character + 1}`;
}

/** A LoadBalancer Service for an NLB, with ports 80 and 53/UDP. */
export const SERVICE = lines(
  'apiVersion: v1',
  'kind: Service',
  'metadata:',
  '  name: web',
  '  annotations:',
  '    service.beta.kubernetes.io/aws-load-balancer-type: external',
  '    team: a',
  'spec:',
  '  type: LoadBalancer',
  '  selector: {app: web}',
  '  ports:',
  '  - {port: 80, targetPort: 8080}',
  '  - {port: 53, protocol: UDP}',
);

/** A Deployment whose pods set the keepalive time and interval. */
export const DEPLOYMENT = lines(
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 2',
  '  selector: {matchLabels: {app: web}}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  '      securityContext:',
  '        sysctls:',
  '        - name: net.ipv4.tcp_keepalive_time',
  '          value: "7200"',
  '        - name: net.ipv4.tcp_keepalive_intvl',
  '          value: "75"',
);

/** The Deployment without sysctls: its pods keep the default keepalive. */
export const PLAIN_DEPLOYMENT = DEPLOYMENT.replace(/ {6}securityContext:[^]*$/, '      containers: [{name: web, image: web}]\n');

/** A base of the Service and the Deployment. */
export const BASE = {
  'base/kustomization.yaml': lines('resources:', '- service.yaml', '- deployment.yaml'),
  'base/service.yaml': SERVICE,
  'base/deployment.yaml': DEPLOYMENT,
};

/** The kube-proxy ConfigMap of kubeadm, with its conntrack timeout. */
export const KUBE_PROXY = (timeout: string): string =>
  kubeProxyConfigMap('apiVersion: kubeproxy.config.k8s.io/v1alpha1', 'kind: KubeProxyConfiguration', 'conntrack:', `  tcpEstablishedTimeout: ${timeout}`);

/** The findings of one rule, each as its place, message, related places and the text of the files its first fix edits. */
export function findingsOf(files: Record<string, string>, rule: string): { at: string; message: string; related: string[]; fixed: Record<string, string> | undefined }[] {
  return lintFindings(workspaceOf(files).model())
    .filter((item) => item.diagnostic.rule === rule)
    .map(({ diagnostic, finding }) => {
      const fix = finding.fixes?.()[0];
      const edited = fix === undefined ? undefined : applyFix(files, fix);
      return {
        at: place(diagnostic),
        message: diagnostic.message,
        related: diagnostic.related.map((item) => `${item.file}:${item.range.start.line + 1} ${item.message}`),
        fixed: edited === undefined ? undefined : Object.fromEntries(fix!.edits.map((edit) => [edit.file, edited[edit.file]!])),
      };
    });
}
