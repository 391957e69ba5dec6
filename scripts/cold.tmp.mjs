import fs from 'node:fs'; import path from 'node:path';
import { parseDocument, parseAllDocuments } from 'yaml';
import { analyzeFile } from '../server/out/core/analyze.js';
const files = [];
(function walk(d) { for (const e of fs.readdirSync(d, { withFileTypes: true })) { const p = path.join(d, e.name); if (e.isDirectory()) walk(p); else if (/\.(ya?ml|json)$/.test(e.name)) files.push(p); } })('/work/shared/corpus/k8s');
const texts = files.map(f => fs.readFileSync(f, 'utf8'));
const srcs = [];
for (let i = 0; i < files.length; i++) { const a = analyzeFile(files[i], texts[i], {}); for (const d of a.documents ?? []) srcs.push(texts[i].slice(d.start, d.end)); }
fs.writeFileSync("/tmp/srcs.json", JSON.stringify(srcs));
