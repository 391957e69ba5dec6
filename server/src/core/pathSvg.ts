import type { HopReport, PathReport, ServicePathsReport } from './pathReport';

/** The drawing's width; the view scales it to the panel. */
const WIDTH = 760;
const MARGIN = 16;
const BOX_HEIGHT = 64;
const AXIS_HEIGHT = 78;
const TITLE_HEIGHT = 28;
const PATH_HEIGHT = TITLE_HEIGHT + BOX_HEIGHT + AXIS_HEIGHT + 22;
/** The time axis runs on a logarithmic scale from here to past the longest value shown. */
const AXIS_MIN_SECONDS = 10;
const AXIS_TICKS: readonly (readonly [number, string])[] = [
  [60, '1 min'],
  [600, '10 min'],
  [3600, '1 h'],
  [21600, '6 h'],
  [86400, '1 d'],
  [432000, '5 d'],
];

/**
 * Draws a Service's connection paths as SVG: per path, its hops left to right (client first)
 * with their idle timers, and under them a time axis with each timer and the keepalive; the
 * timer that fires first is marked. Colours are left to CSS classes (`hop`, `first`, `axis`,
 * `keepalive`, `muted`), which the view maps to the editor theme.
 */
export function pathsSvg(report: ServicePathsReport): string {
  const height = Math.max(1, report.paths.length) * PATH_HEIGHT + 40;
  const parts = [`<text class="heading" x="${MARGIN}" y="24">Service ${escapeXml(report.service)}</text>`];
  report.paths.forEach((path, index) => parts.push(pathGroup(path, 40 + index * PATH_HEIGHT)));
  if (report.paths.length === 0) parts.push(`<text class="muted" x="${MARGIN}" y="60">No path through kube-proxy: a headless or ExternalName Service.</text>`);
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${height}" width="${WIDTH}" height="${height}" role="img" aria-label="Connection paths of Service ${escapeXml(report.service)}">`,
    '<defs><marker id="arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse"><path class="arrowhead" d="M 0 0 L 10 5 L 0 10 z"/></marker></defs>',
    ...parts,
    '</svg>',
  ].join('\n');
}

function pathGroup(path: PathReport, top: number): string {
  const count = path.hops.length;
  const gap = 28;
  const boxWidth = (WIDTH - 2 * MARGIN - gap * (count - 1)) / count;
  const boxTop = top + TITLE_HEIGHT;
  const boxes = path.hops.map((hop, index) => hopBox(hop, MARGIN + index * (boxWidth + gap), boxTop, boxWidth, index === path.firstToFire));
  const arrows = path.hops.slice(1).map((_, index) => {
    const x = MARGIN + (index + 1) * (boxWidth + gap);
    return `<line class="arrow" x1="${fixed(x - gap + 2)}" y1="${boxTop + BOX_HEIGHT / 2}" x2="${fixed(x - 3)}" y2="${boxTop + BOX_HEIGHT / 2}" marker-end="url(#arrow)"/>`;
  });
  return [
    `<g class="path" data-entry="${path.entry}">`,
    `<text class="title" x="${MARGIN}" y="${top + 18}">${escapeXml(path.title)}</text>`,
    ...boxes,
    ...arrows,
    timeAxis(path, boxTop + BOX_HEIGHT + 16),
    `<text class="verdict${path.firstToFire === undefined || path.keptOpen ? '' : ' first-text'}" x="${MARGIN}" y="${boxTop + BOX_HEIGHT + AXIS_HEIGHT + 14}">${escapeXml(path.verdict)}</text>`,
    '</g>',
  ].join('\n');
}

