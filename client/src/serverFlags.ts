/**
 * The Node.js flags the extension starts its language server with (the benchmark starts it the
 * same way). They size V8's young generation, which no code can change once the process runs:
 * at most 4 MB a semi-space instead of 16, so the server holds 24 MB less of it while it reads a
 * workspace. Peak RSS of the server indexing 10,000 files, alternating runs on one machine:
 * 177–180 MB without, 148–155 MB with 8 MB semi-spaces, 137–143 MB with 4 MB. Index times and
 * didOpen latencies stayed within the runs' spread (the 30 KB file: 5.8–11.1 ms p50 with 8 MB,
 * 6.5–11.0 ms with 4 MB, in six pairs of runs).
 */
export const SERVER_NODE_FLAGS: readonly string[] = ['--max-semi-space-size=4'];
