#!/usr/bin/env bash
# End to end with a real editor: headless Neovim starts `storyline server`,
# opens a resume whose buffer (not the file on disk) has a weak opener, and
# waits for the server's diagnostics; fails unless O001 arrives on the
# right line. Installs Debian's neovim with apt-get when missing. Uses the
# binary given as $1, else target/release or target/debug (built if
# neither exists). Not part of `cargo test`.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

if ! command -v nvim >/dev/null; then
  echo "installing neovim with apt-get" >&2
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends neovim >/dev/null
fi

bin=${1:-}
if [ -z "$bin" ]; then
  for b in target/release/storyline target/debug/storyline; do
    if [ -x "$b" ]; then bin=$b; break; fi
  done
fi
if [ -z "$bin" ]; then
  cargo build -q
  bin=target/debug/storyline
fi
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")

# On disk the resume is clean; the editor's buffer gets the weak bullet.
printf 'today = "2026-06"\n' >"$scratch/storyline.toml"
cat >"$scratch/resume.md" <<'MD'
# Noor Calloway

ML Engineer

## Experience

### ML Engineer, Quarry Analytics (2022 – Present)

- Cut model training cost by 35% across 8 teams
MD

cat >"$scratch/test.lua" <<'LUA'
local bin, file = os.getenv('STORYLINE_BIN'), os.getenv('RESUME')
local function die(msg)
  io.stderr:write('FAIL: ' .. msg .. '\n')
  vim.cmd('cquit 1')
end
vim.cmd('edit ' .. vim.fn.fnameescape(file))
local buf = vim.api.nvim_get_current_buf()
-- Line 10 (0-based 9), only in the buffer.
vim.api.nvim_buf_set_lines(buf, -1, -1, false, { '- Helped the platform team adopt the feature store' })
local id = vim.lsp.start_client({
  name = 'storyline',
  cmd = { bin, 'server' },
  root_dir = vim.fn.fnamemodify(file, ':h'),
})
if not id then die('the server did not start') end
vim.lsp.buf_attach_client(buf, id)
local got = vim.wait(30000, function() return #vim.diagnostic.get(buf) > 0 end, 100)
if not got then die('no diagnostics arrived within 30 s') end
local found = false
for _, d in ipairs(vim.diagnostic.get(buf)) do
  local code = d.code or (d.user_data and d.user_data.lsp and d.user_data.lsp.code)
  io.stdout:write(string.format('%s %d:%d %s\n', tostring(code), d.lnum + 1, d.col + 1, d.message))
  if code == 'O001' and d.lnum == 9 then found = true end
end
if not found then die('no O001 on line 10') end
vim.lsp.stop_client(id)
vim.cmd('qall!')
LUA

STORYLINE_BIN=$bin RESUME=$scratch/resume.md \
  timeout 60 nvim --headless -u NONE -i NONE -n -c "luafile $scratch/test.lua" >"$scratch/out" 2>&1 ||
  { cat "$scratch/out" >&2; fail "neovim did not see the expected diagnostics"; }
cat "$scratch/out"
echo "ok: neovim received storyline's diagnostics"
