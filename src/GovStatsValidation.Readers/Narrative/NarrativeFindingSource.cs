using System.Globalization;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Readers.Narrative;

/// <summary>
/// Checks a report's narrative claims (<see cref="AnnualReport.Claims"/>) against its table and against themselves:
/// figures vs the cells the lexicon maps them to (warnings, never errors), statements (未收到申请, 均已办结) vs the
/// table, enumeration sums (parts partition the total, channels cover it), percentages and changes within the printed
/// precision, and blank figures (with the sum of the items listed after them as a hint).
/// </summary>
public sealed class NarrativeFindingSource : IFindingSource
{
    private readonly NarrativeCheckSet _checks;
    private readonly NarrativeLexicon _lexicon;

    /// <summary>A source with the given checks and lexicon (default: the built-in ones).</summary>
    public NarrativeFindingSource(NarrativeCheckSet? checks = null, NarrativeLexicon? lexicon = null)
    {
        _checks = checks ?? NarrativeCheckSet.Default;
        _lexicon = lexicon ?? NarrativeLexicon.Default;
    }

    /// <inheritdoc/>
    public string Name => "narrative";

    /// <inheritdoc/>
    public void Check(AnnualReport report, ICollection<Finding> findings)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(findings);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        void Add(Finding? f)
        {
            // A paragraph printed twice gives the same claim twice; report it once.
            if (f is not null && seen.Add($"{f.RuleId}|{f.Formula}|{f.Message.En}"))
            {
                findings.Add(f);
            }
        }

