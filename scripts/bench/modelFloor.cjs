// The least that a model of one JavaScript object per Kubernetes object and per finding holds for
// the files of a directory. `node --expose-gc modelFloor.cjs DIR` prints JSON with the heap (after
// full collections) that the files' texts take, and that these objects take on top of them:
//   - per Kubernetes object: its kind, name and namespace, its span and its name's span, and its
//     selector (a flat array of keys and values) when it has one;
//   - per finding: its span, its message, and its related locations (span and message each);
//   - `places` is the same without the messages: what is left if findings build their message
//     only when it is shown.
// The objects are Connlint's own, from its analysis and lint of the files in a child process
// (`modelFloor.cjs --dump DIR`), so that nothing else of Connlint's is in the heap measured. They
// are read back with JSON.parse, which builds each object at its size with shapes shared by all
// and its short strings shared too: the least V8 holds for them, and less than any code that
// builds them one by one.
'use strict';
const { spawnSync } = require('node:child_process');
const { readdirSync, readFileSync } = require('node:fs');
const path = require('node:path');

const filesOf = (dir) => readdirSync(dir).map((name) => path.join(dir, name));
const span = ({ start, end }) => ({ start, end });

/** Connlint's analysis and lint of the files, as the least each object and finding holds. */
function dump(dir) {
  const core = require('../../server/out/index.js');
  const workspace = new core.Workspace();
  const objects = [];
  for (const file of filesOf(dir)) {
    for (const object of workspace.set(file, readFileSync(file, 'utf8')).objects) {
      objects.push({ kind: object.kind, name: object.name, namespace: object.namespace, span: span(object.span), nameSpan: span(object.nameSpan), selector: object.selector === undefined ? undefined : [...object.selector].flat() });
    }
  }
  const findings = [];
  const tracker = new core.DiagnosticsTracker(workspace.model());
  for (const file of tracker.changedFiles({})) {
    for (const { finding } of tracker.current(file)) {
      findings.push({ span: span(finding.span), message: finding.message, related: (finding.related ?? []).map((item) => ({ span: span(item.span), message: item.message })) });
    }
  }
  return { objects, findings };
}

function heapMb() {
  global.gc();
  global.gc();
  return process.memoryUsage().heapUsed / 1e6;
}

/** Connlint's objects and findings for the files of `dir`, as JSON made by a child process. */
function dumped(dir) {
  const child = spawnSync(process.execPath, ['--max-old-space-size=4096', __filename, '--dump', dir], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (child.status !== 0) throw new Error(`modelFloor.cjs --dump exited ${child.status}: ${child.stderr}`);
  return child.stdout;
}

function measure(dir) {
  if (typeof global.gc !== 'function') throw new Error('run with node --expose-gc');
  // Held until the end, as the texts are (their sizes, returned, keep both alive to there), so that
  // it is in every figure the differences subtract.
  const json = dumped(dir);
  const start = heapMb();
  const texts = filesOf(dir).map((file) => readFileSync(file, 'utf8'));
  const withTexts = heapMb();
  let held = JSON.parse(json);
  const withModel = heapMb();
  let placesJson = JSON.stringify(held, (key, value) => (key === 'message' ? undefined : value));
  held = undefined;
  const places = JSON.parse(placesJson);
  placesJson = undefined;
  const withPlaces = heapMb();
  return { files: texts.length, dumpMb: json.length / 1e6, texts: withTexts - start, objects: places.objects.length, findings: places.findings.length, model: withModel - withTexts, places: withPlaces - withTexts };
}

if (process.argv[2] === '--dump') process.stdout.write(JSON.stringify(dump(process.argv[3])));
else process.stdout.write(JSON.stringify(measure(process.argv[2])));
