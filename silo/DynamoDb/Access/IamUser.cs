namespace DataTier.Silo.DynamoDb.Access;

/// <summary>
/// The IAM user a request signed with an access key acts as: the user named by the key id (aws:username and aws:userid)
/// in account 000000000000, so <c>arn:aws:iam::000000000000:user/KEYID</c> (aws:PrincipalArn, and IAM's refusals).
/// </summary>
public static class IamUser
{
    public const string Account = "000000000000";

    public static string ArnOf(string accessKeyId) => $"arn:aws:iam::{Account}:user/{accessKeyId}";
}
