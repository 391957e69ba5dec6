import fs from 'node:fs';
import { parseDocument, parseAllDocuments } from 'yaml';
const srcs = JSON.parse(fs.readFileSync('/tmp/srcs.json', 'utf8'));
const joined = srcs.join('\n---\n');
for (let r = 0; r < 3; r++) { const t0 = performance.now(); parseAllDocuments(joined, { prettyErrors: false, merge: true }); console.log('joined pass', r, (performance.now() - t0).toFixed(0), 'ms'); }
