# Sourced by scripts/demo and scripts/test: install what docflow needs, then activate it.
# Safe to run again: Python packages are reinstalled only when pyproject.toml changes.
set -euo pipefail

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
VENV="$ROOT/.venv"
# System packages the pipeline needs at run time (apt names). Installed when run as root.
APT_PACKAGES=(tesseract-ocr tesseract-ocr-deu tesseract-ocr-osd)
# Extra pip arguments for sites with their own package index (e.g. --index-url ...).
DOCFLOW_PIP_ARGS=${DOCFLOW_PIP_ARGS:-}

say() {
    if [ -t 2 ]; then printf '\033[1m[docflow]\033[0m %s\n' "$*" >&2; else printf '[docflow] %s\n' "$*" >&2; fi
}

apt_install() {
  local missing=()
  for package in "$@"; do
    dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null; then
    say "installing system packages: ${missing[*]}"
    DEBIAN_FRONTEND=noninteractive apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  else
    say "missing system packages: ${missing[*]}"
    say "install them with:  sudo apt-get install ${missing[*]}   (then run this command again)"
    exit 1
  fi
}

find_python() {
  for candidate in python3.11 python3; do
    if command -v "$candidate" >/dev/null &&
       "$candidate" -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' 2>/dev/null; then
      command -v "$candidate"
      return 0
    fi
  done
  return 1
}

PYTHON=$(find_python || true)
if [ -z "$PYTHON" ]; then
  apt_install python3.11 python3.11-venv
  PYTHON=$(find_python) || { say "Python 3.11 is required and could not be found"; exit 1; }
fi
if [ ! -x "$VENV/bin/python" ]; then
  say "creating a virtual environment in .venv"
  if ! "$PYTHON" -m venv "$VENV" 2>/dev/null; then
    rm -rf "$VENV"
    apt_install python3.11-venv
    "$PYTHON" -m venv "$VENV"
  fi
fi
[ ${#APT_PACKAGES[@]} -eq 0 ] || apt_install "${APT_PACKAGES[@]}"

STAMP="$VENV/.installed-from"
WANTED=$(sha256sum "$ROOT/pyproject.toml" | cut -d' ' -f1)
if [ "$(cat "$STAMP" 2>/dev/null)" != "$WANTED" ]; then
  say "installing Python packages (first run: about a minute)"
  # torch is pinned in pyproject.toml so pip takes the CPU build; filter pip's notes
  # about index locations of this machine, keep everything else.
  # shellcheck disable=SC2086
  "$VENV/bin/python" -m pip install -q $DOCFLOW_PIP_ARGS -e "$ROOT[dev]" \
    2> >(grep -v "is ignored: it is neither a file nor a directory" >&2)
  echo "$WANTED" > "$STAMP"
fi

export PATH="$VENV/bin:$PATH"
cd "$ROOT"
