using System.Text.Json;
using DataTier.Streams;

namespace DataTier.Silo.DynamoDb.Streams;

/// <summary>Writes a stream record in GetRecords' shape.</summary>
public static class StreamRecordJson
{
    public static void Write(Utf8JsonWriter w, StreamRecord record, Guid tableId, int partition)
    {
        w.WriteStartObject();
        w.WriteString("eventID", EventId(tableId, partition, record.SequenceNumber));
        w.WriteString("eventName", record.EventName);
        w.WriteString("eventVersion", "1.1");
        w.WriteString("eventSource", "aws:dynamodb");
        w.WriteString("awsRegion", "us-east-1");
        w.WriteStartObject("dynamodb");
        w.WriteNumber("ApproximateCreationDateTime", record.CreatedMs / 1000);
        w.WritePropertyName("Keys");
        AttributeValueJson.WriteMap(w, record.Keys);
        if (record.NewImage is not null)
        {
            w.WritePropertyName("NewImage");
            AttributeValueJson.WriteMap(w, record.NewImage);
        }
        if (record.OldImage is not null)
        {
            w.WritePropertyName("OldImage");
            AttributeValueJson.WriteMap(w, record.OldImage);
        }
        w.WriteString("SequenceNumber", StreamNames.Sequence(record.SequenceNumber));
        w.WriteNumber("SizeBytes", record.SizeBytes);
        w.WriteString("StreamViewType", record.ViewType.ToString());
        w.WriteEndObject();
        if (record.ByService)
        {
            w.WriteStartObject("userIdentity");
            w.WriteString("Type", "Service");
            w.WriteString("PrincipalId", "dynamodb.amazonaws.com");
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>A stable 32-hex-digit id per record, as DynamoDB's event ids look.</summary>
    private static string EventId(Guid tableId, int partition, long sequence)
    {
        Span<byte> input = stackalloc byte[28];
        tableId.TryWriteBytes(input);
        BitConverter.TryWriteBytes(input[16..], partition);
        BitConverter.TryWriteBytes(input[20..], sequence);
        return Convert.ToHexString(System.IO.Hashing.XxHash128.Hash(input)).ToLowerInvariant();
    }
}
