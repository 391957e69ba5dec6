#!/usr/bin/env bash
# Installs what test/e2e/vscode.test.ts drives: code-server (VS Code 1.96 in the browser, run from
# source on this Node.js) and playwright-core, after the Debian packages of install-e2e-deps.sh's
# vscode part (Chromium, ripgrep, Kerberos headers, a compiler). Everything from npm goes to a
# cache outside the repository:
#
#   ${CONNLINT_E2E_CACHE:-$HOME/.cache/connlint-e2e}/code-server
#
# Idempotent: a cache whose marker names the same versions (and the same Node.js ABI) is reused
# as is, in well under a second. A cold install takes a few minutes, mostly compiling native
# modules. It is built in a scratch directory and moved into place only when complete.
#
# Exit status: 0 ready; 3 something could not be installed on this machine (no apt-get, not root
# and no sudo, npm registry or Debian mirror unreachable), which the test reports as a skip
# outside CI; anything else is a failure (a native module that does not compile, say).
set -euo pipefail

CODE_SERVER_VERSION=4.96.4        # VS Code 1.96, the oldest the extension supports; runs on Node 20
PLAYWRIGHT_CORE_VERSION=1.65.1
NODE_GYP_VERSION=11.4.2           # runs on Node 18.17 and later
PROXY_AGENT_VERSION=0.27.0        # VS Code's shrinkwrap pins it to a git URL; the registry has the same release

CACHE_ROOT=${CONNLINT_E2E_CACHE:-$HOME/.cache/connlint-e2e}
DIR=$CACHE_ROOT/code-server
MARKER_TEXT="code-server=$CODE_SERVER_VERSION playwright-core=$PLAYWRIGHT_CORE_VERSION node-abi=$(node -p process.versions.modules) arch=$(uname -m) setup=2"

say() { echo "setup-code-server: $*" >&2; }
unavailable() { say "$*"; exit 3; }

# Runs a command with its output held back, shown only when it fails.
quietly() {
  local log status=0
  log=$(mktemp)
  "$@" >"$log" 2>&1 || status=$?
  if [[ $status -ne 0 ]]; then tail -n 60 "$log" >&2; fi
  rm -f "$log"
  return "$status"
}

have() { command -v "$1" >/dev/null 2>&1; }

# ---- Debian packages: Chromium, ripgrep, the Kerberos headers, a compiler ------------------------
bash "$(dirname "$0")/install-e2e-deps.sh" vscode || unavailable "the Debian packages could not be installed (see above)"

# ---- code-server, cached ------------------------------------------------------------------------
if [[ -f $DIR/.installed && $(cat "$DIR/.installed") == "$MARKER_TEXT" ]]; then
  exit 0
fi

mkdir -p "$CACHE_ROOT"
exec 9>"$CACHE_ROOT/.lock"
if have flock; then flock 9; fi
# Another run may have finished the install while this one waited for the lock.
if [[ -f $DIR/.installed && $(cat "$DIR/.installed") == "$MARKER_TEXT" ]]; then
  exit 0
fi

started=$SECONDS
STAGE=$(mktemp -d "$CACHE_ROOT/code-server.partial.XXXXXX")
trap 'rm -rf "$STAGE"' EXIT
say "installing code-server $CODE_SERVER_VERSION and playwright-core $PLAYWRIGHT_CORE_VERSION into $DIR (a few minutes)"

NPM_FLAGS=(--ignore-scripts --no-audit --no-fund --loglevel=error)
cat >"$STAGE/package.json" <<EOF
{
  "private": true,
  "description": "Connlint's end-to-end test tools; written by scripts/setup-code-server.sh",
  "dependencies": {
    "code-server": "$CODE_SERVER_VERSION",
    "node-gyp": "$NODE_GYP_VERSION",
    "playwright-core": "$PLAYWRIGHT_CORE_VERSION"
  }
}
EOF
(cd "$STAGE" && quietly npm install "${NPM_FLAGS[@]}") || unavailable "npm install code-server failed (is the npm registry reachable?)"

# Native modules are compiled against the headers of the Node.js that runs them; node-gyp would
# otherwise download them from nodejs.org.
NODE_GYP=(node "$STAGE/node_modules/node-gyp/bin/node-gyp.js")
node_prefix=$(dirname "$(dirname "$(readlink -f "$(command -v node)")")")
if [[ -f $node_prefix/include/node/node_version.h ]]; then
  export npm_config_nodedir=$node_prefix
  NODE_GYP+=(--nodedir="$node_prefix")
fi
export PATH=$STAGE/node_modules/.bin:$PATH
JOBS=$(nproc 2>/dev/null || echo 2)

# code-server's own native module (its postinstall is skipped, as are all of them).
(cd "$STAGE/node_modules/argon2" && quietly node ../@mapbox/node-pre-gyp/bin/node-pre-gyp rebuild --build-from-source)

VSCODE=$STAGE/node_modules/code-server/lib/vscode
tarball=$(cd "$STAGE" && npm view "@vscode/proxy-agent@$PROXY_AGENT_VERSION" dist.tarball 2>/dev/null) ||
  unavailable "npm view @vscode/proxy-agent failed"
node - "$VSCODE/npm-shrinkwrap.json" "$tarball" <<'EOF'
const fs = require('node:fs');
const [file, tarball] = process.argv.slice(2);
const shrinkwrap = JSON.parse(fs.readFileSync(file, 'utf8'));
const entry = shrinkwrap.packages['node_modules/@vscode/proxy-agent'];
entry.resolved = tarball; // the integrity is that of the registry's tarball already
fs.writeFileSync(file, JSON.stringify(shrinkwrap, null, 2));
EOF
(cd "$VSCODE" && quietly npm install --omit=dev "${NPM_FLAGS[@]}") || unavailable "npm install in code-server's VS Code failed"
(cd "$VSCODE/extensions" && quietly npm install --omit=dev "${NPM_FLAGS[@]}") || unavailable "npm install in VS Code's extensions failed"

# ripgrep from Debian instead of the binary @vscode/ripgrep downloads from GitHub.
mkdir -p "$VSCODE/node_modules/@vscode/ripgrep/bin"
ln -sf "$(command -v rg)" "$VSCODE/node_modules/@vscode/ripgrep/bin/rg"

# Every native module there: kerberos, @parcel/watcher, @vscode/spdlog, node-pty, native-watchdog…
# (the Windows-only ones compile to empty modules).
while IFS= read -r package; do
  say "compiling $package"
  (cd "$VSCODE/node_modules/$package" && quietly "${NODE_GYP[@]}" rebuild -j "$JOBS")
done < <(cd "$VSCODE/node_modules" && find . -maxdepth 3 -name binding.gyp -printf '%h\n' | sed 's|^\./||' | sort)

# code-server's server resolves its modules through node_modules.asar, as in a packaged VS Code.
ln -sfn node_modules "$VSCODE/node_modules.asar"

node "$STAGE/node_modules/code-server/out/node/entry.js" --version >/dev/null ||
  { say "the installed code-server does not start"; exit 1; }

echo "$MARKER_TEXT" >"$STAGE/.installed"
rm -rf "$DIR"
mv "$STAGE" "$DIR"
trap - EXIT
say "done in $((SECONDS - started)) s"
