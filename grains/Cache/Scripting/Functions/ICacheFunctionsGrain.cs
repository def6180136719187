namespace DataTier.Cache.Scripting.Functions;

/// <summary>
/// The cluster's function libraries (FUNCTION LOAD, DELETE, FLUSH, RESTORE), one grain (key 0). Each change is handed to
/// every silo before it returns, so a library is callable through any silo once its LOAD has answered. The libraries
/// come checked and compiled; the grain checks what depends on the others: library and function names.
/// </summary>
public interface ICacheFunctionsGrain : IGrainWithIntegerKey
{
    /// <summary>The libraries as they are; answered even while a change is being handed to the silos (it is already made).</summary>
    [Orleans.Concurrency.AlwaysInterleave]
    Task<FunctionLibraries> GetLibraries();

    Task<FunctionChange> Load(FunctionLibrary library, bool replace);

    Task<FunctionChange> Delete(string name);

    Task<FunctionChange> Flush();

    Task<FunctionChange> Restore(FunctionLibrary[] libraries, RestorePolicy policy);
}
