using System.Globalization;
using GovStatsValidation.Findings;
using GovStatsValidation.Rules;

namespace GovStatsValidation.CrossReport.Facts;

/// <summary>A fact two reports both state, with each report's figure.</summary>
/// <param name="First">The first report's figure.</param>
/// <param name="Second">The second report's figure.</param>
public sealed record SharedFact(StatedFact First, StatedFact Second)
{
    /// <summary>Whether the two figures agree.</summary>
    public bool Agrees => First.Value == Second.Value;
}

/// <summary>
/// Facts stated by two reports of one jurisdiction for the same period: paired by label, unit and period (and, for a
/// label that repeats in a report, the head of its list), never by number alone; a pair whose numbers differ is a warning,
/// and the pairs that agree are reported once per pair of reports as checked (info).
/// </summary>
public static class SharedFacts
{
    /// <summary>The rule id of shared-fact findings.</summary>
    public const string RuleId = "cross.shared-facts";

    internal static readonly LocalizedText RuleTitle = new("两份报告陈述的同一事实数字不一致", "Two reports state the same fact with different figures");

    /// <summary>Pairs the facts two reports state about the same thing.</summary>
    public static IReadOnlyList<SharedFact> Pair(IReadOnlyList<StatedFact> first, IReadOnlyList<StatedFact> second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var result = new List<SharedFact>();
        var a = first.ToLookup(Key);
        var b = second.ToLookup(Key);
        foreach (var group in a)
        {
            var others = b[group.Key].ToList();
            if (others.Count == 0)
            {
                continue;
            }

            var mine = group.ToList();
            if (mine.Count == 1 && others.Count == 1)
            {
                result.Add(new SharedFact(mine[0], others[0]));
                continue;
            }

            // The label repeats (交易结果公告 after each kind of notice): pair by the list it is in, then by the label that follows;
            // anything still ambiguous is left out rather than guessed.
            foreach (var fact in mine)
            {
                var match = Unique(mine, others, fact, f => f.Head) ?? Unique(mine, others, fact, f => f.Next);
                if (match is not null)
                {
                    result.Add(new SharedFact(fact, match));
                }
            }
        }

        return result.OrderBy(p => p.First.Line).ThenBy(p => p.First.Label, StringComparer.Ordinal).ToList();
    }

    /// <summary>The one fact of <paramref name="others"/> with the same context as <paramref name="fact"/>, when the context singles out both.</summary>
    private static StatedFact? Unique(List<StatedFact> mine, List<StatedFact> others, StatedFact fact, Func<StatedFact, string?> context)
    {
        var key = context(fact);
        if (key is null || mine.Count(f => context(f) == key) != 1)
        {
            return null;
        }

        var matches = others.Where(f => context(f) == key).ToList();
        return matches.Count == 1 ? matches[0] : null;
    }

    private static (string, string, int) Key(StatedFact f) => (f.Label, f.Unit, f.Period);

    /// <summary>Checks every pair of reports of the same year in a jurisdiction whose texts are known.</summary>
    internal static IEnumerable<(ReportEntry Subject, Finding Finding, IEnumerable<ReportEntry> Involved)> Check(JurisdictionGroup group)
    {
        var withText = group.Reports.Where(r => r.Text is not null).ToList();
        if (withText.Count < 2)
        {
            yield break;
        }

        var facts = withText.ToDictionary(r => r, r => FactExtractor.BuiltIn.Extract(r.Text!, r.Report.Year));
        for (var i = 0; i < withText.Count; i++)
        {
            for (var j = i + 1; j < withText.Count; j++)
            {
                var (x, y) = (withText[i], withText[j]);
                if (x.Report.Year != y.Report.Year)
                {
                    continue;
                }

                // The department (quoting the jurisdiction's facts) is the subject; the government report the other.
                var (subject, other) = x.Identity.IsGovernment && !y.Identity.IsGovernment ? (y, x) : (x, y);
                var pairs = Pair(facts[subject], facts[other]);
                if (pairs.Count == 0)
                {
                    continue;
                }

                var sources = new[] { Name(subject), Name(other) };
                foreach (var p in pairs.Where(p => !p.Agrees))
                {
                    yield return (subject, new Finding
                    {
                        RuleId = RuleId,
                        Severity = Severity.Warning,
                        Title = RuleTitle,
                        Message = CatalogText.Of("cross.shared-facts.differs", ("label", p.First.Label, p.First.Label), ("value", Num(p.First.Value), Num(p.First.Value)), ("unit", p.First.Unit, p.First.Unit),
                            ("other", other.Identity.Name, other.Identity.Name), ("otherValue", Num(p.Second.Value), Num(p.Second.Value)), ("otherUnit", p.Second.Unit, p.Second.Unit)),
                        Actual = p.First.Value,
                        Expected = p.Second.Value,
                        Line = p.First.Line,
                        Quote = $"{p.First.Text} ↔ {p.Second.Text}",
                        Instance = $"fact={p.First.Label}{p.First.Unit}{(p.First.Head is { } h ? $"@{h}" : "")}",
                        Arguments = new Dictionary<string, string> { ["detail"] = p.First.Label, ["actual"] = Num(p.First.Value), ["expected"] = Num(p.Second.Value) },
                        RelatedSources = sources,
                    }, [other]);
                }

                var agreeing = pairs.Where(p => p.Agrees).ToList();
                if (agreeing.Count > 0)
                {
                    var list = string.Join("、", agreeing.Select(p => p.First.Display));
                    yield return (subject, new Finding
                    {
                        RuleId = RuleId,
                        Severity = Severity.Info,
                        Title = Messages.MessageCatalog.Text("cross.shared-facts.agree-title"),
                        Message = Messages.MessageCatalog.Text("cross.shared-facts.agree", ("other", other.Identity.Name), ("count", agreeing.Count), ("list", list)),
                        Passed = true,
                        Line = agreeing[0].First.Line,
                        Instance = "agree",
                        Arguments = new Dictionary<string, string> { ["detail"] = list, ["value"] = agreeing.Count.ToString(CultureInfo.InvariantCulture) },
                        RelatedSources = sources,
                    }, [other]);
                }
            }
        }
    }

    private static string Name(ReportEntry e) => e.Report.Source ?? e.Report.ToString();

    private static string Num(decimal v) => Model.CellValue.Format(v);
}
