using DataTier.Membership;
using DataTier.Store.DynamoDb;
using Microsoft.Extensions.Options;

namespace DataTier.Silo.Configuration;

/// <summary>Checks the store and clustering settings before anything starts, so an invalid one stops the silo with a message naming it.</summary>
public static class StartupValidation
{
    public static bool OptionsAreValid(this IServiceProvider services)
    {
        try
        {
            if (services.GetService<IOptions<DynamoDbStoreOptions>>() is { } store) _ = store.Value;
            if (services.GetService<IOptions<DynamoDbClusteringOptions>>() is { } clustering) _ = clustering.Value;
            return true;
        }
        catch (OptionsValidationException e)
        {
            Console.Error.WriteLine($"DataTier silo not started: {e.Message}");
            return false;
        }
    }
}
