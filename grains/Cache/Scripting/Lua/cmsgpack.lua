-- cmsgpack as Redis provides it (lua-cmsgpack 0.4): MessagePack with the smallest encoding of each value, tables
-- whose keys are 1..n as arrays and all others as maps, and tables nested past 16 levels packed as nil.
local type, pairs, select, error, pcall, tointeger, floor = type, pairs, select, error, pcall, math.tointeger, math.floor
local spack, sunpack, char, byte, format, concat = string.pack, string.unpack, string.char, string.byte, string.format, table.concat
local _, raise = ...

local MaxNesting = 16
local cmsgpack = {
    _NAME = 'lua-cmsgpack', _VERSION = 'lua-cmsgpack 0.4.0',
    _COPYRIGHT = 'Copyright (C) 2012, Salvatore Sanfilippo', _DESCRIPTION = 'MessagePack C implementation for Lua',
}

local function integer(n)
    if n >= 0 then
        if n <= 127 then return char(n) end
        if n <= 0xff then return '\xcc' .. char(n) end
        if n <= 0xffff then return spack('>BI2', 0xcd, n) end
        if n <= 0xffffffff then return spack('>BI4', 0xce, n) end
        return spack('>Bi8', 0xcf, n)
    end
    if n >= -32 then return char(n & 0xff) end
    if n >= -128 then return spack('>Bi1', 0xd0, n) end
    if n >= -32768 then return spack('>Bi2', 0xd1, n) end
    if n >= -2147483648 then return spack('>Bi4', 0xd2, n) end
    return spack('>Bi8', 0xd3, n)
end

local function number(n)
    local i = tointeger(n)
    if i then return integer(i) end
    if n == floor(n) and n >= -2 ^ 63 and n < 2 ^ 63 then return integer(tointeger(n)) end
    local f = sunpack('>f', spack('>f', n))
    if f == n then return spack('>Bf', 0xca, n) end
    return spack('>Bd', 0xcb, n)
end

local function bytes(s)
    local n = #s
    if n < 32 then return char(0xa0 | n) .. s end
    if n <= 0xff then return '\xd9' .. char(n) .. s end
    if n <= 0xffff then return spack('>BI2', 0xda, n) .. s end
    return spack('>BI4', 0xdb, n) .. s
end

local function header(n, fix, b16, b32)
    if n <= 15 then return char(fix | n) end
    if n <= 0xffff then return spack('>BI2', b16, n) end
    return spack('>BI4', b32, n)
end

local function is_array(t)
    local count, max = 0, 0
    for k in pairs(t) do
        if type(k) ~= 'number' or k <= 0 or floor(k) ~= k then return false end
        if k > max then max = k end
        count = count + 1
    end
    return max == count
end

