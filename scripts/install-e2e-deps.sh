#!/usr/bin/env bash
# Debian packages for the end-to-end tests (npm run test:e2e), one part per editor or tool.
#
#   bash scripts/install-e2e-deps.sh            every part
#   bash scripts/install-e2e-deps.sh neovim     only the parts named
#
# Idempotent and quiet: a part whose binary is already on PATH installs nothing, and
# `apt-get update` runs once, before the first install. Runs as root, or through sudo.
# A part is a `part_<name>` function below; adding one is all it takes to add a part.
set -euo pipefail

SUDO=()
if [[ $(id -u) -ne 0 ]]; then SUDO=(sudo); fi

have() { command -v "$1" >/dev/null 2>&1; }

# Runs a command with its output held back, shown only when it fails.
quietly() {
  local log status=0
  log=$(mktemp)
  "$@" >"$log" 2>&1 || status=$?
  if [[ $status -ne 0 ]]; then cat "$log" >&2; fi
  rm -f "$log"
  return "$status"
}

APT_UPDATED=no
apt_install() {
  if ! have apt-get; then
    echo "install-e2e-deps: apt-get not found; install by hand: $*" >&2
    return 1
  fi
  if [[ $APT_UPDATED == no ]]; then
    quietly "${SUDO[@]}" apt-get update
    APT_UPDATED=yes
  fi
  echo "install-e2e-deps: installing $*"
  quietly "${SUDO[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends "$@"
}

# --- neovim: test/e2e/neovim.test.ts (Neovim 0.7 or later) ---
part_neovim() {
  have nvim || apt_install neovim
}

# --- vscode: test/e2e/vscode.test.ts (code-server in Chromium; scripts/setup-code-server.sh does the npm part) ---
# Chromium is the browser; ripgrep replaces the binary VS Code would download from GitHub; the
# Kerberos headers, a compiler and Python build code-server's native modules from source.
part_vscode() {
  local packages=()
  have chromium || packages+=(chromium)
  have rg || packages+=(ripgrep)
  [[ -e /usr/include/gssapi/gssapi.h ]] || packages+=(libkrb5-dev)
  { have make && have g++; } || packages+=(make g++)
  have python3 || packages+=(python3)
  if [[ ${#packages[@]} -gt 0 ]]; then apt_install "${packages[@]}"; fi
}

# Runs the parts named on the command line, or every part_* function above (alphabetical order).
parts=("$@")
if [[ ${#parts[@]} -eq 0 ]]; then
  mapfile -t parts < <(declare -F | awk '$3 ~ /^part_/ { sub(/^part_/, "", $3); print $3 }')
fi
for part in "${parts[@]}"; do
  if ! declare -F "part_$part" >/dev/null; then
    echo "install-e2e-deps: unknown part '$part'" >&2
    exit 2
  fi
done
for part in "${parts[@]}"; do "part_$part"; done