        foreach (var claim in report.Claims)
        {
            switch (claim.Kind)
            {
                case ClaimKind.Figure:
                    Add(FigureVsTable(report, claim));
                    break;
                case ClaimKind.Statement:
                    Add(StatementVsTable(report, claim));
                    break;
                case ClaimKind.Enumeration:
                    Add(Enumeration(claim));
                    break;
                case ClaimKind.Percentage:
                    Add(Percentage(claim));
                    break;
                case ClaimKind.Change:
                    Add(Change(claim));
                    break;
                case ClaimKind.BlankFigure:
                    Add(Blank(claim));
                    break;
            }
        }
    }

    private Finding? FigureVsTable(AnnualReport report, NarrativeClaim claim)
    {
        if (_checks.ForKind("figure-vs-table") is not { } check || claim.Value is not { } value || claim.ReferenceYear is not null
            || _lexicon.Find(claim.Concept) is not { } concept)
        {
            return null;
        }

        var expressions = concept.For(report.Schema);
        var evaluated = expressions.Select(e => (Expression: e, Value: e.Evaluate(report))).Where(x => x.Value is not null).ToList();
        if (evaluated.Count == 0)
        {
            return null;
        }

        var interval = FigureInterval.For(value, claim.Precision ?? 1, claim.Hedge);
        if (evaluated.Any(x => interval.Contains(x.Value!.Value)))
        {
            return null;
        }

        var used = expressions.SelectMany(e => e.AllCells).Distinct().ToList();
        var cause = Cause(report, used, value);
        var args = Arguments(claim);
        args["expected"] = string.Join(" / ", evaluated.Select(x => Format(x.Value)));
        args["cells"] = string.Join("; ", evaluated.Select(x => x.Expression.Render(report, CultureInfo.InvariantCulture)));
        args["conceptLabel"] = used.FirstOrDefault()?.Row.Label ?? concept.Id;
        var zh = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["cells"] = string.Join("；", evaluated.Select(x => x.Expression.Render(report, Messages.MessageCatalog.Chinese))),
        };
        var template = check.Message;
        Suspect? suspect = null;
        if (cause is not null && check.MessageWithCause is { } withCause)
        {
            args["causeCell"] = cause.Id.Value;
            args["causeLabel"] = cause.Label;
            template = withCause;
            suspect = new Suspect(cause.Id,
                new LocalizedText(
                    Messages.MessageCatalog.Get(Messages.MessageCatalog.Chinese, "narrative.suspect.cause", ("value", Format(value)), ("cause", cause.Label), ("concept", args["conceptLabel"])),
                    Messages.MessageCatalog.Get(Messages.MessageCatalog.English, "narrative.suspect.cause", ("value", Format(value)), ("cause", cause.Id.Value), ("concept", concept.Id))));
        }

        return new Finding
        {
            RuleId = check.Id,
            Severity = check.Severity,
            Title = check.Title,
            Message = NarrativeCheck.Fill(template, args, zh),
            Cells = used.Select(c => CellExpression.Cell(report, c)).Concat(cause is null ? [] : [CellExpression.Cell(report, cause)]).ToList(),
            Expression = $"{concept.Id} ∈ {{{string.Join(", ", expressions.Select(e => e.Text))}}}",
            Formula = $"{Format(value)} ≠ {string.Join(" / ", evaluated.Select(x => x.Expression.Render(report, CultureInfo.InvariantCulture)))}",
            FormulaText = new LocalizedText(
                $"{Format(value)} ≠ {string.Join(" / ", evaluated.Select(x => x.Expression.Render(report, Messages.MessageCatalog.Chinese)))}",
                $"{Format(value)} ≠ {string.Join(" / ", evaluated.Select(x => x.Expression.Render(report, CultureInfo.InvariantCulture)))}"),
            Expected = evaluated[0].Value,
            Actual = value,
            Line = claim.Location.Line,
            Quote = claim.Sentence ?? claim.Text,
            Suspect = suspect,
            Arguments = args,
            Instance = claim.Concept ?? "",
        };
    }

    /// <summary>
    /// The likely cause of a mismatch: the one other cell of the same table (or, in the one-table 统计表, of the same row
    /// group) that holds exactly the narrative's value.
    /// </summary>
    private static CellDefinition? Cause(AnnualReport report, IReadOnlyList<CellDefinition> used, decimal value)
    {
        if (value == 0 || used.Count == 0)
        {
            return null;
        }

        var first = used[0];
        var top = first.Row;
        while (top.Parent is not null)
        {
            top = top.Parent;
        }

        var family = first.Row.Table.AllRows.Count() > 40 ? top.SelfAndDescendants.SelectMany(r => r.Cells) : first.Row.Table.AllRows.SelectMany(r => r.Cells);
        var equal = family.Where(c => !used.Contains(c) && report.Cells[c.Id] is { State: CellState.Number, Number: { } n } && n == value).ToList();
        return equal.Count == 1 ? equal[0] : null;
    }

    private Finding? StatementVsTable(AnnualReport report, NarrativeClaim claim)
    {
        if (_checks.ForKind("statement-vs-table") is not { } check || claim.Value is not { } value || _lexicon.Find(claim.Concept) is not { } concept)
        {
            return null;
        }

        var expression = concept.For(report.Schema) is [var first, ..] ? first : null;
        if (expression?.Evaluate(report) is not { } actual || actual == value)
        {
            return null;
        }

        var args = Arguments(claim);
        args["expected"] = Format(actual);
        args["cells"] = expression.Text;
        var zhCells = expression.Names(Messages.MessageCatalog.Chinese);
        var also = report.Claims.FirstOrDefault(c => c.Kind == ClaimKind.Figure && c.Concept == claim.Concept && c.Value is { } v && v != value && c.ReferenceYear is null);
        args["detail"] = also is null ? "" : Messages.MessageCatalog.Get(Messages.MessageCatalog.Chinese, "narrative.detail.also-says", ("line", also.Location.Line), ("text", also.Text));
        var detailEn = also is null ? "" : Messages.MessageCatalog.Get(Messages.MessageCatalog.English, "narrative.detail.also-says", ("line", also.Location.Line), ("text", also.Text));
        var zh = NarrativeCheck.Fill(check.Message, new Dictionary<string, string>(args) { ["cells"] = zhCells }).Zh;
        var en = NarrativeCheck.Fill(check.Message, new Dictionary<string, string>(args) { ["detail"] = detailEn }).En;
        var message = new LocalizedText(zh, en);
        return new Finding
        {
            RuleId = check.Id,
            Severity = check.Severity,
            Title = check.Title,
            Message = message,
            Cells = expression.FindingCells(report).ToList(),
            Expression = $"{expression.Text} == {Format(value)}",
            Formula = $"{expression.Render(report, CultureInfo.InvariantCulture)} ≠ {Format(value)}",
            FormulaText = new LocalizedText($"{expression.Render(report, Messages.MessageCatalog.Chinese)} ≠ {Format(value)}", $"{expression.Render(report, CultureInfo.InvariantCulture)} ≠ {Format(value)}"),
            Expected = value,
            Actual = actual,
            Line = claim.Location.Line,
            Quote = claim.Sentence ?? claim.Text,
            Arguments = args,
            Instance = claim.Concept ?? "",
        };
    }

    private Finding? Enumeration(NarrativeClaim claim)
    {
        if (claim.Value is not { } total || claim.Parts.Any(p => p.Value is null) || claim.Parts.Count < 2)
        {
            return null;
        }

        var sum = claim.Parts.Sum(p => p.Value!.Value);
        var formula = $"{string.Join(" + ", claim.Parts.Select(p => Format(p.Value)))} = {Format(sum)}";
        var interval = FigureInterval.For(total, claim.Precision ?? 1, claim.Hedge);
        var groups = claim.Parts.Select(p => _lexicon.Find(p.Concept)?.Group).Where(g => g is not null).GroupBy(g => g).Any(g => g.Count() >= 2);
        string kind;
        if (groups)
        {
            // Channels cover the total: one item may go out on several channels, but each goes out on at least one.
            if (sum >= interval.Low || interval.Contains(sum))
            {
                return null;
            }

            kind = "enumeration-cover";
        }
        else if (interval.Contains(sum))
        {
            return null;
        }
        else
        {
            // A list that ends with a catch-all (其他…) claims to be complete: falling short is then as wrong as exceeding.
            var complete = _lexicon.CatchAllWords.Any(w => LastItem(claim).Contains(w, StringComparison.Ordinal));
            kind = sum > total ? "enumeration-over" : complete && _checks.ForKind("enumeration-short") is not null ? "enumeration-short" : "enumeration-under";
        }

        if (_checks.ForKind(kind) is not { } check)
        {
            return null;
        }

        var args = Arguments(claim);
        args["formula"] = formula;
        return new Finding
        {
            RuleId = check.Id,
            Severity = check.Severity,
            Title = check.Title,
            Message = NarrativeCheck.Fill(check.Message, args),
            Formula = $"{formula} {(kind == "enumeration-cover" ? "<" : sum > total ? ">" : "<")} {Format(total)}",
            Expected = total,
            Actual = sum,
            Line = claim.Location.Line,
            Quote = claim.Sentence ?? claim.Text,
            Arguments = args,
            Instance = claim.Concept ?? "",
        };
    }

    /// <summary>The text of an enumeration's last item: from the end of the item before it to the end of the list.</summary>
    private static string LastItem(NarrativeClaim claim)
    {
        var text = claim.Text ?? "";
        var previous = claim.Parts[^2].Text;
        var at = previous is null ? -1 : text.LastIndexOf(previous, StringComparison.Ordinal);
        return at < 0 ? claim.Parts[^1].Text ?? "" : text[(at + previous!.Length)..];
    }

    private Finding? Percentage(NarrativeClaim claim)
    {
        if (_checks.ForKind("percentage") is not { } check || claim.Value is not { } pct || claim.Parts is not [{ Value: { } num }, { Value: { } den }] || den == 0)
        {
            return null;
        }

        var actual = num / den * 100m;
        var interval = FigureInterval.For(pct, claim.Precision ?? 1, claim.Hedge);
        if (interval.Contains(actual))
        {
            return null;
        }

        var args = Arguments(claim);
        args["formula"] = $"{Format(num)} / {Format(den)} = {Round(actual)}%";
        args["interval"] = interval.ToString();
        return Numeric(check, claim, args, pct, actual);
    }

    private Finding? Change(NarrativeClaim claim)
    {
        if (_checks.ForKind("change") is not { } check || claim.Value is not { } pct || claim.Parts is not [{ Value: { } earlier }, { Value: { } current }] || earlier == 0)
        {
            return null;
        }

        var actual = (current - earlier) / earlier * 100m;
        var interval = FigureInterval.For(Math.Abs(pct), claim.Precision ?? 1, claim.Hedge);
        if (Math.Sign(actual) == Math.Sign(pct) && interval.Contains(Math.Abs(actual)))
        {
            return null;
        }

        var args = Arguments(claim);
        args["formula"] = $"({Format(current)} − {Format(earlier)}) / {Format(earlier)} = {Round(actual)}%";
        args["interval"] = (pct < 0 ? "−" : "+") + interval;
        return Numeric(check, claim, args, pct, actual);
    }

    private static Finding Numeric(NarrativeCheck check, NarrativeClaim claim, Dictionary<string, string> args, decimal expected, decimal actual) => new()
    {
        RuleId = check.Id,
        Severity = check.Severity,
        Title = check.Title,
        Message = NarrativeCheck.Fill(check.Message, args),
        Formula = args["formula"],
        Expected = expected,
        Actual = decimal.Round(actual, 4),
        Line = claim.Location.Line,
        Quote = claim.Sentence ?? claim.Text,
        Arguments = args,
    };

    private Finding? Blank(NarrativeClaim claim)
    {
        if (_checks.ForKind("blank-figure") is not { } check)
        {
            return null;
        }

        var args = Arguments(claim);
        var template = check.Message;
        decimal? hint = null;
        if (claim.Parts.Count >= 2 && claim.Parts.All(p => p.Value is not null) && check.MessageWithHint is { } withHint)
        {
            hint = claim.Parts.Sum(p => p.Value!.Value);
            args["formula"] = $"{string.Join(" + ", claim.Parts.Select(p => Format(p.Value)))} = {Format(hint)}";
            template = withHint;
        }

        return new Finding
        {
            RuleId = check.Id,
            Severity = check.Severity,
            Title = check.Title,
            Message = NarrativeCheck.Fill(template, args),
            Formula = args.GetValueOrDefault("formula"),
            Expected = hint,
            Line = claim.Location.Line,
            Quote = claim.Sentence ?? claim.Text,
            Arguments = args,
        };
    }

    private static Dictionary<string, string> Arguments(NarrativeClaim claim) => new(StringComparer.Ordinal)
    {
        ["claim"] = claim.Text,
        ["value"] = Format(claim.Value),
        ["quote"] = claim.Sentence ?? claim.Text,
        ["line"] = claim.Location.Line.ToString(CultureInfo.InvariantCulture),
        ["detail"] = "",
    };

    private static string Format(decimal? v) => CellExpression.Format(v);

    private static string Round(decimal v) => decimal.Round(v, 2).ToString("0.##", CultureInfo.InvariantCulture);
}
