#!/usr/bin/env bash
# Installs what SPRO Desk needs on a Debian/Ubuntu machine: Qt's system libraries, a virtual
# environment in .venv and the package (with the test tools when called with --dev).
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
[ "${1:-}" = "--dev" ] && extras="[dev]"

python=${PYTHON:-python3}
if ! "$python" -c 'import sys; sys.exit(sys.version_info < (3, 11))' 2>/dev/null; then
  echo "SPRO Desk demande Python 3.11 ou plus récent (trouvé : $("$python" --version 2>&1))." >&2
  exit 1
fi

# Qt 6 loads these at run time (xcb for a desktop session, EGL/fontconfig even offscreen).
qt_libs="libegl1 libgl1 libglib2.0-0 libfontconfig1 libfreetype6 libdbus-1-3 libxkbcommon0
  libxkbcommon-x11-0 libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libxcb-shape0 libxcb-randr0
  libxcb-render-util0 libxcb-image0 libxcb-xinerama0 libxcb-xkb1 libx11-xcb1 fonts-dejavu-core"
# --dev: the AT-SPI test (tests/ui/test_atspi.py) runs the app under Xvfb on a private D-Bus
# session and reads it with pyatspi, a system package used from the system's python3.
[ -n "$extras" ] && qt_libs="$qt_libs xvfb dbus at-spi2-core python3-pyatspi"
venv_pkg="python3-venv"
"$python" -c 'import ensurepip' 2>/dev/null && venv_pkg=""
missing=""
if command -v dpkg-query >/dev/null 2>&1; then
  for pkg in $qt_libs $venv_pkg; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing="$missing $pkg"
  done
fi
if [ -n "$missing" ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "Installation des bibliothèques système :$missing"
  $sudo apt-get update -qq
  # t64 renames on newer releases: install what exists, one package at a time if needed.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null 2>&1 || \
    for pkg in $missing; do
      $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "$pkg" >/dev/null 2>&1 || \
        echo "(paquet $pkg indisponible, ignoré)"
    done
fi

[ -x .venv/bin/python ] || "$python" -m venv .venv
.venv/bin/python -m pip install --quiet --disable-pip-version-check --upgrade pip
.venv/bin/python -m pip install --quiet --disable-pip-version-check -e ".${extras}"
