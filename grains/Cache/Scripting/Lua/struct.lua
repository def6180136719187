-- struct as Redis provides it (Roberto Ierusalimschy's struct library): pack, unpack and size of binary records.
-- Formats: > < (endianness, little by default), ![n] (alignment), x (a zero byte), b B h H l L T i[n] I[n]
-- (integers of 1, 1, 2, 2, 8, 8, 8 and n bytes, 4 by default), f d (floats), c[n] (n characters; c0: the whole
-- string when packing, the previous number's length when unpacking), s (a zero-terminated string), ' ' (ignored).
local type, tonumber, tointeger, mtype, error, format, select = type, tonumber, math.tointeger, math.type, error, string.format, select
local char, byte, sub, find, spack, sunpack, concat = string.char, string.byte, string.sub, string.find, string.pack, string.unpack, table.concat

local _, raise = ...
local MaxIntSize, MaxAlign = 32, 8
local Sizes = { b = 1, B = 1, h = 2, H = 2, l = 8, L = 8, T = 8, f = 4, d = 8, x = 1 }
local Integers = { b = true, B = true, h = true, H = true, l = true, L = true, T = true, i = true, I = true }

-- Errors are raised as { struct = message } and raised again by the public functions at the script's line.
local function fail(message) error({ struct = message }, 0) end

local function argument_error(name, index, message)
    fail(format("bad argument #%d to '%s' (%s)", index, name, message))
end

local function type_name(v) return v == nil and 'no value' or type(v) end

-- Reads the number after an option at `at`: its value (or the default) and the position after it.
local function number_at(fmt, at, default)
    local digits, after = fmt:match('^(%d+)()', at)
    if not digits then return default, at end
    local n = tonumber(digits)
    if n > 2147483647 then fail('integral size overflow') end
    return n, after
end

-- Walks a format: calls each(option, size) for every data option, after aligning the position.
local function walk(name, fmt, each, start)
    local at, position, big, align = 1, start or 0, false, 1
    while at <= #fmt do
        local option = sub(fmt, at, at)
        at = at + 1
        local size = Sizes[option] or 0
        if option == 'c' then
            size, at = number_at(fmt, at, 1)
        elseif option == 'i' or option == 'I' then
            size, at = number_at(fmt, at, 4)
            if size > MaxIntSize then fail(format('integral size %d is larger than limit of %d', size, MaxIntSize)) end
        end
        if size > 0 and option ~= 'c' then
            local a = size > align and align or size
            local pad = (a - (position & (a - 1))) & (a - 1)
            position = position + pad
            each('pad', pad)
        end
        if Integers[option] or Sizes[option] or option == 'c' or option == 's' then
            position = position + each(option, size, big)
        elseif option == '>' then big = true
        elseif option == '<' then big = false
        elseif option == '!' then
            align, at = number_at(fmt, at, MaxAlign)
            if align == 0 or align & (align - 1) ~= 0 then fail(format('alignment %d is not a power of 2', align)) end
        elseif option ~= ' ' then
            argument_error(name, 1, format("invalid format option '%s'", option))
        end
    end
    return position
end

local function integer_bytes(v, size, big)
    local out = {}
    for i = 1, size do
        out[i] = char(v & 0xff)
        v = v >> 8
    end
    if big then
        local reversed = {}
        for i = 1, size do reversed[i] = out[size + 1 - i] end
        out = reversed
    end
    return concat(out)
end

local function to_integer(n)
    if mtype(n) == 'integer' then return n end
    if n ~= n or n == math.huge or n == -math.huge then return 0 end
    if n >= 2 ^ 63 then return tointeger(n - 2 ^ 64) or 0 end
    return tointeger(n < 0 and math.ceil(n) or math.floor(n)) or 0
end

local struct = {}

local function pack(fmt, ...)
    if type(fmt) ~= 'string' and type(fmt) ~= 'number' then argument_error('pack', 1, 'string expected, got ' .. type_name(fmt)) end
    fmt = tostring(fmt)
    local args, arg, out = table.pack(...), 0, {}
    local function next_number()
        arg = arg + 1
        local n = tonumber(args[arg])
        if n == nil then argument_error('pack', arg + 1, 'number expected, got ' .. type(args[arg])) end
        return n
    end
    walk('pack', fmt, function(option, size, big)
        if option == 'pad' then
            out[#out + 1] = string.rep('\0', size)
        elseif Integers[option] then
            out[#out + 1] = integer_bytes(to_integer(next_number()), size, big)
        elseif option == 'x' then
            out[#out + 1] = '\0'
        elseif option == 'f' or option == 'd' then
            out[#out + 1] = spack((big and '>' or '<') .. option, next_number())
        else
            arg = arg + 1
            local s = args[arg]
            if type(s) == 'number' then s = tostring(s) end
            if type(s) ~= 'string' then argument_error('pack', arg + 1, 'string expected, got ' .. type(s)) end
            if size == 0 then size = #s end
            if #s < size then argument_error('pack', arg + 2, 'string too short') end
            out[#out + 1] = sub(s, 1, size)
            if option == 's' then
                out[#out + 1] = '\0'
                size = size + 1
            end
        end
        return size
    end)
    return concat(out)
end

local function unpack(fmt, data, start)
    if type(fmt) ~= 'string' and type(fmt) ~= 'number' then argument_error('unpack', 1, 'string expected, got ' .. type_name(fmt)) end
    if type(data) ~= 'string' and type(data) ~= 'number' then argument_error('unpack', 2, 'string expected, got ' .. type_name(data)) end
    fmt, data = tostring(fmt), tostring(data)
    local position = 1
    if start ~= nil then
        position = tointeger(tonumber(start)) or argument_error('unpack', 3, 'number expected, got ' .. type_name(start))
    end
    if position <= 0 then argument_error('unpack', 3, 'offset must be 1 or greater') end
    local results, n = {}, 0
    local pos = position - 1
    walk('unpack', fmt, function(option, size, big)
        if option == 'pad' then
            pos = pos + size
            return 0
        end
        if size > #data or pos > #data - size then argument_error('unpack', 2, 'data string too short') end
        if Integers[option] then
            local v = 0
            for i = 1, size do
                local b = big and byte(data, pos + i) or byte(data, pos + size + 1 - i)
                v = (v << 8) | b
            end
            if option == option:lower() then
                if size < 8 and v & (1 << (size * 8 - 1)) ~= 0 then v = v - (1 << (size * 8)) end
            elseif v < 0 then
                v = v + 2.0 ^ 64
            end
            n = n + 1
            results[n] = v
        elseif option == 'f' or option == 'd' then
            n = n + 1
            results[n] = sunpack((big and '>' or '<') .. option, data, pos + 1)
        elseif option == 'c' then
            if size == 0 then
                if n == 0 or type(results[n]) ~= 'number' then fail("format 'c0' needs a previous size") end
                size = tointeger(results[n]) or 0
                n = n - 1
                if size > #data or pos > #data - size then argument_error('unpack', 2, 'data string too short') end
            end
            n = n + 1
            results[n] = sub(data, pos + 1, pos + size)
        elseif option == 's' then
            local zero = find(data, '\0', pos + 1, true)
            if not zero then fail('unfinished string in data') end
            size = zero - pos
            n = n + 1
            results[n] = sub(data, pos + 1, zero - 1)
        end
        pos = pos + size
        return size
    end, pos)
    n = n + 1
    results[n] = pos + 1
    return table.unpack(results, 1, n)
end

local function size_of(fmt)
    if type(fmt) ~= 'string' and type(fmt) ~= 'number' then argument_error('size', 1, 'string expected, got ' .. type_name(fmt)) end
    return walk('size', tostring(fmt), function(option, size)
        if option == 's' then argument_error('size', 1, "option 's' has no fixed size") end
        if option == 'c' and size == 0 then argument_error('size', 1, "option 'c0' has no fixed size") end
        return size
    end)
end

local function public(body)
    return function(...)
        local results = table.pack(pcall(body, ...))
        if results[1] then return table.unpack(results, 2, results.n) end
        local e = results[2]
        if type(e) == 'table' and e.struct then raise(e.struct) end
        error(e, 0)
    end
end

struct.pack, struct.unpack, struct.size = public(pack), public(unpack), public(size_of)
return struct
