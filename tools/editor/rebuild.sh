#!/usr/bin/env bash
# Rebuilds src/serve/page/editor.js and editor.LICENSE.txt from the locked
# packages (npm ci, then esbuild). Commit both files; the cargo build only
# embeds them and never runs npm.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund
node build.mjs
