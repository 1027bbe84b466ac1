#!/usr/bin/env bash
# Installs what the real-VS-Code tests and `npm start` need, offline except for the npm registry and Debian:
# Debian's chromium, build tools, and the proxies of the network suite (tinyproxy, mitmproxy; openssl makes their
# test CAs) when root on Debian/Ubuntu, and code-server 4.100.3 (VS Code 1.100.3 on Node 20)
# into a cache folder outside the repository. Idempotent: a finished install is reused.
# Prints nothing on success but the code-server binary path on the last line.
set -euo pipefail

CODE_SERVER_VERSION=4.100.3          # the last code-server that runs on Node 20
RIPGREP_PKG_VERSION=1.15.11          # @vscode/ripgrep pinned inside code-server 4.100.3
RIPGREP_ASSET=ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz
TOOLS_DIR=${AZB_TOOLS_DIR:-${XDG_CACHE_HOME:-$HOME/.cache}/azure-backup-vscode}
CS_DIR="$TOOLS_DIR/code-server-$CODE_SERVER_VERSION"
CS_BIN="$CS_DIR/node_modules/.bin/code-server"
mkdir -p "$TOOLS_DIR"

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
command -v rg >/dev/null 2>&1 || need_apt+=(ripgrep)
[ -f /usr/include/krb5.h ] || [ -f /usr/include/gssapi/gssapi.h ] || need_apt+=(libkrb5-dev)
command -v g++ >/dev/null 2>&1 && command -v make >/dev/null 2>&1 || need_apt+=(build-essential)
command -v python3 >/dev/null 2>&1 || need_apt+=(python3)
command -v tinyproxy >/dev/null 2>&1 || need_apt+=(tinyproxy)
command -v mitmdump >/dev/null 2>&1 || need_apt+=(mitmproxy)
command -v openssl >/dev/null 2>&1 || need_apt+=(openssl)
command -v unshare >/dev/null 2>&1 || need_apt+=(util-linux)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "setup: apt-get install ${need_apt[*]}" >&2
    apt-get update -q >&2
    DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${need_apt[@]}" >&2
  else
    echo "setup: missing system packages: ${need_apt[*]}" >&2
    echo "setup: install them (Debian/Ubuntu: sudo apt-get install ${need_apt[*]}) and run again" >&2
    exit 1
  fi
fi

if [ ! -x "$CS_BIN" ] || [ ! -f "$CS_DIR/.installed" ]; then
  echo "setup: installing code-server $CODE_SERVER_VERSION into $CS_DIR (about 2 minutes, once)" >&2
  rm -rf "$CS_DIR"; mkdir -p "$CS_DIR/tmp/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION" "$CS_DIR/rg-stage"
  # @vscode/ripgrep's postinstall would download rg from GitHub; hand it Debian's rg as its cached asset instead.
  cp "$(command -v rg)" "$CS_DIR/rg-stage/rg"
  tar czf "$CS_DIR/tmp/vscode-ripgrep-cache-$RIPGREP_PKG_VERSION/$RIPGREP_ASSET" -C "$CS_DIR/rg-stage" rg
  echo '{"name":"code-server-host","private":true}' > "$CS_DIR/package.json"
  # unsafe_perm: code-server's postinstall refuses root otherwise; yes: node-pty runs `npx node-gyp`;
  # nodedir: node-gyp builds against the local Node headers instead of downloading them.
  if ! (cd "$CS_DIR" && TMPDIR="$CS_DIR/tmp" npm_config_unsafe_perm=true npm_config_yes=true npm_config_nodedir=/usr \
        npm install --no-audit --no-fund --no-save --foreground-scripts "code-server@$CODE_SERVER_VERSION" \
        > "$CS_DIR/install.log" 2>&1); then
    tail -40 "$CS_DIR/install.log" >&2; exit 1
  fi
  grep -q 'Using cached download' "$CS_DIR/install.log" || { echo "setup: ripgrep was not taken from the cache" >&2; exit 1; }
  rm -rf "$CS_DIR/tmp" "$CS_DIR/rg-stage"
  touch "$CS_DIR/.installed"
fi
echo "$CS_BIN"
