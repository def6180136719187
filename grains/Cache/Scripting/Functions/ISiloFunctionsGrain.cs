namespace DataTier.Cache.Scripting.Functions;

/// <summary>A silo's copy of the function libraries (<see cref="LocalFunctions"/>), keyed by the silo's address.</summary>
public interface ISiloFunctionsGrain : IGrainWithStringKey
{
    Task Update(FunctionLibraries libraries);
}
