import fs from 'node:fs'; import path from 'node:path';
import { parseDocument } from 'yaml';
const srcs = JSON.parse(fs.readFileSync('/tmp/srcs.json', 'utf8'));
for (let r = 0; r < 4; r++) { const t0 = performance.now(); for (const s of srcs) parseDocument(s, { prettyErrors: false, merge: true }); console.log('pass', r, (performance.now() - t0).toFixed(0), 'ms'); }
