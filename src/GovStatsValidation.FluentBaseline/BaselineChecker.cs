using FluentValidation;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.FluentBaseline;

/// <summary>Runs the hand-written validator of a report's format and names the failing checks by built-in rule id.</summary>
public sealed class BaselineChecker
{
    private readonly Pre2019Validator _pre2019 = new();
    private readonly Format2019Validator _format2019 = new();
    private readonly Format2021Validator _format2021 = new();

    /// <summary>The formats the baseline covers.</summary>
    public static IReadOnlyList<SchemaVersion> Formats { get; } = [SchemaVersion.Pre2019, SchemaVersion.Format2019, SchemaVersion.Format2021];

    /// <summary>The validator of a format.</summary>
    /// <exception cref="NotSupportedException">The baseline does not cover the format.</exception>
    public IValidator<AnnualReport> For(SchemaVersion schema) => schema switch
    {
        SchemaVersion.Pre2019 => _pre2019,
        SchemaVersion.Format2019 => _format2019,
        SchemaVersion.Format2021 => _format2021,
        _ => throw new NotSupportedException($"the baseline covers {string.Join(", ", Formats.Select(f => f.ToToken()))}, not {schema.ToToken()}"),
    };

    /// <summary>How many checks fail (the throughput path).</summary>
    public int CountFailures(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return For(report.Schema).Validate(report).Errors.Count;
    }

    /// <summary>The built-in rule ids of the failing checks, sorted and distinct.</summary>
    public IReadOnlyList<string> FailingRules(AnnualReport report)
    {
        ArgumentNullException.ThrowIfNull(report);
        return For(report.Schema).Validate(report).Errors.Select(e => BaselineCodes.RuleId(e.ErrorCode, report.Schema)).Distinct().Order(StringComparer.Ordinal).ToList();
    }
}
