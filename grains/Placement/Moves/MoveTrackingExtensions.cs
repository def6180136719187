using DataTier.Cache.PubSub;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace DataTier.Placement.Moves;

public static class MoveTrackingExtensions
{
    /// <summary>Records the moves of partitions and cache shards (<see cref="MoveLog"/>, metrics) and hosts the per-silo ownership report.</summary>
    public static IServiceCollection AddMoveTracking(this IServiceCollection services)
    {
        services.AddMetrics();
        services.TryAddSingleton<MoveLog>();
        if (!services.Any(s => s.IsKeyedService && Equals(s.ServiceKey, typeof(SiloLocalPlacement))))
            services.AddPlacementDirector<SiloLocalPlacement, SiloLocalPlacementDirector>();
        return services;
    }
}
