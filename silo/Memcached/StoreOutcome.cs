namespace DataTier.Silo.Memcached;

/// <summary>How a storage command ended, in memcached's words: STORED, EXISTS (a CAS that did not match), NOT_FOUND, NOT_STORED.</summary>
public enum StoreOutcome
{
    Stored,
    Exists,
    NotFound,
    NotStored,
}
