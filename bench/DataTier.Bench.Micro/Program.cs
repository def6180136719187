using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/DataTier.Bench.Micro -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(DataTier.Bench.Micro.KeyHashBenchmarks).Assembly).Run(args);
