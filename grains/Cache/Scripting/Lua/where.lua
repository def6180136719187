-- Raises a library function's error as Lua's C libraries do (luaL_error): prefixed with the script's position when the
-- library function was called from a line of Lua. `depth` counts the frames from here to the library function the
-- script called (1 when that function raises directly). A library function the script tail-called (return
-- cjson.decode(s)) has replaced the script's frame, as a C function would not have: its line is known only in a
-- one-line script.
local getinfo, error = debug.getinfo, error
return function(message, depth)
    local called = 1 + (depth or 1)
    local prefix = ''
    local call = getinfo(called, 't')
    if call and call.istailcall then
        if __redis_one_line then prefix = 'user_script:1: ' end
    else
        local caller = getinfo(called + 1, 'Sl')
        if caller and caller.currentline and caller.currentline > 0 then prefix = caller.short_src .. ':' .. caller.currentline .. ': ' end
    end
    error(prefix .. message, 0)
end
