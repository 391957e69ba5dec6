import type { Service } from '../k8s/objects';
import { backendsOf, formatCount } from '../model/backends';
import { effectiveConntrackTimeout } from '../model/effective';
import type { Rule } from './rule';

/** Whether kube-proxy load-balances the Service: headless and ExternalName Services bypass it. */
export function isProxied(service: Service): boolean {
  return !service.headless && service.type !== 'ExternalName';
}

/**
 * A Service that kube-proxy balances over several pods without ClientIP affinity: once an idle
 * connection's conntrack entry expires, its next packet can be sent to another pod, which resets it.
 */
export const serviceAffinity: Rule = {
  id: 'service-affinity',
  defaultSeverity: 'warning',
  description: 'A Service with several backends and no sessionAffinity: ClientIP; an idle connection can be re-balanced to another pod and reset.',
  check(model, report) {
    const conntrack = effectiveConntrackTimeout(model);
    for (const service of model.services) {
      if (!isProxied(service) || service.sessionAffinity?.value === 'ClientIP') continue;
      const backends = backendsOf(service, model);
      if (backends.count <= 1) continue;
      const reasons = backends.sources.map((source) => source.reason);
      const affinity = service.sessionAffinity === undefined ? 'no sessionAffinity' : `sessionAffinity: ${service.sessionAffinity.value}`;
      report({
        file: service.file,
        span: service.nameSpan,
        subject: service,
        message:
          `Service "${service.name}" has ${formatCount(backends.count)} (${summarise(reasons)}) and ${affinity}. ` +
          `A connection idle longer than the conntrack timeout (${conntrack.value} s, ${model.describe(conntrack.source)}) ` +
          'is load-balanced again and can be reset by another pod.',
        related: backends.sources.map((source) => ({ file: source.file, span: source.span, message: `Backend of Service "${service.name}": ${source.reason}` })),
      });
    }
  },
};

function summarise(reasons: readonly string[]): string {
  const shown = reasons.slice(0, 3).join('; ');
  return reasons.length > 3 ? `${shown}; and ${reasons.length - 3} more` : shown;
}
