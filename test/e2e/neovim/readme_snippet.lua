-- Runs in a Neovim started with README.md's snippet as its only configuration (-u), in a
-- workspace with a node's sysctl.d file; records what the snippet gave a user and writes it as
-- JSON to CONNLINT_E2E_RESULT. test/e2e/neovimSnippet.test.ts asserts on it. Waits are vim.wait
-- on a predicate; everything runs inside xpcall and ends with `qall!`, so Neovim never hangs.

local TIMEOUT_MS = 20000
local result = {}

local function write_result()
  local file = assert(io.open(os.getenv('CONNLINT_E2E_RESULT'), 'w'))
  file:write(vim.json.encode(result))
  file:close()
end

local function wait_for(what, predicate)
  if not vim.wait(TIMEOUT_MS, predicate, 20) then error('timed out waiting for ' .. what, 0) end
end

-- What a user sees in a buffer: its filetype, the clients attached, the diagnostics and the keys.
local function observe(path)
  vim.cmd('edit ' .. vim.fn.fnameescape(path))
  local buf = vim.api.nvim_get_current_buf()
  local seen = { filetype = vim.bo[buf].filetype, clients = {}, diagnostics = {}, keys = {} }
  -- A client shows once it has initialized; a buffer nothing attaches to has none, whatever the wait.
  vim.wait(5000, function() return next(vim.lsp.buf_get_clients(buf)) ~= nil end, 20)
  for _, client in pairs(vim.lsp.buf_get_clients(buf)) do table.insert(seen.clients, client.name) end
  if #seen.clients == 0 then return seen end
  wait_for('diagnostics on ' .. path, function() return #vim.diagnostic.get(buf) > 0 end)
  for _, d in ipairs(vim.diagnostic.get(buf)) do
    table.insert(seen.diagnostics, { lnum = d.lnum, col = d.col, end_col = d.end_col, code = d.code, source = d.source, message = d.message })
  end
  for _, lhs in ipairs({ 'K', '<leader>ca', '<leader>e', '[d', ']d' }) do
    seen.keys[lhs] = vim.fn.maparg(lhs, 'n') ~= ''
  end
  return seen
end

local ok, err = xpcall(function()
  result.sysctl_d = observe('node/sysctl.d/60-k8s.conf')
  result.sysctl_conf = observe('sysctl.conf')
  result.yaml = observe('service.yaml')
  for _, client in pairs(vim.lsp.get_active_clients()) do client.stop() end
  wait_for('the language server to stop', function() return #vim.lsp.get_active_clients() == 0 end)
end, debug.traceback)
if not ok then result.error = err end
write_result()
vim.cmd('qall!')
