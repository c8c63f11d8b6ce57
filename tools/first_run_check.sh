#!/usr/bin/env bash
# The README's first command on a fresh clone, under a real X server (Xvfb): the install part
# verbatim, and its last step (`.venv/bin/qk3editor`) started through the test launcher
# (`python -m qk3editor.ui.testing --exit-after-shown`: the same window, which quits once shown).
# The window must be shown on the welcome page of an empty store. Used by .ci/run:
#   tools/first_run_check.sh
# Needs: git, Xvfb, the system packages of the README's Start section, network or a wheel cache.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
xvfb_pid=""
cleanup() {
  if [ -n "$xvfb_pid" ]; then kill "$xvfb_pid" 2>/dev/null || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

git clone -q "$repo" "$work/clone"
if [ -n "$(git -C "$repo" status --porcelain --untracked-files=no)" ]; then
  # uncommitted changes are part of what is checked (a developer's run)
  git -C "$repo" diff HEAD | git -C "$work/clone" apply --allow-empty
fi

display_number=99
while [ -e "/tmp/.X${display_number}-lock" ]; do display_number=$((display_number + 1)); done
Xvfb ":${display_number}" -noreset -screen 0 1366x768x24 >/dev/null 2>&1 &
xvfb_pid=$!
for _ in $(seq 1 100); do
  [ -e "/tmp/.X11-unix/X${display_number}" ] && break
  sleep 0.1
done

cmd=$(sed -n '/<!-- first-command -->/,/<!-- \/first-command -->/p' "$repo/README.md" | grep -v '^<!--' | grep -v '^```')
[ -n "$cmd" ] || { echo "no first command found in README.md" >&2; exit 1; }
echo "+ $cmd"
out="$work/out.txt"
(
  cd "$work/clone"
  unset QT_QPA_PLATFORM WAYLAND_DISPLAY
  export DISPLAY=":${display_number}" QK3EDITOR_HOME="$work/home"
  launch=".venv/bin/python -m qk3editor.ui.testing --exit-after-shown"
  timeout 600 bash -c "set -euo pipefail; ${cmd/.venv\/bin\/qk3editor/$launch}"
) | tee "$out"
grep -q '^shown ' "$out" || { echo "the window was not shown" >&2; exit 1; }
grep -q '^welcome=1$' "$out" || { echo "the welcome page was not shown" >&2; exit 1; }
echo "first run: the window opened on the welcome page"
