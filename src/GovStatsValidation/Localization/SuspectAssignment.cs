using GovStatsValidation.Findings;

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
            var zh = string.Join(" 或 ", all.Select(c => $"{c.Label}（{c.Cell}，应为 {Num(c.Proposed)}）"));
            var en = string.Join(" or ", all.Select(c => $"{c.Cell} (→ {Num(c.Proposed)})"));
            return new Suspect(main.Cell,
                new LocalizedText($"无法确定是哪个单元格有误，证据相当：{zh}", $"ambiguous between {en}: the evidence cannot tell them apart"),
                main.Proposed)
            {
                Confidence = LocalizationConfidence.Ambiguous,
                Alternatives = all.Skip(1).Select(c => new Suspect(c.Cell, new LocalizedText($"{c.Label} 应为 {Num(c.Proposed)}", $"{c.Cell} should be {Num(c.Proposed)}"), c.Proposed)).ToList(),
            };
        }

        var shapes = main.Evidence.Where(e => e.Kind is not "identities").Select(e => e.Text).ToList();
        var (confZh, confEn) = error.Confidence switch
        {
            LocalizationConfidence.High => ("把握高", "high confidence"),
            LocalizationConfidence.Medium => ("把握中等", "medium confidence"),
            _ => ("把握低", "low confidence"),
        };
        return new Suspect(main.Cell,
            new LocalizedText(
                $"{main.Label} 若为 {Num(main.Proposed)}（现为 {Num(main.Current)}）则全部规则成立{(shapes.Count > 0 ? "；" + string.Join("；", shapes.Select(t => t.Zh)) : "")}；{confZh}：{error.Why.Zh}",
                $"every rule holds if {main.Cell} were {Num(main.Proposed)} (printed {Num(main.Current)}){(shapes.Count > 0 ? "; " + string.Join("; ", shapes.Select(t => t.En)) : "")}; {confEn}: {error.Why.En}"),
            main.Proposed)
        {
            Confidence = error.Confidence,
        };
    }

    private static string Num(decimal value) => Model.CellValue.Format(value);
}