function hopBox(hop: HopReport, x: number, y: number, width: number, first: boolean): string {
  const chars = Math.max(8, Math.floor(width / 6.6));
  const lines = [`<text class="label" x="${fixed(x + 8)}" y="${y + 18}">${escapeXml(clip(hop.label, chars))}</text>`];
  if (hop.timer !== undefined) {
    lines.push(`<text class="${first ? 'first-text' : 'value'}" x="${fixed(x + 8)}" y="${y + 36}">idle ${escapeXml(`${hop.timer.seconds} s${hop.timer.refreshedByKeepalive ? '' : ' (data only)'}`)}</text>`);
    lines.push(`<text class="muted small" x="${fixed(x + 8)}" y="${y + 53}"><title>${escapeXml(hop.timer.source)}</title>${escapeXml(clip(hop.timer.source, Math.floor(chars * 1.2)))}</text>`);
  }
  return [`<g class="hop hop-${hop.kind}${first ? ' first' : ''}">`, `<rect x="${fixed(x)}" y="${y}" width="${fixed(width)}" height="${BOX_HEIGHT}" rx="6"/>`, ...lines, '</g>'].join('\n');
}

/** The time axis: every timer of the path as a tick above it, the keepalive (and its retry) as a diamond below. */
function timeAxis(path: PathReport, y: number): string {
  const values = [...path.hops.flatMap((hop) => (hop.timer === undefined ? [] : [hop.timer.seconds])), ...(path.keepalive === undefined ? [] : [path.keepalive.seconds + path.keepalive.interval])];
  const max = Math.max(3600, ...values) * 1.5;
  const at = (seconds: number): number => MARGIN + ((Math.log(Math.max(seconds, AXIS_MIN_SECONDS)) - Math.log(AXIS_MIN_SECONDS)) / (Math.log(max) - Math.log(AXIS_MIN_SECONDS))) * (WIDTH - 2 * MARGIN);
  const axisY = y + 26;
  const parts = [`<line class="axis" x1="${MARGIN}" y1="${axisY}" x2="${WIDTH - MARGIN}" y2="${axisY}"/>`];
  for (const [seconds, label] of AXIS_TICKS.filter(([seconds]) => seconds <= max)) {
    parts.push(`<line class="axis" x1="${fixed(at(seconds))}" y1="${axisY - 3}" x2="${fixed(at(seconds))}" y2="${axisY + 3}"/>`, `<text class="muted small" x="${fixed(at(seconds))}" y="${axisY + 16}" text-anchor="middle">${label}</text>`);
  }
  path.hops.forEach((hop, index) => {
    if (hop.timer === undefined) return;
    const x = fixed(at(hop.timer.seconds));
    const first = index === path.firstToFire;
    const label = `${hop.timer.name} ${hop.timer.seconds} s`;
    parts.push(`<g class="timer${first ? ' first' : ''}"><line x1="${x}" y1="${axisY - 18}" x2="${x}" y2="${axisY}"/><text x="${x}" y="${axisY - 21}" text-anchor="${anchorAt(at(hop.timer.seconds), label)}">${escapeXml(label)}</text></g>`);
  });
  if (path.keepalive !== undefined) {
    const x = at(path.keepalive.seconds);
    const retry = at(path.keepalive.seconds + path.keepalive.interval);
    parts.push(
      `<g class="keepalive"><line x1="${fixed(x)}" y1="${axisY + 24}" x2="${fixed(retry)}" y2="${axisY + 24}"/><path d="M ${fixed(x)} ${axisY + 18} l 6 6 l -6 6 l -6 -6 z"/>` +
        `<text x="${fixed(x + 10)}" y="${axisY + 38}">${escapeXml(`keepalive ${path.keepalive.seconds} s (+${path.keepalive.interval} s)`)}</text></g>`,
    );
  } else parts.push(`<text class="keepalive muted" x="${MARGIN}" y="${axisY + 38}">${escapeXml(`No keepalive: ${path.noKeepaliveReason ?? ''}`)}</text>`);
  return parts.join('\n');
}

/** How a label at `x` is anchored so that it stays inside the drawing (about 6 px a character). */
function anchorAt(x: number, label: string): 'start' | 'middle' | 'end' {
  const half = (label.length * 6) / 2;
  return x + half > WIDTH - MARGIN ? 'end' : x - half < MARGIN ? 'start' : 'middle';
}

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => `&#${character.charCodeAt(0)};`);
}

function clip(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, Math.max(1, length - 1))}…`;
}

function fixed(value: number): string {
  return value.toFixed(1).replace(/\.0$/, '');
}
