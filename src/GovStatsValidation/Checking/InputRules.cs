using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Validation;

namespace GovStatsValidation.Checking;

/// <summary>The model validation (<see cref="AnnualReportInputValidator"/>) as a finding source.</summary>
internal sealed class InputRules : IFindingSource
{
    private static readonly AnnualReportInputValidator Validator = new();

    internal static readonly LocalizedText UnreadTitle = new("表格未能读取", "Table cells could not be read");

    public string Name => "input";

    public void Check(AnnualReport report, ICollection<Finding> findings)
    {
        // Indexed loop: no enumerator is allocated on the clean path.
        for (var i = 0; i < report.Tables.Count; i++)
        {
            var table = report.Tables[i];
            if (table.Unread is not { } why)
            {
                continue;
            }

            // Not read is not missing: the table is there, the reader could not read these cells.
            var definition = report.SchemaDefinition.Tables.FirstOrDefault(t => t.Id == table.TableId);
            var label = definition?.Caption ?? definition?.Title.Zh ?? table.TableId;
            findings.Add(new Finding
            {
                RuleId = "input.table.unread",
                Severity = Rules.Severity.Warning,
                Title = UnreadTitle,
                Message = new LocalizedText(
                    $"表格“{label}”（第 {table.Line} 行起）有 {table.UnreadCells} 个单元格印在文中但未能可靠读取，依赖这些单元格的核对无法进行：{why}",
                    $"table “{label}” (from line {table.Line}): {table.UnreadCells} cell(s) are printed but could not be read reliably, so the checks that need them are not assessable: {why}"),
                Line = table.Line,
            });
        }

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
