namespace DataTier.Bench.Http;

/// <summary>Command-line settings of one load run.</summary>
public sealed class LoadOptions
{
    public string Url { get; set; } = "http://127.0.0.1:8000";
    public string Table { get; set; } = "bench";
    public int Concurrency { get; set; } = 50;
    public int Duration { get; set; } = 10;
    public int Warmup { get; set; } = 2;
    public int Items { get; set; } = 10_000;
    public int ItemSize { get; set; } = 1024;
    public string Mix { get; set; } = "get";
    public bool CreateTable { get; set; }
    public string Label { get; set; } = "target";
    public string? Json { get; set; }

    public static LoadOptions Parse(string[] args)
    {
        var o = new LoadOptions();
        for (var i = 0; i < args.Length; i++)
        {
            string Next() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--url": o.Url = Next(); break;
                case "--table": o.Table = Next(); break;
                case "--concurrency": o.Concurrency = int.Parse(Next()); break;
                case "--duration": o.Duration = int.Parse(Next()); break;
                case "--warmup": o.Warmup = int.Parse(Next()); break;
                case "--items": o.Items = int.Parse(Next()); break;
                case "--item-size": o.ItemSize = int.Parse(Next()); break;
                case "--mix": o.Mix = Next(); break;
                case "--create-table": o.CreateTable = true; break;
                case "--label": o.Label = Next(); break;
                case "--json": o.Json = Next(); break;
                default: throw new ArgumentException($"unknown option {args[i]}");
            }
        }
        if (o.Mix is not ("get" or "put" or "mixed")) throw new ArgumentException("--mix must be get, put or mixed");
        return o;
    }
}
