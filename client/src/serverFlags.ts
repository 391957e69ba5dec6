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

/**
 * The environment variables the extension starts its language server with, under the user's own
 * (the benchmark starts it the same way). `MALLOC_MMAP_THRESHOLD_` fixes the size from which
 * glibc's malloc gives each block a mapping of its own, returned to the system when freed. By
 * default glibc raises that size, up to 32 MB, each time such a block is freed, so that the next
 * large blocks (an analysis worker's message, 17 MB for a 5 MB file, or a large publication of
 * diagnostics) come from heaps it rarely gives back. Only glibc reads it; other systems ignore
 * it. Peak RSS of the server, alternating runs on one machine, without and with it: four 5 MB
 * manifests 269–412 MB (mostly 270–290) against 234–380 MB (mostly 234–237), eight 9.5 MB
 * manifests 550–559 MB against 524–525 MB, 10,000 files 130–139 MB against 120–139 MB; index
 * times and argo-cd's didOpen within the runs' spread.
 */
export const SERVER_ENVIRONMENT: Readonly<Record<string, string>> = { MALLOC_MMAP_THRESHOLD_: '131072' };
