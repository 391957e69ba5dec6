-- Drives Connlint's language server from a real Neovim (0.7 or later, headless) and writes what
-- it observed to a JSON file; test/e2e/neovim.test.ts asserts on that file.
--
-- Environment:
--   CONNLINT_E2E_NODE       the node executable
--   CONNLINT_E2E_SERVER     server/bin/connlint-language-server.js
--   CONNLINT_E2E_WORKSPACE  the workspace folder, holding deploy.yaml and service.yaml
--   CONNLINT_E2E_RESULT     where to write the JSON result
--
-- Everything runs inside xpcall and ends with `qall!` (success) or `cquit 1` (failure): an error
-- escaping to the top level would leave headless Neovim running. Waits are vim.wait on a
-- predicate, never a fixed sleep. Steps 3 and 4 (hover, code action) record their own failure
-- and let the run go on, so one missing feature does not hide the others.

-- Each wait gives up after STEP_TIMEOUT_MS, and all of them together after TOTAL_TIMEOUT_MS: the
-- result is written well before the test's outer timeout (60 s) kills Neovim.
local STEP_TIMEOUT_MS = 15000
local TOTAL_TIMEOUT_MS = 40000
local deadline = vim.loop.hrtime() / 1e6 + TOTAL_TIMEOUT_MS

local function timeout_ms()
  return math.max(0, math.min(STEP_TIMEOUT_MS, math.floor(deadline - vim.loop.hrtime() / 1e6)))
end

local env = {}
for _, name in ipairs({ 'CONNLINT_E2E_NODE', 'CONNLINT_E2E_SERVER', 'CONNLINT_E2E_WORKSPACE', 'CONNLINT_E2E_RESULT' }) do
  env[name] = os.getenv(name)
end

local result = { nvim = vim.version(), steps = {} }

local function write_result()
  local file = assert(io.open(env.CONNLINT_E2E_RESULT, 'w'))
  file:write(vim.json.encode(result))
  file:close()
end

local function wait_for(what, predicate)
  local ms = timeout_ms()
  if not vim.wait(ms, predicate, 20) then
    error('timed out after ' .. ms .. ' ms waiting for ' .. what, 0)
  end
end

local function buffer_text(bufnr)
  return table.concat(vim.api.nvim_buf_get_lines(bufnr, 0, -1, true), '\n') .. '\n'
end

-- The diagnostics as Neovim holds them (vim.diagnostic: 0-based lines, byte columns), plus the
-- start column converted back to UTF-16 with Neovim's own vim.str_utfindex.
local function vim_diagnostics(bufnr)
  local out = {}
  for _, d in ipairs(vim.diagnostic.get(bufnr)) do
    local line = vim.api.nvim_buf_get_lines(bufnr, d.lnum, d.lnum + 1, true)[1]
    local _, utf16_col = vim.str_utfindex(line, d.col)
    local _, utf16_end_col = vim.str_utfindex(vim.api.nvim_buf_get_lines(bufnr, d.end_lnum, d.end_lnum + 1, true)[1], d.end_col)
    table.insert(out, {
      lnum = d.lnum,
      col = d.col,
      end_lnum = d.end_lnum,
      end_col = d.end_col,
      utf16_col = utf16_col,
      utf16_end_col = utf16_end_col,
      severity = vim.diagnostic.severity[d.severity],
      source = d.source,
      code = d.code,
      message = d.message,
    })
  end
  return out
end

