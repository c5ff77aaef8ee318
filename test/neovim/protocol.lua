-- The Chokepoint language server driven by Neovim's own LSP client (headless), a client nobody
-- on this project wrote: the Japan example's diagnostics, hover, completion, go to definition into
-- the standard library (and its text), a lens command executed, formatting.
-- Run: nvim --headless -u NONE -i NONE -n -c "luafile test/neovim/protocol.lua"
-- Environment: CHOKEPOINT_SERVER (default out/server.js), CHOKEPOINT_NODE (default node),
-- CHOKEPOINT_NVIM_REPORT (a file for the report lines; default stdout).
local root = vim.fn.getcwd()
local server = os.getenv('CHOKEPOINT_SERVER') or (root .. '/out/server.js')
local node = os.getenv('CHOKEPOINT_NODE') or 'node'
local report_file = os.getenv('CHOKEPOINT_NVIM_REPORT')
local lines, failures = {}, 0

local function say(line) table.insert(lines, line) end
local function check(name, ok, detail)
  if ok then say('ok ' .. name) else failures = failures + 1; say('FAIL ' .. name .. (detail and (': ' .. detail) or '')) end
end
local function finish()
  local text = table.concat(lines, '\n') .. '\n'
  if report_file then local f = io.open(report_file, 'w'); f:write(text); f:close() else io.stdout:write(text) end
  vim.cmd(failures == 0 and 'qall!' or 'cquit! 1')
end

local ok, err = pcall(function()
  local diagnostics_seen = {}
  local id = vim.lsp.start_client({
    name = 'chokepoint',
    cmd = { node, server, '--stdio' },
    root_dir = root .. '/examples/japan-2026',
    handlers = {
      ['textDocument/publishDiagnostics'] = function(e, result, ctx, config)
        diagnostics_seen[result.uri] = result.diagnostics
        return vim.lsp.diagnostic.on_publish_diagnostics(e, result, ctx, config)
      end,
      -- A lens command's message.
      ['window/showMessage'] = function(_, result) say('message ' .. result.message) end,
    },
  })
  check('the server starts', id ~= nil)
  local file = root .. '/examples/japan-2026/japan.choke'
  vim.cmd('edit ' .. vim.fn.fnameescape(file))
  vim.bo.filetype = 'chokepoint'
  local buf = vim.api.nvim_get_current_buf()
  vim.lsp.buf_attach_client(buf, id)
  local client = vim.lsp.get_client_by_id(id)
  check('initialized', vim.wait(20000, function() return client.initialized end, 50))
  local uri = vim.uri_from_bufnr(buf)

  -- Diagnostics: published for the file (the example has no error).
  check('diagnostics published', vim.wait(20000, function() return diagnostics_seen[uri] ~= nil end, 50))
  local errors = 0
  for _, d in ipairs(diagnostics_seen[uri] or {}) do if d.severity == 1 then errors = errors + 1 end end
  check('no error in the Japan example', errors == 0, errors .. ' errors')

  -- Line 19 (0-based 18): `consumer Automotive "Automotive and EV" in Japan {`
  local line = vim.api.nvim_buf_get_lines(buf, 18, 19, false)[1]
  -- Inside the word (0-based character one past its first letter), or at its start.
  local function at(word) return { textDocument = { uri = uri }, position = { line = 18, character = line:find(word, 1, true) } } end
  local function before(word) return { textDocument = { uri = uri }, position = { line = 18, character = line:find(word, 1, true) - 1 } } end

  local function hover_text()
    local hover = client.request_sync('textDocument/hover', at('Automotive'), 20000, buf)
    return hover and hover.result and hover.result.contents and hover.result.contents.value or ''
  end
  -- The hover never waits for the simulation: the declaration at once, the metrics once the run is done.
  local value = hover_text()
  check('hover on a consumer shows its declaration at once', value:find('consumer Automotive', 1, true) ~= nil, value:sub(1, 200))
  vim.wait(20000, function()
    value = hover_text()
    return value:find('Simulation', 1, true) ~= nil
  end, 100)
  check('hover on a consumer shows its metrics after the run', value:find('consumer Automotive', 1, true) ~= nil and value:find('Simulation', 1, true) ~= nil, value:sub(1, 200))

  local completion = client.request_sync('textDocument/completion', before('Japan'), 20000, buf)
  local items = completion and completion.result and (completion.result.items or completion.result) or {}
  local labels = {}
  for _, item in ipairs(items) do labels[item.label] = true end
  check('completion after `in` offers regions', labels['Japan'] == true and labels['China'] == true, #items .. ' items')

  local definition = client.request_sync('textDocument/definition', at('Japan'), 20000, buf)
  local location = definition and definition.result and (definition.result[1] or definition.result) or {}
  local target = location.uri or location.targetUri or ''
  -- Neovim 0.7 has no virtual documents (workspace/textDocumentContent): the server points it at the
  -- library's file in the installed package, which it opens like any file.
  check('go to definition of Japan lands in the standard library file', target:match('^file://.*/stdlib%.choke$') ~= nil, target)
  local library_buf = vim.uri_to_bufnr(target)
  vim.fn.bufload(library_buf)
  local library = table.concat(vim.api.nvim_buf_get_lines(library_buf, 0, -1, false), '\n')
  local range = location.range or location.targetSelectionRange
  local declared = range and vim.api.nvim_buf_get_lines(library_buf, range.start.line, range.start.line + 1, false)[1] or ''
  check('that file holds the library, the definition on its line', library:find('region Japan', 1, true) ~= nil and declared:find('Japan', 1, true) ~= nil, declared)
  local content = client.request_sync('workspace/textDocumentContent', { uri = 'chokepoint-lib:///stdlib.choke' }, 20000, buf)
  check('the library text is also served for its virtual URI', content and content.result and content.result.text == library .. '\n' or false)

  local lenses = client.request_sync('textDocument/codeLens', { textDocument = { uri = uri } }, 20000, buf)
  local details
  for _, lens in ipairs(lenses and lenses.result or {}) do
    if lens.command and lens.command.command == 'chokepoint.server.showDetails' and lens.command.arguments[2] == 'Automotive' then details = lens end
  end
  check('a consumer lens with a server command', details ~= nil and details.command.title:find('HHI', 1, true) ~= nil)
  if details then
    local executed = client.request_sync('workspace/executeCommand', { command = details.command.command, arguments = details.command.arguments }, 20000, buf)
    local markdown = executed and executed.result or ''
    check('executing the lens command answers the metrics', type(markdown) == 'string' and markdown:find('| baseline |', 1, true) ~= nil, vim.inspect(executed):sub(1, 200))
  end

  local formatting = client.request_sync('textDocument/formatting', { textDocument = { uri = uri }, options = { tabSize = 2, insertSpaces = true } }, 20000, buf)
  check('formatting answers edits', formatting ~= nil and formatting.err == nil and type(formatting.result) == 'table')
  vim.lsp.util.apply_text_edits(formatting and formatting.result or {}, buf, 'utf-16')
  -- Once applied (Neovim sends the change), formatting again changes nothing: idempotent.
  vim.wait(300)
  local again = client.request_sync('textDocument/formatting', { textDocument = { uri = uri }, options = { tabSize = 2, insertSpaces = true } }, 20000, buf)
  check('formatting the formatted text changes nothing', again ~= nil and again.result ~= nil and #again.result == 0, again and vim.inspect(again.result):sub(1, 200))

  client.stop()
end)
if not ok then check('no Lua error', false, tostring(err)) end
finish()
