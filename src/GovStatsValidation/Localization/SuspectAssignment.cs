using GovStatsValidation.Findings;
using GovStatsValidation.Messages;

namespace GovStatsValidation.Localization;

/// <summary>Points every failing finding at the report's localization: the same cell for every finding that shares it.</summary>
internal static class SuspectAssignment
{
    public static void Apply(List<Finding> findings, ReportLocalization localization)
    {
        var byRule = ByRule(localization);
        for (var i = 0; i < findings.Count; i++)
        {
            if (Assigned(findings[i], localization, byRule) is { } assigned)
            {
                findings[i] = assigned;
            }
        }
    }

    /// <summary>The located error of each failing rule the localization explains, by <c>rule-id</c> or <c>rule-id [instance]</c>.</summary>
    public static Dictionary<string, LocatedError> ByRule(ReportLocalization localization)
    {
        var byRule = new Dictionary<string, LocatedError>(StringComparer.Ordinal);
        foreach (var error in localization.Errors)
        {
            foreach (var rule in error.Rules)
            {
                byRule[rule] = error;
            }
        }

        return byRule;
    }

    /// <summary>A failing finding pointed at the localization (its suspect and line); null when the finding passed or no located error concerns it.</summary>
    public static Finding? Assigned(Finding f, ReportLocalization localization, IReadOnlyDictionary<string, LocatedError> byRule)
    {
        if (f.Passed)
        {
            return null;
        }

        var key = f.Instance.Length == 0 ? f.RuleId : $"{f.RuleId} [{f.Instance}]";
        var ids = f.Cells.Select(c => c.Id).ToHashSet();
        var error = byRule.GetValueOrDefault(key) ?? localization.Errors.FirstOrDefault(e => e.Cells.Any(c => ids.Contains(c.Cell)));
        if (error is null)
        {
            return null;
        }

        var suspect = For(error, ids);
        var line = f.Cells.FirstOrDefault(c => c.Id == suspect.Cell)?.Line ?? f.Line;
        return f with { Suspect = suspect, Line = line };
    }

    /// <summary>The suspect a finding gets from a located error: the corrected cell the finding reads (else the first), with any tie.</summary>
    public static Suspect For(LocatedError error, IReadOnlySet<Schemas.CellId> findingCells)
    {
        CellCorrection Pick(IReadOnlyList<CellCorrection> set) => set.FirstOrDefault(c => findingCells.Contains(c.Cell)) ?? set[0];
        var main = Pick(error.Cells);
        if (error.IsAmbiguous)
        {
            var all = new[] { error.Cells }.Concat(error.TiedWith).Select(Pick).ToList();
            // Chinese names each choice by label and id with the value it should be, English by id with the value.
            var zh = string.Join(Get(Chinese, "suspect.ambiguous.or"), all.Select(c => $"{c.Label}（{c.Cell}，{Get(Chinese, "suspect.should-be", ("value", Num(c.Proposed)))}）"));
            var en = string.Join(Get(English, "suspect.ambiguous.or"), all.Select(c => $"{c.Cell} ({Get(English, "suspect.should-be", ("value", Num(c.Proposed)))})"));
            return new Suspect(main.Cell, MessageCatalog.Text("suspect.ambiguous", [("choices", zh)], [("choices", en)]), main.Proposed)
            {
                Confidence = LocalizationConfidence.Ambiguous,
                Alternatives = all.Skip(1).Select(c => new Suspect(c.Cell,
                    MessageCatalog.Text("suspect.alternative", [("cell", c.Label), ("value", Num(c.Proposed))], [("cell", c.Cell.Value), ("value", Num(c.Proposed))]), c.Proposed)).ToList(),
            };
        }

        var shapes = main.Evidence.Where(e => e.Kind is not "identities").Select(e => e.Text).ToList();
        var confidence = MessageCatalog.Words(error.Confidence switch
        {
            LocalizationConfidence.High => "localization.confidence.high",
            LocalizationConfidence.Medium => "localization.confidence.medium",
            _ => "localization.confidence.low",
        });
        var separator = MessageCatalog.Words("localization.separator");
        string Evidence(Func<LocalizedText, string> text) =>
            shapes.Count > 0 ? text(separator) + string.Join(text(separator), shapes.Select(text)) : "";
        return new Suspect(main.Cell,
            MessageCatalog.Text("suspect.holds-if",
                [("cell", main.Label), ("proposed", Num(main.Proposed)), ("current", Num(main.Current)), ("evidence", Evidence(t => t.Zh)), ("confidence", confidence.Zh), ("why", error.Why.Zh)],
                [("cell", main.Cell.Value), ("proposed", Num(main.Proposed)), ("current", Num(main.Current)), ("evidence", Evidence(t => t.En)), ("confidence", confidence.En), ("why", error.Why.En)]),
            main.Proposed)
        {
            Confidence = error.Confidence,
        };
    }

    private static string Num(decimal value) => Model.CellValue.Format(value);

    private static System.Globalization.CultureInfo Chinese => MessageCatalog.Chinese;

    private static System.Globalization.CultureInfo English => MessageCatalog.English;

    private static string Get(System.Globalization.CultureInfo culture, string key, params ReadOnlySpan<(string Name, object? Value)> arguments) =>
        MessageCatalog.Get(culture, key, arguments);
}