local function main()
  for _, name in ipairs({ 'CONNLINT_E2E_NODE', 'CONNLINT_E2E_SERVER', 'CONNLINT_E2E_WORKSPACE', 'CONNLINT_E2E_RESULT' }) do
    if env[name] == nil or env[name] == '' then error(name .. ' is not set', 0) end
  end
  local workspace = env.CONNLINT_E2E_WORKSPACE
  local service_path = workspace .. '/service.yaml'
  local deploy_path = workspace .. '/deploy.yaml'
  local service_uri = vim.uri_from_fname(service_path)

  -- The diagnostics exactly as the server published them, by URI, and how many arrived.
  local published = {}
  local publish_count = 0
  local default_publish = vim.lsp.handlers['textDocument/publishDiagnostics']
  local initialized = false
  local exit_code

  local client_id = vim.lsp.start_client({
    name = 'connlint',
    cmd = { env.CONNLINT_E2E_NODE, env.CONNLINT_E2E_SERVER, '--stdio' },
    root_dir = workspace,
    workspace_folders = { { uri = vim.uri_from_fname(workspace), name = 'e2e' } },
    handlers = {
      ['textDocument/publishDiagnostics'] = function(err, params, ctx, config)
        published[params.uri] = params.diagnostics
        publish_count = publish_count + 1
        return default_publish(err, params, ctx, config)
      end,
    },
    on_init = function() initialized = true end,
    on_exit = function(code) exit_code = code end,
  })
  if not client_id then error('vim.lsp.start_client failed', 0) end
  wait_for('the server to initialize', function() return initialized or exit_code ~= nil end)
  if not initialized then error('the server exited with code ' .. exit_code .. ' before initializing', 0) end
  local client = vim.lsp.get_client_by_id(client_id)
  result.offset_encoding = client.offset_encoding
  result.server_capabilities = {
    hover = client.server_capabilities.hoverProvider and true or false,
    code_action = client.server_capabilities.codeActionProvider and true or false,
  }

  -- 1. Opening service.yaml shows the cross-file service-affinity warning.
  vim.cmd('edit ' .. vim.fn.fnameescape(service_path))
  local service_buf = vim.api.nvim_get_current_buf()
  vim.bo[service_buf].filetype = 'yaml'
  vim.lsp.buf_attach_client(service_buf, client_id)
  wait_for('a diagnostic on service.yaml', function() return #vim.diagnostic.get(service_buf) > 0 end)
  local first = published[service_uri][1]
  result.steps.open = {
    published = published[service_uri],
    vim = vim_diagnostics(service_buf),
  }

  -- 2. One replica in deploy.yaml's unsaved buffer clears the Service's warning; two restore it.
  vim.cmd('edit ' .. vim.fn.fnameescape(deploy_path))
  local deploy_buf = vim.api.nvim_get_current_buf()
  vim.bo[deploy_buf].filetype = 'yaml'
  vim.lsp.buf_attach_client(deploy_buf, client_id)
  local replicas_line
  for i, line in ipairs(vim.api.nvim_buf_get_lines(deploy_buf, 0, -1, true)) do
    if line == '  replicas: 2' then replicas_line = i - 1 end
  end
  if not replicas_line then error('deploy.yaml has no "  replicas: 2" line', 0) end
  vim.api.nvim_buf_set_lines(deploy_buf, replicas_line, replicas_line + 1, true, { '  replicas: 1' })
  wait_for('service.yaml to lose its diagnostic', function()
    return #vim.diagnostic.get(service_buf) == 0 and published[service_uri] ~= nil and #published[service_uri] == 0
  end)
  local cleared = { vim = #vim.diagnostic.get(service_buf), published = #published[service_uri] }
  vim.api.nvim_buf_set_lines(deploy_buf, replicas_line, replicas_line + 1, true, { '  replicas: 2' })
  wait_for('service.yaml to get its diagnostic back', function() return #vim.diagnostic.get(service_buf) > 0 end)
  result.steps.edit = {
    cleared = cleared,
    restored = { published = published[service_uri], vim = vim_diagnostics(service_buf) },
    deploy_modified = vim.bo[deploy_buf].modified,
  }
  first = published[service_uri][1]

  -- The cursor on the Service's name, found in the buffer; Neovim converts it to the position it sends.
  vim.api.nvim_set_current_buf(service_buf)
  local name_line = first.range.start.line
  local name_byte = vim.api.nvim_buf_get_lines(service_buf, name_line, name_line + 1, true)[1]:find('myservice', 1, true) - 1
  vim.api.nvim_win_set_cursor(0, { name_line + 1, name_byte })

  -- 3. Hover on the Service's name names its backends.
  local ok, err = pcall(function()
    local params = vim.lsp.util.make_position_params(0, client.offset_encoding)
    result.steps.hover = { position = params.position }
    local response = client.request_sync('textDocument/hover', params, timeout_ms(), service_buf)
    if response == nil then error('no response to textDocument/hover', 0) end
    result.steps.hover.error_response = response.err
    result.steps.hover.response = response.result
  end)
  if not ok then result.steps.hover = vim.tbl_extend('force', result.steps.hover or {}, { error = tostring(err) }) end

  -- What `vim.lsp.buf.code_action()` itself would send with the cursor on the name: the range
  -- from the cursor, and the line's diagnostics from vim.diagnostic (in Neovim 0.7 their columns
  -- are the buffer's byte columns, not UTF-16). Only the titles offered are recorded.
  ok, err = pcall(function()
    local params = vim.lsp.util.make_range_params(0, client.offset_encoding)
    params.context = { diagnostics = vim.lsp.diagnostic.get_line_diagnostics(service_buf, name_line) }
    result.steps.builtin_code_action = { context_range = params.context.diagnostics[1] and params.context.diagnostics[1].range }
    local response = client.request_sync('textDocument/codeAction', params, timeout_ms(), service_buf)
    if response == nil then error('no response to textDocument/codeAction', 0) end
    result.steps.builtin_code_action.titles = vim.tbl_map(function(action) return action.title end, response.result or {})
  end)
  if not ok then result.steps.builtin_code_action = vim.tbl_extend('force', result.steps.builtin_code_action or {}, { error = tostring(err) }) end

  -- 4. The quick fix adds ClientIP affinity to the Service; applied, it clears the warning.
  ok, err = pcall(function()
    local step = {}
    result.steps.code_action = step
    local params = {
      textDocument = vim.lsp.util.make_text_document_params(service_buf),
      range = first.range,
      context = { diagnostics = { first } },
    }
    local response = client.request_sync('textDocument/codeAction', params, timeout_ms(), service_buf)
    if response == nil then error('no response to textDocument/codeAction', 0) end
    if response.err then step.error_response = response.err; error('textDocument/codeAction failed', 0) end
    step.actions = {}
    local chosen
    for _, action in ipairs(response.result or {}) do
      table.insert(step.actions, { title = action.title, kind = action.kind, has_edit = action.edit ~= nil })
      -- The title goes on to name the affinity's costs: match its start.
      if vim.startswith(action.title, 'Add sessionAffinity: ClientIP') then chosen = action end
    end
    if not chosen then error('no action titled "Add sessionAffinity: ClientIP …"', 0) end
    if not chosen.edit then error('the action carries no edit', 0) end
    step.edit_fields = vim.tbl_keys(chosen.edit)
    vim.lsp.util.apply_workspace_edit(chosen.edit, client.offset_encoding)
    step.text = buffer_text(service_buf)
    step.modified = vim.bo[service_buf].modified
    wait_for('the fixed service.yaml to lose its diagnostic', function()
      return #vim.diagnostic.get(service_buf) == 0 and #published[service_uri] == 0
    end)
    step.after = { vim = #vim.diagnostic.get(service_buf), published = #published[service_uri] }
  end)
  if not ok then result.steps.code_action = vim.tbl_extend('force', result.steps.code_action or {}, { error = tostring(err) }) end

  -- Shutdown and exit: the server ends cleanly.
  client.stop()
  wait_for('the server to exit', function() return exit_code ~= nil end)
  result.exit_code = exit_code
  result.publish_count = publish_count
end

local ok, err = xpcall(main, debug.traceback)
if not ok then result.error = tostring(err) end
local written, write_err = pcall(write_result)
if ok and written then
  vim.cmd('qall!')
else
  if not written then io.stderr:write('cannot write the result: ' .. tostring(write_err) .. '\n') end
  if not ok then io.stderr:write(tostring(err) .. '\n') end
  vim.cmd('cquit 1')
end
