using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests.Rules;

/// <summary>
/// One built-in rule exercised on a clean report of a schema changed in one or two cells. A pass case says which
/// instance must pass; a fail case also says what the finding must show.
/// </summary>
public sealed record RuleCase(string RuleId, SchemaVersion Schema, string Scenario, Func<ReportBuilder, ReportBuilder> Arrange)
{
    /// <summary>The forEach instance (e.g. <c>col=total</c>), empty for a rule without forEach.</summary>
    public string Instance { get; init; } = "";

    public Severity Severity { get; init; }

    public decimal? Actual { get; init; }

    public decimal? Expected { get; init; }

    public string? Formula { get; init; }

    /// <summary>The cells the finding lists, in order.</summary>
    public string[] Cells { get; init; } = [];

    public override string ToString() => $"{RuleId} [{Schema.ToToken()}] {Scenario}";
}
