using GovStatsValidation.Schemas;

namespace GovStatsValidation.Synthetic;

/// <summary>What to generate.</summary>
public sealed record SyntheticOptions
{
    /// <summary>The seed: the same seed gives the same reports, on any machine.</summary>
    public int Seed { get; init; } = 20240601;

    /// <summary>The share of reports that get one injected error (0 to 1). Default 0.05.</summary>
    public double ErrorRate { get; init; } = 0.05;

    /// <summary>The formats to generate, in turn by index (report <c>i</c> has format <c>Schemas[i % Count]</c>). Default all three.</summary>
    public IReadOnlyList<SchemaVersion> Schemas { get; init; } = SchemaVersions.All;

    /// <summary>The share of reports that print zero cells as blanks, as many real 2019/2021 tables do. Default 0.4.</summary>
    public double BlankZeroRate { get; init; } = 0.4;
}
