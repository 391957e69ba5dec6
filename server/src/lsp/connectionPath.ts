import { RequestType, type Position } from 'vscode-languageserver';
import { findService, serviceAt, servicePathsReport, type ServicePathsReport } from '../core/pathReport';
import { pathsSvg } from '../core/pathSvg';
import { normaliseUri, type WorkspaceIndex } from './workspaceIndex';


/** What the client asks for: the Service at a position of a document, else named (`name` or `namespace/name`), else the document's first. */
export interface ConnectionPathParams {
  readonly uri: string;
  readonly position?: Position;
  readonly service?: string;
}

/** The answer: the Service's paths as data and as SVG, or why there is nothing to draw. */
export type ConnectionPathResult = { readonly service: string; readonly report: ServicePathsReport; readonly svg: string } | { readonly error: string };

/** The request that draws a Service's connection paths. */
export const ConnectionPathRequest = new RequestType<ConnectionPathParams, ConnectionPathResult, void>('connlint/connectionPath');

/** Computes the connection paths of the Service the params point at, from the model of the document's folder. */
export function connectionPath(index: WorkspaceIndex, params: ConnectionPathParams): ConnectionPathResult {
  const uri = typeof params?.uri === 'string' ? normaliseUri(params.uri) : '';
  const model = index.modelFor(uri);
  const file = model?.file(uri);
  if (model === undefined) return { error: 'This document is not in a folder Connlint reads.' };
  let service = typeof params.service === 'string' ? findService(model, params.service) : undefined;
  if (service === undefined && file !== undefined && isPosition(params.position) && params.position.line < file.lineIndex.lineCount) {
    service = serviceAt(model, uri, file.lineIndex.offsetAt(params.position));
  }
  service ??= file?.objects.find((object) => object.kind === 'Service') as Parameters<typeof servicePathsReport>[1] | undefined;
  if (service === undefined) return { error: 'No Kubernetes Service here: open a manifest that defines one, or put the cursor on it.' };
  const report = servicePathsReport(model, service);
  return { service: report.service, report, svg: pathsSvg(report) };
}

function isPosition(value: unknown): value is Position {
  return typeof value === 'object' && value !== null && Number.isInteger((value as Position).line) && Number.isInteger((value as Position).character) && (value as Position).line >= 0;
}
