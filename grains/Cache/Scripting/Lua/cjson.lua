-- cjson as Redis provides it (lua-cjson 2.1 with its defaults): encode and decode, with the same output, limits and
-- error messages. Errors raised inside are tables ({ cjson = message }) so that the public functions can raise the
-- message once, positioned at the script's line that called them.
local type, pairs, tostring, tonumber, error, pcall, setmetatable = type, pairs, tostring, tonumber, error, pcall, setmetatable
local format, byte, char, sub, find, gsub, lower = string.format, string.byte, string.char, string.sub, string.find, string.gsub, string.lower
local concat, floor, huge, tointeger, utf8char = table.concat, math.floor, math.huge, math.tointeger, utf8.char
local null, raise = ...

local escapes = { ['"'] = '\\"', ['\\'] = '\\\\', ['/'] = '\\/', ['\b'] = '\\b', ['\f'] = '\\f', ['\n'] = '\\n', ['\r'] = '\\r', ['\t'] = '\\t' }
for c = 0, 31 do escapes[char(c)] = escapes[char(c)] or format('\\u%04x', c) end
escapes['\127'] = '\\u007f'

local function fail(message) error({ cjson = message }, 0) end

local function public(name, body, arity)
    return function(...)
        if arity and select('#', ...) ~= arity then
            raise(format("bad argument #1 to '%s' (expected %d argument%s)", name, arity, arity == 1 and '' or 's'))
        end
        local ok, result = pcall(body, ...)
        if ok then return result end
        if type(result) == 'table' and result.cjson then raise(result.cjson) end
        error(result, 0)
    end
end

