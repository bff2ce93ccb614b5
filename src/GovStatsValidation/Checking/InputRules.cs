using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Validation;

namespace GovStatsValidation.Checking;

/// <summary>The model validation (<see cref="AnnualReportInputValidator"/>) as a finding source.</summary>
internal sealed class InputRules : IFindingSource
{
    private static readonly AnnualReportInputValidator Validator = new();

    public string Name => "input";

    public void Check(AnnualReport report, ICollection<Finding> findings)
    {
        if (Holds(report))
        {
            return;
        }

        var result = Validator.Validate(report);
        if (result.IsValid)
        {
            return;
        }

        foreach (var failure in result.Errors)
        {
            var parts = failure.ErrorMessage.Split(" / ", 2);
            findings.Add(new Finding
            {
                RuleId = failure.ErrorCode,
                Severity = failure.Severity switch
                {
                    FluentValidation.Severity.Error => Rules.Severity.Error,
                    FluentValidation.Severity.Warning => Rules.Severity.Warning,
                    _ => Rules.Severity.Info,
                },
                Title = new LocalizedText("报告基本信息", "Report metadata"),
                Message = new LocalizedText(parts[0], parts.Length > 1 ? parts[1] : parts[0]),
            });
        }
    }

    /// <summary>
    /// Whether every rule of <see cref="AnnualReportInputValidator"/> holds, decided without running it (it allocates): the
    /// usual report then costs nothing here, and only a report with a metadata problem goes through the validator.
    /// </summary>
    internal static bool Holds(AnnualReport report) =>
        report.Agency is { } agency && !string.IsNullOrWhiteSpace(agency.Name)
        && report.Year is >= AnnualReportInputValidator.FirstYear and <= 2100
        && Schemas.SchemaVersions.ForYear(report.Year) == report.Schema;
}
