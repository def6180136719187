using DataTier.Cache;
using DataTier.Cache.Commands;

namespace DataTier.Silo.Resp;

/// <summary>Connection commands: PING, ECHO, SELECT, QUIT, HELLO, AUTH, RESET, TIME (CLIENT has its own file).</summary>
public sealed partial class RespSession
{
    public const string ServerVersion = RedisVersion.Text;

    private CacheReply Ping(byte[][] a)
    {
        if (a.Length > 2) return CacheErrors.WrongArity("ping");
        if (Protocol == 2 && InSubscribedContext)
            return CacheReply.Array([CacheReply.Bulk("pong"), a.Length == 2 ? CacheReply.Bulk(a[1]) : CacheReply.EmptyBulk]);
        return a.Length == 2 ? CacheReply.Bulk(a[1]) : CacheReply.Pong;
    }

    private static CacheReply Select(byte[][] a)
    {
        if (!CacheNumbers.TryParseLong(a[1], out var index) || index is < int.MinValue or > int.MaxValue) return CacheErrors.NotInteger;
        return index == 0 ? CacheReply.Ok : CacheReply.Error("ERR DB index is out of range");
    }

    private CacheReply Quit()
    {
        _quit = true;
        return CacheReply.Ok;
    }

    private CacheReply Auth(byte[][] a)
    {
        if (a.Length > 3) return CacheErrors.Syntax;
        if (a.Length == 2 && !_services.AuthenticationRequired)
            return CacheReply.Error("ERR AUTH <password> called without any password configured for the default user. Are you sure your configuration is correct?");
        var user = a.Length == 3 ? Arg.Text(a[1]) : "default";
        var password = Arg.Text(a[^1]);
        if (!_services.CheckPassword(user, password))
        {
            LogFailedLogin(user);
            return WrongPass;
        }
        Authenticated = true;
        User = user;
        return CacheReply.Ok;
    }

    private static readonly CacheReply WrongPass = CacheReply.Error("WRONGPASS invalid username-password pair or user is disabled.");

    private CacheReply Hello(byte[][] a)
    {
        var protocol = Protocol;
        if (a.Length >= 2)
        {
            if (!CacheNumbers.TryParseLong(a[1], out var requested)) return CacheReply.Error("ERR Protocol version is not an integer or out of range");
            if (requested is < 2 or > 3) return CacheReply.Error("NOPROTO unsupported protocol version");
            protocol = (int)requested;
        }
        string? user = null, password = null, name = null;
        for (var j = 2; j < a.Length; j++)
        {
            var more = a.Length - j - 1;
            if (Arg.Is(a[j], "auth") && more >= 2)
            {
                user = Arg.Text(a[j + 1]);
                password = Arg.Text(a[j + 2]);
                j += 2;
            }
            else if (Arg.Is(a[j], "setname") && more >= 1)
            {
                name = Arg.Text(a[j + 1]);
                if (!IsValidClientName(name)) return InvalidClientName;
                j++;
            }
            else return CacheReply.Error($"ERR Syntax error in HELLO option '{Arg.Text(a[j])}'");
        }
        if (user is not null)
        {
            if (!_services.CheckPassword(user, password!))
            {
                LogFailedLogin(user);
                return WrongPass;
            }
            Authenticated = true;
            User = user;
        }
        if (!Authenticated)
            return CacheReply.Error("NOAUTH HELLO must be called with the client already authenticated, otherwise the HELLO <proto> AUTH <user> <pass> option can be used to authenticate the client and select the RESP protocol version at the same time");
        if (name is not null) Name = name.Length == 0 ? null : name;
        Protocol = protocol;
        return CacheReply.Map(
        [
            CacheReply.Bulk("server"), CacheReply.Bulk("redis"),
            CacheReply.Bulk("version"), CacheReply.Bulk(ServerVersion),
            CacheReply.Bulk("proto"), CacheReply.Int(Protocol),
            CacheReply.Bulk("id"), CacheReply.Int(Id),
            CacheReply.Bulk("mode"), CacheReply.Bulk(_services.Endpoint.ClusterMode ? "cluster" : "standalone"),
            CacheReply.Bulk("role"), CacheReply.Bulk("master"),
            CacheReply.Bulk("modules"), CacheReply.EmptyArray,
        ]);
    }

    private static readonly CacheReply InvalidClientName = CacheReply.Error("ERR Client names cannot contain spaces, newlines or special characters.");

    private static bool IsValidClientName(string name) => name.All(c => c is > ' ' and <= '~');

    private CacheReply Reset()
    {
        LeaveAllSubscriptions();
        StopTracking();
        if (_monitoring)
        {
            _monitoring = false;
            _services.Clients.RemoveMonitor(this);
        }
        Protocol = 2;
        Name = null;
        User = "default";
        Authenticated = _services.DefaultUserLoggedIn;
        _pending.ReplicaReads = null;
        EndTransaction();
        return CacheReply.Simple("RESET");
    }

    private CacheReply Time()
    {
        var now = _services.Time.GetUtcNow();
        var micros = UnixMicroseconds.Of(now);
        return CacheReply.Array([CacheReply.Bulk((micros / 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture)), CacheReply.Bulk((micros % 1_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture))]);
    }
}