local encode
encode = function(v, level, out)
    local t = type(v)
    if t == 'table' and level == MaxNesting then t = 'nil' end
    if t == 'string' then
        out[#out + 1] = bytes(v)
    elseif t == 'boolean' then
        out[#out + 1] = v and '\xc3' or '\xc2'
    elseif t == 'number' then
        out[#out + 1] = number(v)
    elseif t == 'table' then
        if is_array(v) then
            local n = #v
            out[#out + 1] = header(n, 0x90, 0xdc, 0xdd)
            for i = 1, n do encode(v[i], level + 1, out) end
        else
            local n = 0
            for _ in pairs(v) do n = n + 1 end
            out[#out + 1] = header(n, 0x80, 0xde, 0xdf)
            for k, x in pairs(v) do
                encode(k, level + 1, out)
                encode(x, level + 1, out)
            end
        end
    else
        out[#out + 1] = '\xc0'
    end
end

cmsgpack.pack = function(...)
    local n = select('#', ...)
    if n == 0 then raise("bad argument #0 to 'pack' (MessagePack pack needs input.)") end
    local out = {}
    for i = 1, n do encode((select(i, ...)), 0, out) end
    return concat(out)
end

-- Decoding raises { cmsgpack = message } for input that ends early or is not MessagePack.
local Missing, Bad = { cmsgpack = 'Missing bytes in input.' }, { cmsgpack = 'Bad data format in input.' }

local function need(s, at, n)
    if at + n - 1 > #s then error(Missing, 0) end
end

local decode
local function fixed(s, at, fmt, size)
    need(s, at, size)
    return sunpack(fmt, s, at)
end

local function str(s, at, n)
    need(s, at, n)
    return s:sub(at, at + n - 1), at + n
end

local function array(s, at, n)
    local t = {}
    for i = 1, n do t[i], at = decode(s, at) end
    return t, at
end

local function map(s, at, n)
    local t = {}
    for _ = 1, n do
        local k, v
        k, at = decode(s, at)
        v, at = decode(s, at)
        t[k] = v
    end
    return t, at
end

decode = function(s, at)
    need(s, at, 1)
    local b = byte(s, at)
    at = at + 1
    if b <= 0x7f then return b, at end
    if b >= 0xe0 then return b - 256, at end
    if b >= 0xa0 and b <= 0xbf then return str(s, at, b & 0x1f) end
    if b >= 0x90 and b <= 0x9f then return array(s, at, b & 0x0f) end
    if b >= 0x80 and b <= 0x8f then return map(s, at, b & 0x0f) end
    if b == 0xc0 then return nil, at end
    if b == 0xc2 then return false, at end
    if b == 0xc3 then return true, at end
    if b == 0xcc then return fixed(s, at, '>I1', 1) end
    if b == 0xcd then return fixed(s, at, '>I2', 2) end
    if b == 0xce then return fixed(s, at, '>I4', 4) end
    if b == 0xcf then
        local v, after = fixed(s, at, '>i8', 8)
        if v < 0 then v = v + 2.0 ^ 64 end
        return v, after
    end
    if b == 0xd0 then return fixed(s, at, '>i1', 1) end
    if b == 0xd1 then return fixed(s, at, '>i2', 2) end
    if b == 0xd2 then return fixed(s, at, '>i4', 4) end
    if b == 0xd3 then return fixed(s, at, '>i8', 8) end
    if b == 0xca then return fixed(s, at, '>f', 4) end
    if b == 0xcb then return fixed(s, at, '>d', 8) end
    if b == 0xc4 or b == 0xd9 then local n; n, at = fixed(s, at, '>I1', 1); return str(s, at, n) end
    if b == 0xc5 or b == 0xda then local n; n, at = fixed(s, at, '>I2', 2); return str(s, at, n) end
    if b == 0xc6 or b == 0xdb then local n; n, at = fixed(s, at, '>I4', 4); return str(s, at, n) end
    if b == 0xdc then local n; n, at = fixed(s, at, '>I2', 2); return array(s, at, n) end
    if b == 0xdd then local n; n, at = fixed(s, at, '>I4', 4); return array(s, at, n) end
    if b == 0xde then local n; n, at = fixed(s, at, '>I2', 2); return map(s, at, n) end
    if b == 0xdf then local n; n, at = fixed(s, at, '>I4', 4); return map(s, at, n) end
    error(Bad, 0)
end

local function fail(message) error({ cmsgpack = message }, 0) end

-- Decodes up to `limit` values (all when both limit and offset are 0) from the 0-based `offset`; when not decoding
-- all, the first result is the offset to go on from, or -1 once the input is used up.
local function unpack_full(s, limit, offset, name)
    if type(s) == 'number' then s = tostring(s) end
    if type(s) ~= 'string' then
        fail(format("bad argument #1 to '%s' (string expected, got %s)", name, s == nil and 'no value' or type(s)))
    end
    local all = limit == 0 and offset == 0
    if offset < 0 or limit < 0 then
        fail(format('Invalid request to unpack with offset of %d and limit of %d.', offset, #s))
    elseif offset > #s then
        fail(format('Start offset %d greater than input length %d.', offset, #s))
    end
    if all then limit = math.maxinteger end
    local results, count, at = {}, 0, offset + 1
    while at <= #s and count < limit do
        local value
        value, at = decode(s, at)
        count = count + 1
        results[count] = value
    end
    if all then return table.unpack(results, 1, count) end
    return (at > #s) and -1 or at - 1, table.unpack(results, 1, count)
end

local function integer_argument(v, index, name, default)
    if v == nil and default then return default end
    local n = math.tointeger(tonumber(v))
    if n == nil then
        fail(format("bad argument #%d to '%s' (number expected, got %s)", index, name, v == nil and 'no value' or type(v)))
    end
    return n
end

-- Runs an unpack for the library function that calls it, raising its error for that function.
local function run(f, ...)
    local results = table.pack(pcall(f, ...))
    if results[1] then return table.unpack(results, 2, results.n) end
    local e = results[2]
    if type(e) == 'table' and e.cmsgpack then raise(e.cmsgpack, 2) end
    error(e, 0)
end

local function unpack_one(s, offset) return unpack_full(s, 1, integer_argument(offset, 2, 'unpack_one', 0), 'unpack_one') end
local function unpack_limit(s, limit, offset)
    return unpack_full(s, integer_argument(limit, 2, 'unpack_limit'), integer_argument(offset, 3, 'unpack_limit', 0), 'unpack_limit')
end

-- Not tail calls, so that run's caller is the function the script called.
cmsgpack.unpack = function(s) local r = table.pack(run(unpack_full, s, 0, 0, 'unpack')) return table.unpack(r, 1, r.n) end
cmsgpack.unpack_one = function(s, offset) local r = table.pack(run(unpack_one, s, offset)) return table.unpack(r, 1, r.n) end
cmsgpack.unpack_limit = function(s, limit, offset) local r = table.pack(run(unpack_limit, s, limit, offset)) return table.unpack(r, 1, r.n) end

return cmsgpack
