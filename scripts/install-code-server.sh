#!/usr/bin/env bash
# Installs code-server 4.100.3 (VS Code 1.100.3 on Node 20) into DEST for the end-to-end tests.
# Idempotent: does nothing when DEST already holds that version.
# Needs only the npm registry and Debian's packages (see ../shared/docs/recipes.md, "A real VS Code").
# usage: scripts/install-code-server.sh [DEST]   (default: .cache/code-server, git-ignored)
set -euo pipefail
VERSION=4.100.3
DEST=${1:-.cache/code-server}
mkdir -p "$DEST"
DEST=$(cd "$DEST" && pwd)
BIN="$DEST/node_modules/.bin/code-server"

installed_version() {
  # code-server writes into ~/.config even for --version: give it a scratch HOME.
  local home; home=$(mktemp -d)
  HOME="$home" "$BIN" --version 2>/dev/null | grep -m1 -Eo '^[0-9]+\.[0-9]+\.[0-9]+' || true
  rm -rf "$home"
}

if [ -x "$BIN" ] && [ "$(installed_version)" = "$VERSION" ]; then
  echo "code-server $VERSION already installed in $DEST"
  exit 0
fi

# Build dependencies of code-server's native modules, ripgrep for the seed below, chromium for the tests.
missing=()
for p in build-essential python3 pkg-config libkrb5-dev libxkbfile-dev libsecret-1-dev libx11-dev ripgrep chromium; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages: ${missing[*]}"
  apt-get install -y --no-install-recommends "${missing[@]}" >/dev/null
fi

# @vscode/ripgrep's postinstall downloads rg from GitHub, which is unreachable here:
# seed its download cache with Debian's rg under the file name it looks for.
export TMPDIR="$DEST/.tmp"
mkdir -p "$TMPDIR/vscode-ripgrep-cache-1.15.11" "$DEST/.rgseed"
cp /usr/bin/rg "$DEST/.rgseed/rg"
tar czf "$TMPDIR/vscode-ripgrep-cache-1.15.11/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$DEST/.rgseed" rg

cd "$DEST"
# A private manifest (not `npm init`, which would name it after the folder, i.e. code-server itself).
printf '{ "name": "grlint-code-server-cache", "private": true }\n' > package.json
# Keep the real HOME here: root's .npmrc sets nodedir=/usr, without which node-gyp downloads headers.
# unsafe_perm: code-server's postinstall refuses root without it; yes: node-pty's postinstall runs `npx node-gyp`.
npm_config_unsafe_perm=true npm_config_yes=true npm install --no-audit --no-fund --save-exact "code-server@$VERSION"

got=$(installed_version)
if [ "$got" != "$VERSION" ]; then
  echo "code-server install failed: --version printed '$got', expected $VERSION" >&2
  exit 1
fi
echo "code-server $VERSION installed in $DEST"
