#!/usr/bin/env bash
# Installs the built bundle for the current user: app in ~/.local/lib/commarch, `commarch` on ~/.local/bin,
# menu entry, icons, AppStream metadata and the .comm MIME type (double-click opens commarch). No root needed.
# Usage: packaging/linux/install.sh [BUNDLE_DIR]      (default: dist/commarch, built by packaging/build.sh)
#        packaging/linux/install.sh --uninstall
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
PACKAGING=$(dirname "$HERE")
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
APPDIR=$HOME/.local/lib/commarch
BINDIR=$HOME/.local/bin
MIME_TYPE=application/x-commarch
DESKTOP_ID=commarch.desktop

have() { command -v "$1" >/dev/null 2>&1; }

refresh_caches() {
  # each tool is optional: without it the desktop picks the files up at its next scan
  if have update-mime-database; then update-mime-database "$DATA/mime" >/dev/null 2>&1 || true; fi
  if have update-desktop-database; then update-desktop-database "$DATA/applications" >/dev/null 2>&1 || true; fi
  if have gtk-update-icon-cache && [ -f "$DATA/icons/hicolor/index.theme" ]; then
    gtk-update-icon-cache -q -t "$DATA/icons/hicolor" >/dev/null 2>&1 || true
  fi
}

icon_targets() {  # "source destination" pairs, shared by install and uninstall
  for png in "$PACKAGING"/icons/png/commarch-*.png; do
    size=$(basename "$png" .png); size=${size#commarch-}
    for name in apps/commarch mimetypes/application-x-commarch; do
      echo "$png $DATA/icons/hicolor/${size}x${size}/$name.png"
    done
  done
  for name in apps/commarch mimetypes/application-x-commarch; do
    echo "$PACKAGING/icons/commarch.svg $DATA/icons/hicolor/scalable/$name.svg"
  done
}

if [ "${1:-}" = "--uninstall" ]; then
  if have xdg-mime; then XDG_DATA_HOME=$DATA xdg-mime uninstall --mode user "$HERE/commarch-mime.xml" >/dev/null 2>&1 || true; fi
  if have xdg-desktop-menu; then
    XDG_DATA_HOME=$DATA xdg-desktop-menu uninstall --mode user "$DESKTOP_ID" >/dev/null 2>&1 || true
  fi
  rm -f "$DATA/mime/packages/commarch-mime.xml" "$DATA/applications/$DESKTOP_ID" \
    "$DATA/metainfo/io.commarch.commarch.metainfo.xml"
  icon_targets | while read -r _src dest; do rm -f "$dest"; done
  if [ -L "$BINDIR/commarch" ]; then rm -f "$BINDIR/commarch"; fi
  mimeapps=${XDG_CONFIG_HOME:-$HOME/.config}/mimeapps.list
  if [ -f "$mimeapps" ]; then sed -i "\|^$MIME_TYPE=$DESKTOP_ID\$|d" "$mimeapps"; fi
  rm -rf "$APPDIR"
  refresh_caches
  echo "install.sh: commarch removed"
  exit 0
fi

BUNDLE=${1:-$(dirname "$PACKAGING")/dist/commarch}
if [ ! -x "$BUNDLE/commarch" ]; then
  echo "install.sh: $BUNDLE/commarch not found; run packaging/build.sh first" >&2
  exit 2
fi

# the app itself: replace a previous install whole, so no stale library survives an update
mkdir -p "$(dirname "$APPDIR")" "$BINDIR"
rm -rf "$APPDIR.new"
cp -a "$BUNDLE" "$APPDIR.new"
rm -rf "$APPDIR"
mv "$APPDIR.new" "$APPDIR"
ln -sfn "$APPDIR/commarch" "$BINDIR/commarch"

# icons: the app and the .comm document icon share one drawing
icon_targets | while read -r src dest; do install -D -m 0644 "$src" "$dest"; done

# menu entry: an absolute Exec, because a desktop session's PATH often lacks ~/.local/bin
staging=$(mktemp -d)
trap 'rm -rf "$staging"' EXIT
sed -e "s|^Exec=commarch |Exec=$APPDIR/commarch |" -e "s|^TryExec=commarch$|TryExec=$APPDIR/commarch|" \
  "$HERE/$DESKTOP_ID" > "$staging/$DESKTOP_ID"
if have xdg-desktop-menu; then
  XDG_DATA_HOME=$DATA xdg-desktop-menu install --mode user --novendor "$staging/$DESKTOP_ID"
else
  install -D -m 0644 "$staging/$DESKTOP_ID" "$DATA/applications/$DESKTOP_ID"
fi
install -D -m 0644 "$HERE/io.commarch.commarch.metainfo.xml" "$DATA/metainfo/io.commarch.commarch.metainfo.xml"

# the MIME type: xdg-mime when present (it also refreshes the database), else by hand
if have xdg-mime; then
  XDG_DATA_HOME=$DATA xdg-mime install --mode user "$HERE/commarch-mime.xml"
else
  install -D -m 0644 "$HERE/commarch-mime.xml" "$DATA/mime/packages/commarch-mime.xml"
fi
refresh_caches
# double-click on a .comm file opens commarch
if have xdg-mime; then XDG_DATA_HOME=$DATA xdg-mime default "$DESKTOP_ID" "$MIME_TYPE" || true; fi

echo "install.sh: $("$APPDIR/commarch" --version) installed in $APPDIR"
case ":$PATH:" in
  *":$BINDIR:"*) ;;
  *) echo "install.sh: add $BINDIR to PATH to run \`commarch\` from a terminal" ;;
esac
