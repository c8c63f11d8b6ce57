#!/bin/sh
# Install a qk3editor bundle for the current user on Linux: the folder, the command, the menu
# entry, the icons, the AppStream metainfo and the "Open with" entries for .md/.docx.
#
#   sh install-linux.sh [BUNDLE_DIR]      (default: the qk3editor folder beside this script,
#                                          or dist/qk3editor in a source checkout)
# Uninstall: rm -r ~/.local/share/qk3editor-bundle ~/.local/bin/qk3editor and the files below.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
src=${1:-}
if [ -z "$src" ]; then
  for c in "$here" "$here/qk3editor" "$here/../dist/qk3editor"; do [ -x "$c/qk3editor" ] && src=$c && break; done
fi
[ -n "$src" ] && [ -x "$src/qk3editor" ] || { echo "no bundle found (give its folder)" >&2; exit 1; }
res="$src/_internal/qk3editor/resources"
[ -d "$res" ] || res="$here/../resources"
data=${XDG_DATA_HOME:-$HOME/.local/share}
id=vn.qk3.qk3editor
rm -rf "$data/qk3editor-bundle"
mkdir -p "$data/qk3editor-bundle" "$HOME/.local/bin"
cp -a "$src/." "$data/qk3editor-bundle/"
ln -sf "$data/qk3editor-bundle/qk3editor" "$HOME/.local/bin/qk3editor"
install -Dm644 "$here/$id.desktop" "$data/applications/$id.desktop"
sed -i "s|^Exec=qk3editor|Exec=$HOME/.local/bin/qk3editor|" "$data/applications/$id.desktop"
install -Dm644 "$here/$id.metainfo.xml" "$data/metainfo/$id.metainfo.xml"
for png in "$res"/icons/hicolor/*/apps/qk3editor.png; do
  size=$(basename "$(dirname "$(dirname "$png")")")
  install -Dm644 "$png" "$data/icons/hicolor/$size/apps/$id.png"
done
install -Dm644 "$res/icons/qk3editor.svg" "$data/icons/hicolor/scalable/apps/$id.svg"
command -v update-desktop-database >/dev/null && update-desktop-database "$data/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q -t "$data/icons/hicolor" || true
echo "qk3editor installed: $HOME/.local/bin/qk3editor (menu: Office → qk3editor)"
