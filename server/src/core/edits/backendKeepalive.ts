import { type Workload, objectLabel } from '../k8s/objects';
import { KEEPALIVE_TIME_KEY } from '../model/effective';
import type { Effective } from '../model/sources';
import type { WorkspaceModel } from '../model/workspaceModel';
import type { Fix } from './fix';
import { addPodKeepalive } from './podKeepalive';
import { replaceSpan } from './yamlEdits';

/** A keepalive of `seconds` in a workload's pods: added when they rely on the default, lowered when set too high; none for host-network pods. */
export function backendKeepaliveFix(model: WorkspaceModel, workload: Workload, keepalive: Effective<number>, seconds: number): Fix | undefined {
  if (workload.template?.hostNetwork?.value === true) return undefined;
  if (keepalive.source.kind !== 'file') return addPodKeepalive(model, workload, seconds);
  return {
    title: `Set ${KEEPALIVE_TIME_KEY} to ${seconds} in ${objectLabel(workload)}`,
    edits: [replaceSpan(keepalive.source.file, keepalive.source.span, JSON.stringify(String(seconds)))],
    preferred: true,
  };
}

