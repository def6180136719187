namespace DataTier.Backups;

/// <summary>Who made a backup: the user (CreateBackup), or DynamoDB itself when a table with point-in-time recovery was deleted.</summary>
public enum BackupType
{
    USER,
    SYSTEM,
}
