#!/usr/bin/env bash
# Install everything the test suite needs on a fresh Debian machine, then run it all.
# Used by the README's test command and by .ci/run.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v chromium >/dev/null 2>&1; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

PY="${PYTHON:-python3}"
[ -x .venv/bin/python ] || "$PY" -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip >/dev/null 2>&1 || true
.venv/bin/python -m pip install -q -e '.[test]'
.venv/bin/python -m ipykernel install --user --name python3 >/dev/null 2>&1 || true

# House rules first (seconds): lint, types (the library and the dashboard), the layers of
# docs/architecture.md.
.venv/bin/python -m ruff check .
.venv/bin/python -m mypy
.venv/bin/lint-imports

exec .venv/bin/python -m pytest -q "$@"
