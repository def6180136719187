using System.Globalization;
using DataTier.Errors;

namespace DataTier.Tables;

/// <summary>
/// DynamoDB's quota on decreases of a table's or index's provisioned throughput: four at any time of a UTC
/// day, then one an hour after the last, so at most 27 a day.
/// </summary>
public static class DecreaseLimit
{
    public const int FreeDecreasesPerDay = 4;

    public static readonly TimeSpan Spacing = TimeSpan.FromHours(1);

    public static bool Allows(int decreasesToday, DateTimeOffset? lastDecrease, DateTimeOffset now) =>
        decreasesToday < FreeDecreasesPerDay || lastDecrease is not { } last || now - last >= Spacing;

    /// <summary>LimitExceededException, with AWS's message, when one more decrease is not allowed now.</summary>
    public static void Check(int decreasesToday, DateTimeOffset? lastDecrease, DateTimeOffset now)
    {
        if (Allows(decreasesToday, lastDecrease, now)) return;
        var last = lastDecrease!.Value;
        throw new DynamoException(DynamoErrorCode.LimitExceededException,
            "Subscriber limit exceeded: Provisioned throughput decreases are limited within a given UTC day. After the first 4 decreases, " +
            $"each subsequent decrease in the same UTC day can be performed at most once every 3600 seconds. Number of decreases today: {decreasesToday}. " +
            $"Last decrease at {Format(last)}. Next decrease can be made at {Format(last + Spacing)}");
    }

    private static string Format(DateTimeOffset time) =>
        time.UtcDateTime.ToString("dddd, MMMM d, yyyy 'at' h:mm:ss tt", CultureInfo.InvariantCulture) + " Coordinated Universal Time";
}
