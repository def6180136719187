namespace DataTier.Silo.Configuration;

/// <summary>
/// An options class the silo reads from one configuration section. <see cref="DefaultsFrom"/> names a
/// section read first whose values this one overrides (the membership connection falls back on the
/// store's). <see cref="AppliesWhen"/> is false when the settings are not used, e.g. the DynamoDB store's
/// when the silo runs on RocksDB, so they are not validated then. <see cref="BoundElsewhere"/>: its
/// <c>AddXxx</c> binds it (with the fallback), so <see cref="SiloOptionsRegistry.BindSiloOptions"/> leaves it alone.
/// </summary>
public sealed record BoundOptions(
    string Section,
    Type Type,
    Action<IServiceCollection, IConfiguration> Bind,
    Func<IConfiguration, bool> AppliesWhen,
    string? DefaultsFrom = null,
    bool BoundElsewhere = false)
{
    public static BoundOptions Of<T>(string section, Func<IConfiguration, bool>? appliesWhen = null, string? defaultsFrom = null, bool boundElsewhere = false)
        where T : class =>
        new(section, typeof(T), (services, config) => services.AddOptions<T>().Bind(config.GetSection(section)), appliesWhen ?? (_ => true), defaultsFrom, boundElsewhere);
}
