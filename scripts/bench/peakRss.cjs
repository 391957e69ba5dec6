// Preloaded (`node -r`) into a benchmarked process: on exit, writes the process's peak resident
// memory (worker threads included) in kilobytes to the file CONNLINT_BENCH_RSS names.
'use strict';
const { writeFileSync } = require('node:fs');

process.on('exit', () => {
  const file = process.env.CONNLINT_BENCH_RSS;
  if (file) writeFileSync(file, String(process.resourceUsage().maxRSS));
});
