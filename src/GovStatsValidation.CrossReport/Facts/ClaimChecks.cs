using GovStatsValidation.CrossReport.Rules;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.CrossReport.Facts;

/// <summary>
/// Narrative figures about an earlier year (比2016年(435件)减少了48%) against that year's report of the same agency, through
/// the concept map, so a 2019 report's claim about 2018 is compared with the 2018 统计表.
/// </summary>
internal static class ClaimChecks
{
    public const string RuleId = "cross.claims.earlier-year";

    internal static readonly LocalizedText RuleTitle = new("正文中的往年数字与往年报告比对", "A figure about an earlier year against that year's report");

    public static IEnumerable<(Finding Finding, IEnumerable<ReportEntry> Involved)> Check(ReportEntry entry, JurisdictionGroup group, ConceptMap concepts)
    {
        var report = entry.Report;
        foreach (var claim in report.Claims)
        {
            if (claim.ReferenceYear is not { } year || year >= report.Year || claim.Concept is null || concepts.ForClaim(claim.Concept) is not { } concept)
            {
                continue;
            }

            var stated = claim.Kind == ClaimKind.Change
                ? (claim.Parts.FirstOrDefault(p => p.ReferenceYear == year) ?? (claim.Parts.Count > 0 ? claim.Parts[0] : null))?.Value
                : claim.Value;
            if (stated is not { } statedValue)
            {
                continue;
            }

            var earlier = group.Find(entry.Identity.Key, year);
            if (earlier is null)
            {
                yield return (Info(claim, "missing", CatalogText.Of("cross.claim.missing", ("year", year, year), ("concept", concept.Title.Zh, concept.Title.En), ("value", Num(statedValue), Num(statedValue)))), []);
                continue;
            }

            if (!concept.Expressions.TryGetValue(earlier.Report.Schema, out var expression))
            {
                var why = concept.WhyAbsent(earlier.Report.Schema);
                yield return (Info(claim, "not-applicable", CatalogText.Of("cross.claim.not-applicable", ("reason", why.Zh, why.En))) with { RelatedSources = Sources(entry, earlier) }, [earlier]);
                continue;
            }

            // The concept's expression in the earlier report's format, through the rule language's public seam.
            var bound = new ExpressionFrame(earlier.Report.SchemaDefinition).Bind(expression);
            var values = bound.Frame.Load(earlier.Report);
            if (bound.ValueCells.Any(c => values.State(c) is CellState.Absent or CellState.Unreadable))
            {
                continue;
            }

            var table = bound.Evaluate(values);
            var hedged = claim.Hedge is not null;
            var agrees = hedged ? Math.Abs(table - statedValue) <= Math.Abs(table) / 10 : table == statedValue;
            var findingCells = bound.ValueCells.Select(c => new FindingCell(new CellId($"y{year}.{c.Id}"), $"{earlier.Identity.Name} {year}：{c.Label}",
                values.State(c), values.Number(c), earlier.Report.Cells[c.Definition!.Id].Raw, earlier.Report.Cells[c.Definition.Id].Location?.Line)).ToList();
            yield return (new Finding
            {
                RuleId = RuleId,
                Severity = agrees ? Severity.Info : Severity.Warning,
                Title = RuleTitle,
                Message = agrees
                    ? CatalogText.Of("cross.claim.agrees", ("year", year, year), ("concept", concept.Title.Zh, concept.Title.En), ("value", Num(statedValue), Num(statedValue)), ("table", Num(table), Num(table)))
                    : CatalogText.Of("cross.claim.differs", ("year", year, year), ("concept", concept.Title.Zh, concept.Title.En), ("value", Num(statedValue), Num(statedValue)), ("table", Num(table), Num(table))),
                Cells = findingCells,
                Expression = $"claim == y{year}.{concept.Id}",
                Formula = $"{Num(statedValue)} {(agrees ? "=" : "≠")} {Num(table)}",
                Actual = statedValue,
                Expected = table,
                Line = claim.Location.Line,
                Quote = claim.Text,
                Passed = agrees,
                Instance = $"concept={concept.Id},year={year}",
                RelatedSources = Sources(entry, earlier),
            }, [earlier]);
        }
    }

    private static Finding Info(NarrativeClaim claim, string instance, LocalizedText message) => new()
    {
        RuleId = RuleId,
        Severity = Severity.Info,
        Title = RuleTitle,
        Message = message,
        Line = claim.Location.Line,
        Quote = claim.Text,
        Instance = instance,
    };

    private static List<string> Sources(ReportEntry a, ReportEntry b) => [a.Report.Source ?? a.Report.ToString(), b.Report.Source ?? b.Report.ToString()];

    private static string Num(decimal v) => Model.CellValue.Format(v);
}
