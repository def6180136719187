namespace DataTier.Tests.Deploy;

/// <summary>
/// A setting the manifests use that work in progress elsewhere adds to the silo (the cache's RESP and
/// memcached endpoints, the DynamoDB store and clustering). It is accepted only while its section is
/// unknown to the silo; once the section exists (in an options class registered in
/// <see cref="SiloSettings"/> or in appsettings.json), the key is checked like any other.
/// <paramref name="Value"/> limits the entry to one value of an existing key (Store:Kind=DynamoDb).
/// </summary>
public sealed record PendingSetting(string Section, string Key, string? Value = null);
