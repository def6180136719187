using System.IO.Hashing;
using System.Text;
using System.Text.Json;
using DataTier.Model;

namespace DataTier.Silo.DynamoDb.PartiQL;

/// <summary>
/// ExecuteStatement's NextToken: opaque to clients, here the base64 of which of the SELECT's reads to go on with,
/// the key it stopped after, and a digest of the statement and parameters it belongs to.
/// </summary>
public sealed record PartiQLNextToken(string Digest, int Read, IReadOnlyDictionary<string, AttrValue>? LastKey)
{
    public string Encode()
    {
        using var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer))
        {
            w.WriteStartObject();
            w.WriteString("d", Digest);
            w.WriteNumber("r", Read);
            if (LastKey is not null)
            {
                w.WritePropertyName("k");
                AttributeValueJson.WriteMap(w, LastKey);
            }
            w.WriteEndObject();
        }
        return Convert.ToBase64String(buffer.ToArray());
    }

    /// <summary>The token of a request, checked against the statement and parameters it came with.</summary>
    public static PartiQLNextToken Decode(string text, string digest)
    {
        PartiQLNextToken token;
        try
        {
            using var document = JsonDocument.Parse(Convert.FromBase64String(text));
            var root = document.RootElement;
            token = new PartiQLNextToken(root.GetProperty("d").GetString()!, root.GetProperty("r").GetInt32(),
                root.TryGetProperty("k", out var key) ? AttributeValueJson.ReadMap(key) : null);
        }
        catch (Exception e) when (e is FormatException or JsonException or KeyNotFoundException or InvalidOperationException or Errors.DynamoException)
        {
            throw PartiQLErrors.Validation("Invalid NextToken");
        }
        if (token.Digest != digest || token.Read < 0) throw PartiQLErrors.Validation("NextToken does not match request");
        return token;
    }

    /// <summary>What a token is bound to: the statement's text and its parameters.</summary>
    public static string DigestOf(string statement, IReadOnlyList<AttrValue> parameters)
    {
        var hash = new XxHash64();
        hash.Append(Encoding.UTF8.GetBytes(statement));
        for (var i = 0; i < parameters.Count; i++)
            hash.Append(ItemCodec.Encode(new Dictionary<string, AttrValue> { [i.ToString(System.Globalization.CultureInfo.InvariantCulture)] = parameters[i] }));
        return Convert.ToHexString(hash.GetCurrentHash());
    }
}
