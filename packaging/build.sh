#!/usr/bin/env bash
# Builds the one-folder desktop bundle dist/commarch/ with PyInstaller and prints its size.
# Usage: packaging/build.sh [--fresh]   (env: VENV=path to the Python environment to build from)
#   default     use the project venv (.venv, created by scripts/bootstrap if missing)
#   --fresh     build from a clean venv in build/bundle-venv with only commarch's runtime dependencies
#               (what a release should ship: nothing from the dev tools can leak into the bundle)
set -euo pipefail
cd "$(dirname "$0")/.."
REPO=$(pwd)

if [ "${1:-}" = "--fresh" ]; then
  VENV=${VENV:-build/bundle-venv}
  if [ ! -x "$VENV/bin/python" ] && [ ! -x "$VENV/Scripts/python.exe" ]; then
    python3 -m venv "$VENV"
  fi
  fresh=1
else
  VENV=${VENV:-.venv}
  [ -x "$VENV/bin/python" ] || [ -x "$VENV/Scripts/python.exe" ] || scripts/bootstrap
  fresh=0
fi
PY="$VENV/bin/python"
[ -x "$PY" ] || PY="$VENV/Scripts/python.exe"  # Git Bash on Windows

if [ "$fresh" = 1 ]; then
  "$PY" -m pip install --quiet --upgrade pip
  "$PY" -m pip install --quiet "$REPO"
fi
# PyInstaller 6.10+ knows PySide6 6.8+ and Python 3.13; install it only when missing (offline rebuilds work)
if ! "$PY" -c 'import PyInstaller, sys; sys.exit(tuple(map(int, PyInstaller.__version__.split(".")[:2])) < (6, 10))' 2>/dev/null; then
  "$PY" -m pip install --quiet "pyinstaller>=6.10"
fi

start=$(date +%s)
"$PY" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$REPO/dist" --workpath "$REPO/build/pyinstaller" "$REPO/packaging/commarch.spec"
elapsed=$(( $(date +%s) - start ))

case "$(uname -s)" in
  Darwin) bundle=dist/commarch.app ;;
  *) bundle=dist/commarch ;;
esac
exe=dist/commarch/commarch
[ -x "$exe" ] || exe=dist/commarch/commarch.exe
version=$("$exe" --version)
size=$(du -sh "$bundle" | cut -f1)
echo "build.sh: $version in $bundle: $size, built in ${elapsed}s"
