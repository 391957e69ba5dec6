import { findService, pathsReportText, servicePathsReport } from '../core/pathReport';
import type { WorkspaceModel } from '../core/model/workspaceModel';
import { UsageError } from './args';

/** `--explain-path` names a Service the files do not hold. */
export class ExplainPathError extends UsageError {}

/** The hops of a Service's connection paths with their idle timers, as text (JSON with `--format json`). */
export function explainPath(model: WorkspaceModel, query: string, format: string): string {
  const service = findService(model, query);
  if (service === undefined) {
    const known = model.services.slice(0, 5).map((candidate) => `${candidate.namespace}/${candidate.name ?? ''}`);
    throw new ExplainPathError(`no Service "${query}" in the files read${known.length > 0 ? ` (found: ${known.join(', ')}${model.services.length > 5 ? ', …' : ''})` : ''}`);
  }
  const report = servicePathsReport(model, service);
  return format === 'json' ? `${JSON.stringify(report, null, 2)}\n` : pathsReportText(report);
}
