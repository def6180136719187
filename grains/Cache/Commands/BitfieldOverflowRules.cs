namespace DataTier.Cache.Commands;

/// <summary>
/// Whether a BITFIELD field overflows when <c>increment</c> is added to <c>value</c> (SET checks its value with an
/// increment of 0), and the value to store then: wrapped to the width, or saturated at the type's limit.
/// </summary>
public static class BitfieldOverflowRules
{
    public static bool Unsigned(ulong value, long increment, int bits, BitfieldOverflow overflow, out ulong limit)
    {
        limit = 0;
        var max = (1UL << bits) - 1;
        var maxIncrement = unchecked((long)(max - value));
        var minIncrement = unchecked(-(long)value);
        var above = value > max || (increment > 0 && increment > maxIncrement);
        if (!above && !(increment < 0 && increment < minIncrement)) return false;
        if (overflow == BitfieldOverflow.Wrap) limit = unchecked(value + (ulong)increment) & max;
        else if (overflow == BitfieldOverflow.Sat) limit = above ? max : 0;
        return true;
    }

    public static bool Signed(long value, long increment, int bits, BitfieldOverflow overflow, out long limit)
    {
        limit = 0;
        var max = bits == 64 ? long.MaxValue : (1L << (bits - 1)) - 1;
        var min = -max - 1;
        // These can overflow, but are only used once value is known to be in range, where they cannot.
        var maxIncrement = unchecked((long)((ulong)max - (ulong)value));
        var minIncrement = unchecked(min - value);
        var above = value > max || (bits != 64 && increment > maxIncrement) || (value >= 0 && increment > 0 && increment > maxIncrement);
        var below = !above && (value < min || (bits != 64 && increment < minIncrement) || (value < 0 && increment < 0 && increment < minIncrement));
        if (!above && !below) return false;
        if (overflow == BitfieldOverflow.Wrap) limit = Wrap(value, increment, bits);
        else if (overflow == BitfieldOverflow.Sat) limit = above ? max : min;
        return true;
    }

    /// <summary>The sum in two's complement, cut to the width and sign-extended from its top bit.</summary>
    private static long Wrap(long value, long increment, int bits)
    {
        var sum = unchecked((ulong)value + (ulong)increment);
        if (bits < 64)
        {
            var high = ulong.MaxValue << bits;
            sum = (sum & (1UL << (bits - 1))) != 0 ? sum | high : sum & ~high;
        }
        return unchecked((long)sum);
    }
}
