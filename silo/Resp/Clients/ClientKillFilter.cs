using DataTier.Cache;
using DataTier.Cache.Commands;

namespace DataTier.Silo.Resp.Clients;

/// <summary>CLIENT KILL's filters (ID, TYPE, USER, ADDR, LADDR, SKIPME), all of which a killed client matches.</summary>
public sealed class ClientKillFilter
{
    private long? _id;
    private ClientType? _type;
    private string? _user;
    private string? _address;
    private string? _localAddress;

    public bool SkipMe { get; private set; } = true;

    public static ClientType? ParseType(byte[] word) => Arg.Lower(word) switch
    {
        "normal" => ClientType.Normal,
        "pubsub" => ClientType.PubSub,
        "master" => ClientType.Master,
        "replica" or "slave" => ClientType.Replica,
        _ => null,
    };

    /// <summary>Parses <c>CLIENT KILL option value ...</c>; Redis' error, or null with the filter.</summary>
    public static CacheReply? Parse(byte[][] a, Func<string, bool> userExists, out ClientKillFilter filter)
    {
        filter = new ClientKillFilter();
        if ((a.Length - 2) % 2 != 0) return CacheErrors.Syntax;
        for (var i = 2; i < a.Length; i += 2)
        {
            var value = a[i + 1];
            switch (Arg.Lower(a[i]))
            {
                case "id":
                    if (!CacheNumbers.TryParseLong(value, out var id) || id <= 0) return CacheReply.Error("ERR client-id should be greater than 0");
                    filter._id = id;
                    break;
                case "type":
                    if (ParseType(value) is not { } type) return CacheReply.Error($"ERR Unknown client type '{Arg.Text(value)}'");
                    filter._type = type;
                    break;
                case "user":
                    var user = Arg.Text(value);
                    if (!userExists(user)) return CacheReply.Error($"ERR No such user '{user}'");
                    filter._user = user;
                    break;
                case "addr":
                    filter._address = Arg.Text(value);
                    break;
                case "laddr":
                    filter._localAddress = Arg.Text(value);
                    break;
                case "skipme":
                    if (Arg.Is(value, "yes")) filter.SkipMe = true;
                    else if (Arg.Is(value, "no")) filter.SkipMe = false;
                    else return CacheErrors.Syntax;
                    break;
                default:
                    return CacheErrors.Syntax;
            }
        }
        return null;
    }

    public bool Matches(long id, string address, string localAddress, string user, ClientType type) =>
        (_id is null || _id == id) && (_type is null || _type == type) && (_user is null || _user == user)
        && (_address is null || _address == address) && (_localAddress is null || _localAddress == localAddress);
}
