namespace DataTier.Tables;

/// <summary>What a stream record of a changed item carries.</summary>
public enum StreamViewType
{
    KEYS_ONLY,
    NEW_IMAGE,
    OLD_IMAGE,
    NEW_AND_OLD_IMAGES,
}
