import fs from 'node:fs';
import { parseDocument, Parser, Lexer, Composer } from 'yaml';
const srcs = JSON.parse(fs.readFileSync('/tmp/srcs.json', 'utf8'));
const mode = process.argv[2];
for (let r = 0; r < 3; r++) { const t0 = performance.now(); let n = 0;
 for (const s of srcs) {
  if (mode === 'lex') { for (const t of new Lexer().lex(s)) n++; }
  else if (mode === 'parse') { for (const t of new Parser().parse(s)) n++; }
  else if (mode === 'compose') { const c = new Composer({ merge: true }); for (const d of c.compose(new Parser().parse(s))) n++; for (const d of c.end()) n++; }
  else parseDocument(s, { prettyErrors: false, merge: true });
 }
 console.log(mode, 'pass', r, (performance.now() - t0).toFixed(0), 'ms'); }