local function new()
    local config = {
        sparse_convert = false, sparse_ratio = 2, sparse_safe = 10,
        encode_max_depth = 1000, decode_max_depth = 1000, precision = 14,
        encode_invalid = false, decode_invalid = true, keep_buffer = true,
    }
    local cjson = { _NAME = 'cjson', _VERSION = '2.1.0', null = null }

    local function number_text(n)
        if n ~= n or n == huge or n == -huge then
            if config.encode_invalid == 'null' then return 'null' end
            if not config.encode_invalid then fail('Cannot serialise number: must not be NaN or Inf') end
            if n ~= n then return 'nan' end
            return n > 0 and 'inf' or '-inf'
        end
        return format('%.' .. config.precision .. 'g', n)
    end

    -- The array length of a table, or -1 when it is an object (a key that is not a positive integer).
    local function array_length(t)
        local max, items = 0, 0
        for k in pairs(t) do
            if type(k) ~= 'number' or k < 1 or floor(k) ~= k then return -1 end
            if k > max then max = k end
            items = items + 1
        end
        if config.sparse_ratio > 0 and max > items * config.sparse_ratio and max > config.sparse_safe then
            if config.sparse_convert then return -1 end
            fail('Cannot serialise table: excessively sparse array')
        end
        return max
    end

    local encode_value

    local function encode_table(t, depth, out)
        depth = depth + 1
        if depth > config.encode_max_depth then fail(format('Cannot serialise, excessive nesting (%d)', depth)) end
        local length = array_length(t)
        if length > 0 then
            out[#out + 1] = '['
            for i = 1, length do
                if i > 1 then out[#out + 1] = ',' end
                encode_value(t[i], depth, out)
            end
            out[#out + 1] = ']'
            return
        end
        out[#out + 1] = '{'
        local first = true
        for k, v in pairs(t) do
            local kt = type(k)
            if kt == 'string' then
                out[#out + 1] = (first and '"' or ',"') .. gsub(k, '[%c"\\/]', escapes) .. '":'
            elseif kt == 'number' then
                out[#out + 1] = (first and '"' or ',"') .. number_text(k) .. '":'
            else
                fail(format('Cannot serialise %s: table key must be a number or string', kt))
            end
            first = false
            encode_value(v, depth, out)
        end
        out[#out + 1] = '}'
    end

    encode_value = function(v, depth, out)
        local t = type(v)
        if t == 'string' then
            out[#out + 1] = '"' .. gsub(v, '[%c"\\/]', escapes) .. '"'
        elseif t == 'number' then
            out[#out + 1] = number_text(v)
        elseif t == 'boolean' then
            out[#out + 1] = v and 'true' or 'false'
        elseif t == 'nil' or v == null then
            out[#out + 1] = 'null'
        elseif t == 'table' then
            encode_table(v, depth, out)
        else
            fail(format('Cannot serialise %s: type not supported', t))
        end
    end

    cjson.encode = public('encode', function(v)
        local out = {}
        encode_value(v, 0, out)
        return concat(out)
    end, 1)

    -- Decoding: a tokenizer over the text (positions are 1-based, as the messages count characters) and a parser
    -- that asks for tokens as lua-cjson's does, so that the same input fails with the same message.
    local single = { ['{'] = 'T_OBJ_BEGIN', ['}'] = 'T_OBJ_END', ['['] = 'T_ARR_BEGIN', [']'] = 'T_ARR_END', [','] = 'T_COMMA', [':'] = 'T_COLON' }
    local unknown = { f = true, i = true, I = true, n = true, N = true, t = true, ['"'] = true, ['+'] = true, ['-'] = true }
    for d = 0, 9 do unknown[tostring(d)] = true end
    local unescape = { ['"'] = '"', ['\\'] = '\\', ['/'] = '/', b = '\b', f = '\f', n = '\n', r = '\r', t = '\t' }

    local function invalid_number(text, at)
        local c = sub(text, at, at)
        if c == '+' then return true end
        if c == '-' then at = at + 1; c = sub(text, at, at) end
        if c == '0' then
            local c2 = sub(text, at + 1, at + 1)
            return lower(c2) == 'x' or find(c2, '^%d') ~= nil
        elseif c ~= '' and byte(c) <= 57 then
            return false
        end
        local word = lower(sub(text, at, at + 2))
        return word == 'inf' or word == 'nan'
    end

    -- strtod's reading of a number at a position: its value and the position after it, or nil when none.
    local function strtod(text, at)
        local sign, rest = text:match('^([+-]?)()', at)
        local hex, after = text:match('^0[xX](%x+)()', rest)
        local value
        if hex then
            value = tonumber(hex, 16)
        else
            local word = lower(sub(text, rest, rest + 7))
            if sub(word, 1, 8) == 'infinity' then value, after = huge, rest + 8
            elseif sub(word, 1, 3) == 'inf' then value, after = huge, rest + 3
            elseif sub(word, 1, 3) == 'nan' then value, after = 0 / 0, rest + 3
            else
                local digits, e = text:match('^(%d*%.?%d*)()', rest)
                if digits == '' or digits == '.' then return nil end
                local exponent, e2 = text:match('^([eE][+-]?%d+)()', e)
                if exponent then digits, e = digits .. exponent, e2 end
                value, after = tonumber(digits), e
            end
        end
        if sign == '-' then value = -value end
        if value == floor(value) and value >= -2 ^ 53 and value <= 2 ^ 53 then value = tointeger(value) or value end
        return value, after
    end

    local function hex4(text, at)
        local digits = sub(text, at, at + 3)
        if #digits < 4 or not find(digits, '^%x%x%x%x$') then return nil end
        return tonumber(digits, 16)
    end

    -- Reads a string token whose opening quote is at `at`: its text and the position after it, or nil, the error and
    -- the position it names.
    local function read_string(text, at)
        local parts, p, n = {}, at + 1, #text
        while true do
            local stop = find(text, '["\\%z]', p)
            if not stop then return nil, 'unexpected end of string', n + 1 end
            parts[#parts + 1] = sub(text, p, stop - 1)
            local c = sub(text, stop, stop)
            if c == '"' then return concat(parts), stop + 1 end
            if c == '\0' then return nil, 'unexpected end of string', stop end
            local e = sub(text, stop + 1, stop + 1)
            if e == 'u' then
                local code = hex4(text, stop + 2)
                local length = 6
                if code and code & 0xF800 == 0xD800 then
                    local low = (code & 0x400) == 0 and sub(text, stop + 6, stop + 7) == '\\u' and hex4(text, stop + 8)
                    if low and low & 0xFC00 == 0xDC00 then
                        code, length = (((code & 0x3FF) << 10) | (low & 0x3FF)) + 0x10000, 12
                    else
                        code = nil
                    end
                end
                if not code then return nil, 'invalid unicode escape code', stop end
                parts[#parts + 1] = utf8char(code)
                p = stop + length
            else
                local u = unescape[e]
                if not u then return nil, 'invalid escape code', stop end
                parts[#parts + 1] = u
                p = stop + 2
            end
        end
    end

    local function decoder(text)
        local pos, n, depth = 1, #text, 0
        local zero = find(text, '%z')
        if zero then n = zero - 1 end
        local function next_token()
            pos = find(text, '[^ \t\n\r]', pos) or n + 1
            if pos > n then return 'T_END', nil, pos end
            local at = pos
            local c = sub(text, at, at)
            local s = single[c]
            if s then
                pos = at + 1
                return s, nil, at
            end
            if not unknown[c] then return 'T_ERROR', 'invalid token', at end
            if c == '"' then
                local value, after, where = read_string(text, at)
                if value == nil then return 'T_ERROR', after, where end
                pos = after
                return 'T_STRING', value, at
            end
            if c == '-' or find(c, '%d') then
                if not config.decode_invalid and invalid_number(text, at) then return 'T_ERROR', 'invalid number', at end
                local value, after = strtod(text, at)
                if value == nil then return 'T_ERROR', 'invalid number', at end
                pos = after
                return 'T_NUMBER', value, at
            end
            if sub(text, at, at + 3) == 'true' then pos = at + 4; return 'T_BOOLEAN', true, at end
            if sub(text, at, at + 4) == 'false' then pos = at + 5; return 'T_BOOLEAN', false, at end
            if sub(text, at, at + 3) == 'null' then pos = at + 4; return 'T_NULL', null, at end
            if config.decode_invalid and invalid_number(text, at) then
                local value, after = strtod(text, at)
                if value ~= nil then
                    pos = after
                    return 'T_NUMBER', value, at
                end
            end
            return 'T_ERROR', 'invalid token', at
        end
        local function expected(what, kind, value, at)
            fail(format('Expected %s but found %s at character %d', what, kind == 'T_ERROR' and value or kind, at))
        end
        local value_of
        local function descend()
            depth = depth + 1
            if depth > config.decode_max_depth then
                fail(format('Found too many nested data structures (%d) at character %d', depth, pos - 1))
            end
        end
        -- The members of an object or an array after its opening token, up to `close`; `member` reads one, from
        -- its first token, into the table.
        local function container(close, what, member)
            descend()
            local t = {}
            local kind, value, at = next_token()
            if kind == close then depth = depth - 1; return t end
            while true do
                member(t, kind, value, at)
                kind, value, at = next_token()
                if kind == close then depth = depth - 1; return t end
                if kind ~= 'T_COMMA' then expected('comma or ' .. what .. ' end', kind, value, at) end
                kind, value, at = next_token()
            end
        end
        local function object_member(t, kind, key, at)
            if kind ~= 'T_STRING' then expected('object key string', kind, key, at) end
            local colon, value, where = next_token()
            if colon ~= 'T_COLON' then expected('colon', colon, value, where) end
            t[key] = value_of(next_token())
        end
        -- Values are never nil (JSON's null is cjson.null), so the next index is the length plus one.
        local function array_member(t, kind, value, at) t[#t + 1] = value_of(kind, value, at) end
        value_of = function(kind, value, at)
            if kind == 'T_STRING' or kind == 'T_NUMBER' or kind == 'T_BOOLEAN' or kind == 'T_NULL' then return value end
            if kind == 'T_OBJ_BEGIN' then return container('T_OBJ_END', 'object', object_member) end
            if kind == 'T_ARR_BEGIN' then return container('T_ARR_END', 'array', array_member) end
            expected('value', kind, value, at)
        end
        return function()
            local result = value_of(next_token())
            local kind, value, at = next_token()
            if kind ~= 'T_END' then expected('the end', kind, value, at) end
            return result
        end
    end

    cjson.decode = public('decode', function(text)
        if type(text) == 'number' then text = tostring(text) end
        if type(text) ~= 'string' then fail(format("bad argument #1 to 'decode' (string expected, got %s)", type(text))) end
        if #text >= 2 and (byte(text, 1) == 0 or byte(text, 2) == 0) then fail('JSON parser does not support UTF-16 or UTF-32') end
        return decoder(text)()
    end, 1)

    local function option(name, get, set)
        cjson[name] = function(...)
            if select('#', ...) > 0 then set(...) end
            return get()
        end
    end
    -- Option values are checked two calls below the option's function (its setter, then this), or one for
    -- encode_sparse_array (depth 2).
    local function depth_value(name, n, depth)
        n = tonumber(n)
        if not n or n < 1 or n ~= floor(n) then raise(format("bad argument #1 to '%s' (expected integer between 1 and %d)", name, 2147483647), depth or 3) end
        return tointeger(n)
    end
    local function flag(name, v, allow_null, depth)
        if v == true or v == false then return v end
        if allow_null and v == 'null' then return v end
        if v == 'on' then return true elseif v == 'off' then return false end
        raise(format("bad argument #1 to '%s' (invalid option '%s')", name, tostring(v)), depth or 3)
    end
    option('encode_max_depth', function() return config.encode_max_depth end,
        function(n) config.encode_max_depth = depth_value('encode_max_depth', n) end)
    option('decode_max_depth', function() return config.decode_max_depth end,
        function(n) config.decode_max_depth = depth_value('decode_max_depth', n) end)
    option('encode_number_precision', function() return config.precision end, function(n)
        n = tonumber(n)
        if not n or n < 1 or n > 14 or n ~= floor(n) then raise("bad argument #1 to 'encode_number_precision' (expected integer between 1 and 14)", 2) end
        config.precision = tointeger(n)
    end)
    option('encode_keep_buffer', function() return config.keep_buffer end,
        function(v) config.keep_buffer = flag('encode_keep_buffer', v) end)
    option('encode_invalid_numbers', function() return config.encode_invalid end,
        function(v) config.encode_invalid = flag('encode_invalid_numbers', v, true) end)
    option('decode_invalid_numbers', function() return config.decode_invalid end,
        function(v) config.decode_invalid = flag('decode_invalid_numbers', v) end)
    cjson.encode_sparse_array = function(convert, ratio, safe)
        if convert ~= nil then config.sparse_convert = flag('encode_sparse_array', convert, false, 2) end
        if ratio ~= nil then config.sparse_ratio = depth_value('encode_sparse_array', ratio, 2) end
        if safe ~= nil then config.sparse_safe = depth_value('encode_sparse_array', safe, 2) end
        return config.sparse_convert, config.sparse_ratio, config.sparse_safe
    end
    cjson.new = new
    return cjson
end

return new()
