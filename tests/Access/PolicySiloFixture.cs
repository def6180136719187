using Amazon.DynamoDBv2;
using Amazon.Runtime;
using DataTier.Tests.Processes;
using DataTier.Tests.Wire;
using Xunit;

namespace DataTier.Tests.Access;

/// <summary>
/// One silo process whose endpoint checks signatures, with an access key without a policy (<see cref="Admin"/>) and keys
/// whose policies test the principal's ARN, tags, and replica permissions.
/// </summary>
public sealed class PolicySiloFixture : IAsyncLifetime
{
    public const string Admin = "AKIDADMIN";
    public const string ArnKey = "AKIDARN";
    public const string TagsKey = "AKIDTAGS";
    public const string ReplicaKey = "AKIDREPLICA";
    private const string Secret = "policy/secret+key";
    private readonly string _data = Path.Combine(Path.GetTempPath(), "datatier-policies-" + Guid.NewGuid().ToString("N"));
    private readonly List<AmazonDynamoDBClient> _clients = [];

    public SiloProcess Silo { get; private set; } = null!;

    /// <summary>An operator for each ARN operator: one action whose condition holds, one whose condition fails; and an IfExists deny.</summary>
    private const string ArnPolicy = """
        { "Statement": [
            { "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:DescribeTable"], "Resource": "*", "Condition": { "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::*:user/AKIDARN*" } } },
            { "Effect": "Allow", "Action": "dynamodb:Query", "Resource": "*", "Condition": { "ArnLike": { "aws:PrincipalArn": "arn:aws:iam::*:role/*" } } },
            { "Effect": "Allow", "Action": "dynamodb:PutItem", "Resource": "*", "Condition": { "ArnEquals": { "aws:PrincipalArn": "arn:aws:iam::000000000000:user/${aws:username}" } } },
            { "Effect": "Allow", "Action": "dynamodb:Scan", "Resource": "*", "Condition": { "ArnEquals": { "aws:PrincipalArn": "arn:aws:iam::000000000000:user/AKIDOTHER" } } },
            { "Effect": "Allow", "Action": "dynamodb:UpdateItem", "Resource": "*", "Condition": { "ArnNotEquals": { "aws:PrincipalArn": "arn:aws:iam::000000000000:user/AKIDOTHER" } } },
            { "Effect": "Allow", "Action": "dynamodb:DeleteItem", "Resource": "*", "Condition": { "ArnNotEquals": { "aws:PrincipalArn": "arn:aws:iam::000000000000:user/AKIDARN" } } },
            { "Effect": "Allow", "Action": "dynamodb:BatchGetItem", "Resource": "*", "Condition": { "ArnNotLike": { "aws:PrincipalArn": "arn:aws:iam::*:role/*" } } },
            { "Effect": "Allow", "Action": "dynamodb:BatchWriteItem", "Resource": "*", "Condition": { "ArnNotLike": { "aws:PrincipalArn": "arn:aws:iam::*:user/AKID*" } } },
            { "Effect": "Deny", "Action": "dynamodb:GetItem", "Resource": "arn:aws:dynamodb:*:*:table/locked-*", "Condition": { "ArnLikeIfExists": { "aws:PrincipalArn": "arn:aws:iam::*:user/*" } } }
        ] }
        """;

    /// <summary>Items of tables tagged env=staging, updates of tables the key owns; tags it may set and remove; tables it may create.</summary>
    private const string TagsPolicy = """
        { "Statement": [
            { "Effect": "Allow", "Action": ["dynamodb:GetItem", "dynamodb:PutItem", "dynamodb:Query"], "Resource": "arn:aws:dynamodb:*:*:table/*", "Condition": { "StringEquals": { "aws:ResourceTag/env": "staging" } } },
            { "Effect": "Allow", "Action": "dynamodb:UpdateItem", "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/owner": "${aws:username}" } } },
            { "Effect": "Allow", "Action": "dynamodb:TagResource", "Resource": "*", "Condition": { "StringEquals": { "aws:RequestTag/env": ["staging", "dev"] }, "ForAllValues:StringEquals": { "aws:TagKeys": ["env", "owner"] } } },
            { "Effect": "Allow", "Action": "dynamodb:UntagResource", "Resource": "*", "Condition": { "ForAllValues:StringEquals": { "aws:TagKeys": "owner" } } },
            { "Effect": "Allow", "Action": "dynamodb:CreateTable", "Resource": "*", "Condition": { "StringEquals": { "aws:RequestTag/env": "dev" } } },
            { "Effect": "Allow", "Action": "dynamodb:DeleteItem", "Resource": "*" },
            { "Effect": "Deny", "Action": "dynamodb:DeleteItem", "Resource": "*", "Condition": { "StringEquals": { "aws:ResourceTag/locked": "true" } } }
        ] }
        """;

    /// <summary>What a replica needs on the replicated-* tables, but CreateTableReplica only on replicated-ok-*, DeleteTableReplica nowhere; legacy global tables of replicated-ok-*.</summary>
    private const string ReplicaPolicy = """
        { "Statement": [
            { "Effect": "Allow", "Action": ["dynamodb:UpdateTable", "dynamodb:CreateTable", "dynamodb:DeleteTable", "dynamodb:Scan", "dynamodb:Query", "dynamodb:UpdateItem", "dynamodb:PutItem", "dynamodb:GetItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem"],
              "Resource": "arn:aws:dynamodb:*:*:table/replicated-*" },
            { "Effect": "Allow", "Action": "dynamodb:CreateTableReplica", "Resource": "arn:aws:dynamodb:*:*:table/replicated-ok-*" },
            { "Effect": "Allow", "Action": ["dynamodb:CreateGlobalTable", "dynamodb:UpdateGlobalTable"],
              "Resource": ["arn:aws:dynamodb::*:global-table/replicated-*", "arn:aws:dynamodb:*:*:table/replicated-ok-*"] }
        ] }
        """;

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(_data);
        Silo = new SiloProcess(_data,
        [
            $"--Endpoints:DynamoDb:AccessKeys:{Admin}={Secret}",
            $"--Endpoints:DynamoDb:AccessKeys:{ArnKey}={Secret}", $"--Endpoints:DynamoDb:Policies:{ArnKey}={ArnPolicy}",
            $"--Endpoints:DynamoDb:AccessKeys:{TagsKey}={Secret}", $"--Endpoints:DynamoDb:Policies:{TagsKey}={TagsPolicy}",
            $"--Endpoints:DynamoDb:AccessKeys:{ReplicaKey}={Secret}", $"--Endpoints:DynamoDb:Policies:{ReplicaKey}={ReplicaPolicy}",
        ]);
        await Silo.StartAsync();
    }

    /// <summary>A client signing with <paramref name="keyId"/>, without retries.</summary>
    public AmazonDynamoDBClient Client(string keyId)
    {
        var client = new AmazonDynamoDBClient(new BasicAWSCredentials(keyId, Secret), new AmazonDynamoDBConfig
        {
            ServiceURL = Silo.EndpointUrl,
            AuthenticationRegion = "eu-west-1",
            MaxErrorRetry = 0,
        });
        lock (_clients) _clients.Add(client);
        return client;
    }

    public async Task DisposeAsync()
    {
        lock (_clients)
        {
            foreach (var client in _clients) client.Dispose();
        }
        if (Silo is not null)
        {
            if (Silo.IsRunning) await Silo.StopAsync();
            Silo.Dispose();
        }
        SiloFixture.DeleteDirectory(_data);
    }
}
