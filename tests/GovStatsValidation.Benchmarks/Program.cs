using BenchmarkDotNet.Running;
using GovStatsValidation.Benchmarks;
using GovStatsValidation.Schemas;

if (args.Length >= 1 && args[0] == "bench")
{
    // The throughput harness and the injection benchmark (docs/benchmarks.md), moved here from the shipped govstats tool.
    return BenchContext.Run(args, Console.Out, Console.Error);
}

if (args.Length >= 1 && args[0] == "profile")
{
    foreach (var schema in args.Length > 1 ? args.Skip(1).Select(a => SchemaVersions.TryParse(a, out var v) ? v : throw new ArgumentException(a)) : SchemaVersions.All)
    {
        Profile.Run(schema, Console.Out);
    }

    return 0;
}

BenchmarkSwitcher.FromAssembly(typeof(Profile).Assembly).Run(args);
return 0;
