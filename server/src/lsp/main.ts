/** Entry point of the language server process: `connlint-language-server --stdio` (also `--node-ipc`, `--socket=N`, `--pipe=NAME`). */
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { Lifecycle } from './guards';
import { startServer } from './server';
import { serveOverStdio } from './transport';

const OTHER_TRANSPORTS = /^--(node-ipc|socket|pipe)(=|$)/;

if (process.argv.slice(2).some((arg) => OTHER_TRANSPORTS.test(arg))) startServer(createConnection(ProposedFeatures.all), new Lifecycle());
else serveOverStdio();
