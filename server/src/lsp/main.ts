/** Entry point of the language server process: `connlint-language-server --stdio` (also `--node-ipc`, `--socket=N`, `--pipe=NAME`). */
import { setFlagsFromString } from 'node:v8';
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { Lifecycle } from './guards';
import { startServer } from './server';
import { serveOverStdio } from './transport';

/**
 * V8 collects the old generation again once it has grown by this much over what the last full
 * collection kept (analysis workers included: flags are the process's). Left to itself, V8 picks
 * 10–300 % from how fast the program allocates, and a workspace's first scan allocates fast: the
 * server's peak held two to three times what it kept. At 30 % (alternating runs, same machine),
 * the peak of the 10,000-file workspace went from 196–202 to 175–179 MB and that of four 5 MB
 * manifests from 537–553 to 296–458 MB, for index times within the runs' spread.
 */
setFlagsFromString('--heap-growing-percent=30');

const OTHER_TRANSPORTS = /^--(node-ipc|socket|pipe)(=|$)/;

if (process.argv.slice(2).some((arg) => OTHER_TRANSPORTS.test(arg))) startServer(createConnection(ProposedFeatures.all), new Lifecycle());
else serveOverStdio();
