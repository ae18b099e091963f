#!/usr/bin/env bash
# A terminal capture of the findings in an editor: Neovim (Debian's, its
# built-in LSP client) runs in a detached tmux session with `storyline
# server` on the bundled example resume, shows the findings as virtual
# text, then opens the code actions of the "Helped migrate" bullet; the
# pane is saved as docs/editor-capture.txt. Installs neovim and tmux with
# apt-get when missing. Uses the binary given as $1, else target/eval or
# target/release. Not part of `cargo test`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scratch=$(mktemp -d)
session=storyline-capture-$$
trap 'tmux kill-session -t "$session" 2>/dev/null || true; rm -rf "$scratch"' EXIT

if ! command -v nvim >/dev/null || ! command -v tmux >/dev/null; then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends neovim tmux >/dev/null
fi

bin=${1:-}
if [ -z "$bin" ]; then
  for b in target/eval/storyline target/release/storyline; do
    if [ -x "$b" ]; then bin=$b; break; fi
  done
fi
[ -n "$bin" ] || { echo "build storyline first (cargo build --profile eval)" >&2; exit 1; }
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

# A fixed "today", so that the capture does not change with the date.
printf 'today = "2026-11"\n' >"$scratch/storyline.toml"
cp fixtures/example/resume.md "$scratch/resume.md"

cat >"$scratch/init.lua" <<'LUA'
vim.o.wrap = false
vim.o.number = true
vim.o.laststatus = 0
vim.o.ruler = false
vim.o.showmode = false
vim.diagnostic.config({ virtual_text = { prefix = '■' }, signs = true, severity_sort = true })
local buf = vim.api.nvim_get_current_buf()
local id = vim.lsp.start_client({
  name = 'storyline',
  cmd = { os.getenv('STORYLINE_BIN'), 'server' },
  root_dir = vim.fn.expand('%:p:h'),
})
vim.lsp.buf_attach_client(buf, id)
vim.wait(20000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
-- The "Helped migrate" bullet, scrolled into view with its neighbours.
vim.cmd('normal! 12Gzt')
vim.api.nvim_win_set_cursor(0, { 22, 2 })
vim.defer_fn(function() vim.lsp.buf.code_action() end, 500)
LUA

tmux new-session -d -s "$session" -x 150 -y 34 \
  "cd '$scratch' && STORYLINE_BIN='$bin' nvim -u NONE -i NONE -n -c 'luafile $scratch/init.lua' resume.md"
sleep 6
mkdir -p docs
tmux capture-pane -p -t "$session" | sed -e 's/[[:space:]]*$//' >docs/editor-capture.txt
grep -q "Code actions" docs/editor-capture.txt ||
  { cat docs/editor-capture.txt >&2; echo "FAIL: no code actions in the capture" >&2; exit 1; }
echo "wrote docs/editor-capture.txt"
