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
            // The reader's account of why (candidate arrangements, row ids) is in English: the Chinese message points to it.
            var zh = Messages.MessageCatalog.Chinese;
            var en = Messages.MessageCatalog.English;
            findings.Add(new Finding
            {
                RuleId = "input.table.unread",
                Severity = Rules.Severity.Warning,
                Title = Messages.MessageCatalog.Text("input.table-unread.title"),
                Message = new LocalizedText(
                    Messages.MessageCatalog.Get(zh, "input.table-unread.message", ("table", definition?.Caption ?? definition?.Title.Zh ?? table.TableId),
                        ("line", table.Line), ("count", table.UnreadCells), ("why", Messages.MessageCatalog.Get(zh, "input.table-unread.why-in-english"))),
                    Messages.MessageCatalog.Get(en, "input.table-unread.message", ("table", definition?.Title.En ?? table.TableId),
                        ("line", table.Line), ("count", table.UnreadCells), ("why", why))),
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
                Title = Messages.MessageCatalog.Text("input.metadata.title"),
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
