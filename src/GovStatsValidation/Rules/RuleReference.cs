using System.Globalization;
using System.Text;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Rules;

/// <summary>
/// Writes the reference of every rule of a catalogue (<c>docs/rules.md</c> for the built-in packages): per kind, per rule its
/// id, severity, title, where it is defined, and for a rule written in a rule file its formats, expression and messages.
/// </summary>
public static class RuleReference
{
    /// <summary>The Markdown reference of the rules of a catalogue, in the catalogue's order (by kind, then as defined).</summary>
    /// <param name="catalog">The catalogue (e.g. of <c>AddGovStatsValidation().AddReaders().AddCrossReport()</c>).</param>
    /// <returns>The Markdown text, with <c>\n</c> line ends.</returns>
    public static string Markdown(IRuleCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        var sb = new StringBuilder();
        sb.AppendLine("# Rules");
        sb.AppendLine();
        sb.AppendLine("Generated from the rule catalogue (`IRuleCatalog`: the rule files `rules/*.rules.json` and `rules/cross/*.cross.json`, and the");
        sb.AppendLine("checks the packages implement in code) by `RuleReference.Markdown()`; do not edit by hand. Severity: **error** — the table's own");
        sb.AppendLine("figures cannot all be true, or a required part is missing; **warning** — very likely wrong, a person must look; **info** — for the record.");
        foreach (var kind in catalog.Rules.GroupBy(r => r.Kind))
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"## {KindTitle(kind.Key)} ({kind.Count()})");
            foreach (var rule in kind)
            {
                sb.AppendLine();
                Write(sb, rule);
            }
        }

        return sb.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static void Write(StringBuilder sb, RuleDescription description)
    {
        var severity = description.Severity.ToString().ToLowerInvariant();
        if (description.Definition is not { } rule)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"### `{description.Id}` ({severity})");
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"{description.Title.Zh} — {description.Title.En}. Defined in `{description.Source}`.");
            return;
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"### `{rule.Id}` ({severity}{(rule.Emit == EmitMode.Always ? $", always shown; {rule.PassSeverity.ToString().ToLowerInvariant()} when it holds" : "")}{(rule.Disabled ? ", disabled" : "")})");
        sb.AppendLine();
        var schemas = string.Join(", ", rule.Schemas.Select(s => s.ToToken()));
        sb.AppendLine(rule.Relation is { } relation
            ? string.Create(CultureInfo.InvariantCulture, $"{rule.Title.Zh} — {rule.Title.En}. Against {Relation(relation)}; formats: {schemas}{Counterparts(rule)}. Defined in `{description.Source}`.")
            : string.Create(CultureInfo.InvariantCulture, $"{rule.Title.Zh} — {rule.Title.En}. Schemas: {schemas}. Defined in `{description.Source}`."));
        sb.AppendLine();
        sb.AppendLine("```");
        sb.AppendLine(rule.Expression);
        sb.AppendLine("```");
        if (rule.ForEach.Count > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- for each: {string.Join("; ", rule.ForEach.Select(f => $"`${f.Key}` in {string.Join(", ", f.Value)}"))}");
        }

        if (rule.When is { } when)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- when: `{when}`");
        }

        if (rule.Requires.Count > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- requires reported: {string.Join(", ", rule.Requires.Select(r => $"`{r}`"))}");
        }

        if (rule.Missing != MissingPolicy.Default)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- missing values: blank→{rule.Missing.Blank}, absent→{rule.Missing.Absent}, placeholder→{rule.Missing.Placeholder}, unreadable→{rule.Missing.Unreadable}");
        }

        if (rule.Variants.Count > 0)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- printed variants: {string.Join(", ", rule.Variants)}");
        }

        if (rule.NotApplicable is { } notApplicable)
        {
            sb.AppendLine(CultureInfo.InvariantCulture, $"- not applicable to other formats: {notApplicable.Zh} — {notApplicable.En}");
        }

        sb.AppendLine(CultureInfo.InvariantCulture, $"- message (zh): {rule.Message.Zh}");
        sb.AppendLine(CultureInfo.InvariantCulture, $"- message (en): {rule.Message.En}");
    }

    private static string Counterparts(RuleDefinition rule) => rule.Relation == RuleRelation.Children
        ? ""
        : $" against {string.Join(", ", rule.CounterpartSchemas.Select(s => s.ToToken()))}{(rule.SamePairOnly ? " (same format only)" : "")}";

    private static string Relation(RuleRelation relation) => relation switch
    {
        RuleRelation.PreviousYear => "the same agency's previous-year report (`prev.`)",
        RuleRelation.Parent => "the jurisdiction-wide report (`parent.`)",
        _ => "the jurisdiction's department reports (`children.`)",
    };

    private static string KindTitle(RuleKind kind) => kind switch
    {
        RuleKind.Table => "Table rules",
        RuleKind.Input => "Input checks",
        RuleKind.Narrative => "Narrative against the tables",
        RuleKind.Structure => "Section structure",
        _ => "Across reports",
    };
}
