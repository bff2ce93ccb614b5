using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.CrossReport.Rules;

/// <summary><c>sum(children.X)</c>, <c>max(children.X)</c>, <c>min(children.X)</c> over the departments' reports: computed before the rule runs.</summary>
/// <param name="Function">sum, max or min.</param>
/// <param name="Reference">The cell or concept of each department's report.</param>
internal sealed record ChildAggregate(string Function, string Reference);

/// <summary><c>samenonzero()</c>: the number of non-zero figures when every cell equals the counterpart's, else 0.</summary>
internal sealed record SameNonZero;

/// <summary>
/// What the names of a cross-report rule stand for, beyond the cells of the two formats (which the core binds through its
/// public <see cref="ExpressionFrame"/>): concepts shared by the formats (replaced by their expression in each format),
/// <c>sum/max/min(children.X)</c> and <c>samenonzero()</c> (values computed over several reports), the prefixes that are
/// wrong for the rule's relation, and cells of another printed form of the format (not applicable, with the reason).
/// </summary>
internal sealed class CrossResolver(RuleRelation relation, ConceptMap concepts) : IExpressionResolver
{
    private static readonly string[] Prefixes = ["prev.", "parent.", "children."];

    /// <summary>The prefix of the other report's cells in a rule of a relation; <see langword="null"/> for <see cref="RuleRelation.Children"/>.</summary>
    public static string? OtherPrefix(RuleRelation relation) => relation switch
    {
        RuleRelation.PreviousYear => "prev.",
        RuleRelation.Parent => "parent.",
        _ => null,
    };

    public ExpressionBinding? ResolveReference(ExpressionFrame frame, string name)
    {
        var (schema, inOther, rest) = Split(frame, name);
        if (schema.TryGetCell(new CellId(rest), out _))
        {
            return null;
        }

        if (concepts.TryGet(rest, out var concept))
        {
            return concept.Expressions.TryGetValue(schema.Version, out var text)
                ? ExpressionBinding.Expression(text, inOther)
                : ExpressionBinding.NotApplicable(concept.WhyAbsent(schema.Version));
        }

        // A cell of another printed form of the format (历年累计 of the two-column table) that this report's form lacks.
        if (OtherForm(schema, rest) is { } form)
        {
            var key = $"cross.reason.form.{(inOther ? "other" : "self")}.{(schema.Variant is null ? "national" : "variant")}";
            string In(System.Globalization.CultureInfo culture, Func<LocalizedText, string> pick) => Messages.MessageCatalog.Get(culture, key,
                ("variant", schema.Variant is null ? null : pick(schema.Variant.Title)),
                ("cell", rest),
                ("form", form.Variant is null ? Messages.MessageCatalog.Get(culture, "cross.reason.form.national-form") : pick(form.Variant.Title)));
            return ExpressionBinding.NotApplicable(new LocalizedText(In(Messages.MessageCatalog.Chinese, t => t.Zh), In(Messages.MessageCatalog.English, t => t.En)));
        }

        // The core says what is wrong (unknown id, a row without a column), with its suggestion.
        return null;
    }

    public ExpressionBinding? ResolveCall(ExpressionFrame frame, string functionName, IReadOnlyList<string?> arguments)
    {
        var function = functionName;
        if (function is "sum" or "min" or "max" && arguments is [{ } name] && name.StartsWith("children.", StringComparison.Ordinal))
        {
            if (relation != RuleRelation.Children)
            {
                throw new RuleExpressionException("children. is available only in rules of relation 'children'");
            }

            var reference = name["children.".Length..];
            var label = concepts.TryGet(reference, out var concept) ? concept.Title.Zh : reference;
            return ExpressionBinding.Computed($"{function}(children.{reference})",
                Messages.MessageCatalog.Get(Messages.MessageCatalog.Chinese, $"cross.label.children-{function}", ("label", label)), new ChildAggregate(function, reference));
        }

        if (function == "samenonzero")
        {
            if (arguments.Count != 0 || frame.Other is null)
            {
                throw new RuleExpressionException("samenonzero() takes no arguments and needs a counterpart report (prev. or parent.)");
            }

            return frame.Other.Version != frame.Schema.Version
                ? ExpressionBinding.NotApplicable(Messages.MessageCatalog.Text("cross.reason.formats-differ"))
                : ExpressionBinding.Computed("samenonzero()", Messages.MessageCatalog.Get(Messages.MessageCatalog.Chinese, "cross.label.same-non-zero"), new SameNonZero());
        }

        return null;
    }

    /// <summary>The format a reference names (by the frame's prefix), whether it is the other report's, and the name without the prefix.</summary>
    private (ReportSchema Schema, bool InOther, string Name) Split(ExpressionFrame frame, string name)
    {
        if (frame.OtherPrefix is { } prefix && name.StartsWith(prefix, StringComparison.Ordinal))
        {
            return (frame.Other!, true, name[prefix.Length..]);
        }

        foreach (var reserved in Prefixes)
        {
            if (name.StartsWith(reserved, StringComparison.Ordinal))
            {
                throw new RuleExpressionException($"'{reserved}' is not available in a rule of relation '{relation}'");
            }
        }

        return (frame.Schema, false, name);
    }

    /// <summary>The other form of the report's format (national or a variant) that has the cell, when this form lacks it.</summary>
    private static ReportSchema? OtherForm(ReportSchema schema, string cellId)
    {
        var national = SchemaCatalog.Get(schema.Version);
        return new[] { national }.Concat(national.Variants).FirstOrDefault(form => form != schema && form.TryGetCell(new CellId(cellId), out _));
    }
}
