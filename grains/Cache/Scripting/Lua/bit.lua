-- bit as Redis provides it (LuaBitOp 1.0): 32-bit operations on numbers, whose results are signed 32-bit integers.
-- A float argument is rounded to the nearest integer (halves to even) and taken modulo 2^32, as LuaBitOp does by
-- adding 2^52 + 2^51 and keeping the low word of the double.
local type, tonumber, tointeger, select, error, format = type, tonumber, math.tointeger, select, error, string.format
local spack, sunpack = string.pack, string.unpack
local _, raise = ...

local function unsigned(x, index, name)
    local n = tonumber(x)
    if n == nil then
        raise(format("bad argument #%d to '%s' (number expected, got %s)", index, name, x == nil and 'no value' or type(x)), 2)
    end
    local i = tointeger(n)
    if i then return i & 0xffffffff end
    return (sunpack('<I4', spack('<d', n + 6755399441055744.0)))
end

local function signed(u)
    if u >= 0x80000000 then return u - 0x100000000 end
    return u
end

local bit = {}

function bit.tobit(x) return signed(unsigned(x, 1, 'tobit')) end
function bit.bnot(x) return signed(~unsigned(x, 1, 'bnot') & 0xffffffff) end
function bit.bswap(x)
    local b = unsigned(x, 1, 'bswap')
    return signed(((b >> 24) & 0xff) | ((b >> 8) & 0xff00) | ((b & 0xff00) << 8) | ((b & 0xff) << 24))
end

local function fold(name, combine)
    return function(...)
        local n = select('#', ...)
        local b = unsigned((...), 1, name)
        for i = n, 2, -1 do b = combine(b, unsigned((select(i, ...)), i, name)) end
        return signed(b)
    end
end
bit.band = fold('band', function(a, b) return a & b end)
bit.bor = fold('bor', function(a, b) return a | b end)
bit.bxor = fold('bxor', function(a, b) return a ~ b end)

local function shift(name, op)
    return function(x, n)
        local b = unsigned(x, 1, name)
        return signed(op(b, unsigned(n, 2, name) & 31) & 0xffffffff)
    end
end
bit.lshift = shift('lshift', function(b, n) return b << n end)
bit.rshift = shift('rshift', function(b, n) return b >> n end)
bit.arshift = shift('arshift', function(b, n) return signed(b) >> n end)
bit.rol = shift('rol', function(b, n) return (b << n) | (b >> (32 - n)) end)
bit.ror = shift('ror', function(b, n) return (b >> n) | (b << (32 - n)) end)

function bit.tohex(x, n)
    local b = unsigned(x, 1, 'tohex')
    local width = n == nil and 8 or signed(unsigned(n, 2, 'tohex'))
    local digits = 'x'
    if width < 0 then width, digits = -width, 'X' end
    if width > 8 then width = 8 end
    if width == 0 then return '' end
    local text = format('%08' .. digits, b)
    return text:sub(9 - width)
end

return bit
