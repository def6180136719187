using DataTier.Client.Hosting;
using DataTier.Hosting;
using DataTier.Silo.Configuration;
using DataTier.Silo.Admin;
using DataTier.Silo.DynamoDb;
using DataTier.Silo.Memcached;
using DataTier.Silo.Networking;
using DataTier.Silo.Resp;
using DataTier.Silo.Hosting;
using DataTier.Silo.Telemetry;
using Orleans.Dashboard;
using OpenTelemetry.Metrics;
using Orleans.Configuration;
using Orleans.Serialization;

// appsettings.json is read from next to the program, so settings do not depend on the working
// directory; relative paths in settings (Store:RocksDb:Path) still resolve against the working directory.
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
var config = builder.Configuration;
if (!config.SettingsAreValid()) return 1;
SocketCompletions.Configure(config);

var endpointOptions = config.GetSection("Endpoints:DynamoDb").Get<DynamoDbEndpointOptions>() ?? new DynamoDbEndpointOptions();
var clusterOptions = config.GetSection("Orleans").Get<ClusterHostOptions>() ?? new ClusterHostOptions();
var storeOptions = config.GetSection("Store").Get<StoreHostOptions>() ?? new StoreHostOptions();
var adminOptions = config.GetSection("Endpoints:Admin").Get<AdminEndpointOptions>() ?? new AdminEndpointOptions();

builder.WebHost.UseUrls(endpointOptions.Url, adminOptions.Url);
builder.UseOrleans(silo =>
{
    silo.UseConfiguredClustering(config, clusterOptions);
    silo.AddDataTierTables(config.GetSection("Partitions"));
    silo.AddDataTierCache(config.GetSection("Cache"));
    silo.Services.Configure<DataTier.Placement.RebalancingOptions>(config.GetSection("Rebalancing"));
    silo.Services.Configure<DataTier.Configuration.TransactionOptions>(config.GetSection("Transactions"));
    silo.Services.Configure<DataTier.Configuration.StreamOptions>(config.GetSection("Streams"));
    silo.Services.Configure<DataTier.Configuration.TimeToLiveOptions>(config.GetSection("TimeToLive"));
    silo.AddDashboard();
    silo.UseDataTierHosting(config);
    // bench/run.sh only: host the empty grain of bench/DataTier.Bench.Grains, the yardstick of the SDK benchmark.
    if (config["Bench:GrainAssembly"] is { Length: > 0 } benchGrains)
        silo.Services.AddSerializer(s => s.AddAssembly(System.Reflection.Assembly.LoadFrom(Path.GetFullPath(benchGrains))));
});

builder.Services.AddConfiguredTableStore(config, storeOptions);
builder.Services.BindSiloOptions(config);

builder.Services.AddTableClient();
builder.Services.AddCacheClient();
builder.Services.AddOpenTelemetry().WithMetrics(metrics => metrics
    .AddMeter(DataTier.Silo.Telemetry.EndpointMetrics.MeterName, "Microsoft.Orleans")
    .AddPrometheusExporter());
builder.Services.AddDataTierMetrics();
builder.Services.AddDynamoDbEndpoint();
builder.Services.AddRespEndpoint(config.GetSection("Endpoints:Resp"));
builder.Services.AddMemcachedEndpoint(config.GetSection("Endpoints:Memcached"));

var app = builder.Build();
if (!app.Services.OptionsAreValid()) return 1;
// Each endpoint answers only on its own port.
var adminHost = "*:" + new Uri(adminOptions.Url).Port;
app.MapDynamoDbEndpoint().RequireHost("*:" + new Uri(endpointOptions.Url).Port);
app.MapHealthEndpoints(adminHost);
app.MapSplitEndpoints(adminHost);
app.MapPartitionsEndpoint(adminHost);
app.MapPrometheusScrapingEndpoint("/metrics").RequireHost(adminHost);
app.MapOrleansDashboard(routePrefix: "/dashboard").RequireHost(adminHost);
app.Lifetime.ApplicationStarted.Register(() =>
{
    var store = StoreHostingExtensions.DescribeStore(config, storeOptions);
    Console.WriteLine($"DataTier silo started. DynamoDB endpoint: {endpointOptions.Url}  RESP: {RespEndpointExtensions.Describe(app.Services)}  memcached: {DataTier.Silo.Memcached.MemcachedEndpointExtensions.Describe(app.Services)}  admin (dashboard, healthz, readyz): {adminOptions.Url}  Orleans silo port: {clusterOptions.SiloPort}  gateway: {clusterOptions.GatewayPort}  store: {store}");
});
app.Run();
return 0;
