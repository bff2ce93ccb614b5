using BenchmarkDotNet.Running;
using GovStatsValidation.Benchmarks;
using GovStatsValidation.Schemas;

if (args.Length >= 1 && args[0] == "profile")
{
    foreach (var schema in args.Length > 1 ? args.Skip(1).Select(a => SchemaVersions.TryParse(a, out var v) ? v : throw new ArgumentException(a)) : SchemaVersions.All)
    {
        Profile.Run(schema, Console.Out);
    }

    return;
}

BenchmarkSwitcher.FromAssembly(typeof(Profile).Assembly).Run(args);
