#!/usr/bin/env bash
# Builds SPRO Desk for Linux: the PyInstaller one-folder build, then a .deb holding it with a
# desktop entry and the icon. Run from anywhere, after `bash scripts/bootstrap.sh --dev`:
#
#   bash installer/build-linux.sh [--dist DIR] [--work DIR] [--no-deb]
#
# Output: DIR/spro-desk/ (the one-folder build: DIR/spro-desk/spro-desk is the program, window
# and command line) and DIR/spro-desk_VERSION_ARCH.deb. --dist defaults to dist/, --work (the
# build's scratch and PyInstaller's cache, so that two builds never share one) to
# build/installer/.
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
dist="$root/dist"
work="$root/build/installer"
make_deb=1
while [ $# -gt 0 ]; do
  case "$1" in
    --dist) dist="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --work) work="$(mkdir -p "$2" && cd "$2" && pwd)"; shift 2 ;;
    --no-deb) make_deb=0; shift ;;
    *) echo "usage : bash installer/build-linux.sh [--dist DOSSIER] [--work DOSSIER] [--no-deb]" >&2
       exit 1 ;;
  esac
done
python="$root/.venv/bin/python"
if [ ! -x "$python" ]; then
  echo "Lancez d'abord : bash scripts/bootstrap.sh --dev" >&2
  exit 1
fi
if ! "$python" -c 'import PyInstaller' 2>/dev/null; then
  echo "PyInstaller manque : bash scripts/bootstrap.sh --dev l'installe." >&2
  exit 1
fi
started=$(date +%s)
mkdir -p "$work"
export PYINSTALLER_CONFIG_DIR="$work/cache"  # stripped binaries, reused by the next build
export SPRO_DESK_LICENCES="$work/licences.json"  # read by the spec

# 1. The licences of every component, from the metadata of the packages being frozen.
"$python" -m spro_desk.version --write-licences "$work/licences.json"

# 2. The one-folder build.
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath "$dist" --workpath "$work/pyinstaller" "$root/installer/spro-desk.spec"
folder="$dist/spro-desk"
version="$("$folder/spro-desk" --version | awk '{print $2}')"
echo "Build : $folder ($(du -sm "$folder" | cut -f1) Mo, version $version)"

# 3. The .deb: /opt/spro-desk, /usr/bin/spro-desk, desktop entry, icons.
if [ "$make_deb" = 1 ]; then
  arch="$(dpkg --print-architecture)"
  stage="$work/deb"
  rm -rf "$stage"
  mkdir -p "$stage/DEBIAN" "$stage/opt" "$stage/usr/bin" "$stage/usr/share/applications" \
    "$stage/usr/share/doc/spro-desk"
  cp -a "$folder" "$stage/opt/spro-desk"
  ln -s /opt/spro-desk/spro-desk "$stage/usr/bin/spro-desk"
  cp "$root/installer/linux/spro-desk.desktop" "$stage/usr/share/applications/"
  for size in 16 24 32 48 64 128 256; do
    icons="$stage/usr/share/icons/hicolor/${size}x${size}/apps"
    mkdir -p "$icons"
    cp "$root/resources/icons/spro-desk-$size.png" "$icons/spro-desk.png"
  done
  mkdir -p "$stage/usr/share/icons/hicolor/scalable/apps"
  cp "$root/resources/icons/spro-desk.svg" "$stage/usr/share/icons/hicolor/scalable/apps/"
  cp "$root/installer/linux/copyright" "$stage/usr/share/doc/spro-desk/copyright"
  # The coordination's automatic collection: installed, not enabled (installer/README.md).
  install -D -m 0644 "$root/installer/linux/spro-desk-coordinator-watch.service" \
    "$stage/lib/systemd/system/spro-desk-coordinator-watch.service"
  cp "$work/licences.json" "$stage/usr/share/doc/spro-desk/licences.json"
  for script in postinst postrm; do
    install -m 0755 "$root/installer/linux/$script" "$stage/DEBIAN/$script"
  done
  size_kb="$(du -sk "$stage" | cut -f1)"
  sed -e "s/@VERSION@/$version/" -e "s/@ARCH@/$arch/" -e "s/@SIZE@/$size_kb/" \
    "$root/installer/linux/control.in" > "$stage/DEBIAN/control"
  deb="$dist/spro-desk_${version}_${arch}.deb"
  # gzip: every dpkg reads it, and it builds in seconds (xz takes ~1 min more for 10 % less).
  dpkg-deb --root-owner-group -Zgzip -z6 --build "$stage" "$deb" >/dev/null
  echo "Paquet : $deb ($(du -sm "$deb" | cut -f1) Mo)"
fi
echo "Terminé en $(( $(date +%s) - started )) s."
