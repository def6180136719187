using DataTier.Store.DynamoDb;

namespace DataTier.Hosting;

/// <summary>Checks the DynamoDB store (creating its table if configured) before the silo serves, so a wrong endpoint stops start-up.</summary>
internal sealed class TableStoreInitializer(DynamoDbTableStore store) : ILifecycleParticipant<ISiloLifecycle>
{
    public void Participate(ISiloLifecycle lifecycle) =>
        lifecycle.Subscribe(nameof(TableStoreInitializer), ServiceLifecycleStage.RuntimeInitialize, _ => store.InitializeAsync());
}
