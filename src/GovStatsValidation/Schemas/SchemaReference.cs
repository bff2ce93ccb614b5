using System.Globalization;
using System.Text;

namespace GovStatsValidation.Schemas;

/// <summary>
/// Writes what the table descriptions say in two other forms: the reference <c>docs/schemas.md</c> and the typed C#
/// cell ids (<c>Schemas/Cells.g.cs</c>). Both are generated from <see cref="SchemaCatalog"/>; a test keeps the
/// checked-in copies in step with <c>rules/tables/*.table.json</c>.
/// </summary>
internal static class SchemaReference
{
    /// <summary>The Markdown reference of every schema: tables, row trees with ids, labels, variants, units.</summary>
    public static string Markdown()
    {
        var sb = new StringBuilder();
        sb.AppendLine("# Table schemas");
        sb.AppendLine();
        sb.AppendLine("Generated from `rules/tables/*.table.json` by `SchemaReference.Markdown()`; do not edit by hand.");
        sb.AppendLine("A cell id is the row id, and for tables with columns the column id in brackets: `requests.new[natural_person]`.");
        sb.AppendLine("Rows marked *header* or *derived* have no cells of their own; *of which* rows are subsets, not parts.");
        foreach (var schema in SchemaCatalog.All)
        {
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"## `{schema.Version.ToToken()}` — {schema.Title.Zh}");
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"{schema.Title.En}. Reports {schema.FirstYear}–{(schema.LastYear >= 2100 ? "" : schema.LastYear.ToString(CultureInfo.InvariantCulture))}; basis {schema.LegalBasis}. {schema.Cells.Count} cells.");
            if (schema.Sections.Count > 0)
            {
                sb.AppendLine();
                sb.AppendLine("Required sections: " + string.Join(" / ", schema.Sections.Select(s => $"{s.Numeral}、{s.Heading} (`{s.Id}`)")));
            }

            foreach (var table in schema.Tables)
            {
                sb.AppendLine();
                sb.AppendLine(CultureInfo.InvariantCulture, $"### Table `{table.Id}` — {table.Title.Zh}{(table.Caption is { } c && c != table.Title.Zh ? $" ({c})" : "")}{(table.IsRequired ? " — required" : "")}");
                sb.AppendLine();
                if (table.Columns.Count > 0)
                {
                    sb.AppendLine("Columns: " + string.Join(", ", table.Columns.Select(col => $"`{col.Id}` {col.Label}{(col.Variants.Count > 0 ? $" (also {string.Join(", ", col.Variants)})" : "")}{(col.Kind is { } k ? $" [{k}]" : "")}")));
                    sb.AppendLine();
                }

                sb.AppendLine("| id | label | unit | kind | also printed as |");
                sb.AppendLine("|---|---|---|---|---|");
                foreach (var row in table.AllRows)
                {
                    var depth = 0;
                    for (var p = row.Parent; p is not null; p = p.Parent)
                    {
                        depth++;
                    }

                    var kind = row.Kind switch
                    {
                        RowKind.Header => "header",
                        RowKind.Derived => "derived",
                        _ => row.Role switch { RowRole.OfWhich => "of which", RowRole.Related => "related", _ => row.ValueKind.ToString().ToLowerInvariant() },
                    };
                    var since = row.SinceYear is { } y ? $" (from {y})" : "";
                    sb.AppendLine(CultureInfo.InvariantCulture, $"| {new string(' ', 0)}{string.Concat(Enumerable.Repeat("&nbsp;&nbsp;", depth))}`{row.Id}` | {row.Label}{since} | {row.Unit} | {kind} | {string.Join("; ", row.Variants)} |");
                }
            }

            foreach (var variant in schema.Variants)
            {
                VariantMarkdown(sb, schema, variant);
            }
        }

        return sb.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static void VariantMarkdown(StringBuilder sb, ReportSchema schema, ReportSchema variant)
    {
        var info = variant.Variant!;
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"### Variant `{schema.Version.ToToken()}` / `{info.Id}` — {info.Title.Zh}");
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"{info.Title.En}. Recognised by {string.Join(", ", info.DetectionLabels)}; a report gives it as `\"variant\": \"{info.Id}\"`. {variant.Cells.Count} cells. Every rule of `{schema.Version.ToToken()}` applies, and over each extra column too.");
        foreach (var table in variant.Tables.Where(t => t.ExtraColumns.Count > 0))
        {
            sb.AppendLine();
            var extra = string.Join("; ", table.ExtraColumns.Select(c => $"`ROW[{c.Id}]` is the column {c.Label}{(c.Variants.Count > 0 ? $" (also {string.Join(", ", c.Variants)})" : "")}"));
            var current = table.CurrentColumn is { } cc ? cc.Label + (cc.Variants.Count > 0 ? $" (also {string.Join(", ", cc.Variants)})" : "") : "(current)";
            sb.AppendLine(CultureInfo.InvariantCulture, $"Table `{table.Id}`: the plain cell ids are the column {current}; {extra}.");
        }

        var national = schema.Rows.Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        var added = variant.Rows.Where(r => !national.Contains(r.Id)).ToList();
        if (added.Count > 0)
        {
            sb.AppendLine();
            sb.AppendLine("| id | label | unit | kind | printed instead of |");
            sb.AppendLine("|---|---|---|---|---|");
            foreach (var row in added)
            {
                sb.AppendLine(CultureInfo.InvariantCulture, $"| `{row.Id}` | {row.Label}{(row.Variants.Count > 0 ? $" (also {string.Join("; ", row.Variants)})" : "")} | {row.Unit} | {row.ValueKind.ToString().ToLowerInvariant()} | {string.Join(", ", row.Replaces.Select(x => $"`{x}`"))} |");
            }
        }
    }

    /// <summary>The typed C# cell ids: one static class per schema, one field per cell (a nested class per row for tables with columns).</summary>
    public static string CSharp()
    {
        var sb = new StringBuilder();
        sb.AppendLine("// <auto-generated>");
        sb.AppendLine("// Generated from rules/tables/*.table.json by SchemaReference.CSharp(); do not edit by hand.");
        sb.AppendLine("// </auto-generated>");
        sb.AppendLine();
        sb.AppendLine("namespace GovStatsValidation.Schemas;");
        foreach (var schema in SchemaCatalog.All)
        {
            var className = schema.Version switch
            {
                SchemaVersion.Pre2019 => "Pre2019Cells",
                SchemaVersion.Format2019 => "Format2019Cells",
                _ => "Format2021Cells",
            };
            sb.AppendLine();
            sb.AppendLine(CultureInfo.InvariantCulture, $"/// <summary>Cell ids of the {Escape(schema.Title.En)} (<c>{schema.Version.ToToken()}</c>): {Escape(schema.Title.Zh)}.</summary>");
            sb.AppendLine(CultureInfo.InvariantCulture, $"public static class {className}");
            sb.AppendLine("{");
            var first = true;
            foreach (var row in schema.Rows.Where(r => r.Cells.Count > 0))
            {
                if (!first)
                {
                    sb.AppendLine();
                }

                first = false;
                if (row.Cells.Count == 1 && row.Cells[0].Column is null)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"    /// <summary>{Escape(row.Label)}{(row.Unit is { } u ? $" ({Escape(u)})" : "")}: <c>{row.Id}</c>.</summary>");
                    sb.AppendLine(CultureInfo.InvariantCulture, $"    public static readonly CellId {Pascal(row.Id)} = new(\"{row.Id}\");");
                    continue;
                }

                sb.AppendLine(CultureInfo.InvariantCulture, $"    /// <summary>Row {Escape(row.Label)}: <c>{row.Id}[…]</c>.</summary>");
                sb.AppendLine(CultureInfo.InvariantCulture, $"    public static class {Pascal(row.Id)}");
                sb.AppendLine("    {");
                foreach (var cell in row.Cells)
                {
                    sb.AppendLine(CultureInfo.InvariantCulture, $"        /// <summary>{Escape(row.Label)} / {Escape(cell.Column!.Label)}: <c>{cell.Id}</c>.</summary>");
                    sb.AppendLine(CultureInfo.InvariantCulture, $"        public static readonly CellId {Pascal(cell.Column.Id)} = new(\"{cell.Id}\");");
                }

                sb.AppendLine("    }");
            }

            foreach (var variant in schema.Variants)
            {
                VariantCSharp(sb, schema, variant);
            }

            sb.AppendLine("}");
        }

        return sb.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static void VariantCSharp(StringBuilder sb, ReportSchema schema, ReportSchema variant)
    {
        var info = variant.Variant!;
        sb.AppendLine();
        sb.AppendLine(CultureInfo.InvariantCulture, $"    /// <summary>Cells only the variant <c>{info.Id}</c> prints: {Escape(info.Title.En)} ({Escape(info.Title.Zh)}).</summary>");
        sb.AppendLine(CultureInfo.InvariantCulture, $"    public static class {Pascal(info.Id)}");
        sb.AppendLine("    {");
        var first = true;
        foreach (var cell in variant.Cells.Where(c => c.Column is null && !schema.TryGetCell(c.Id, out _)))
        {
            if (!first)
            {
                sb.AppendLine();
            }

            first = false;
            sb.AppendLine(CultureInfo.InvariantCulture, $"        /// <summary>{Escape(cell.Row.Label)}{(cell.Unit is { } u ? $" ({Escape(u)})" : "")}: <c>{cell.Id}</c>.</summary>");
            sb.AppendLine(CultureInfo.InvariantCulture, $"        public static readonly CellId {Pascal(cell.Row.Id)} = new(\"{cell.Id}\");");
        }

        foreach (var column in variant.Tables.SelectMany(t => t.ExtraColumns))
        {
            if (!first)
            {
                sb.AppendLine();
            }

            first = false;
            sb.AppendLine(CultureInfo.InvariantCulture, $"        /// <summary>The column {Escape(column.Label)}: <c>ROW[{column.Id}]</c>.</summary>");
            sb.AppendLine(CultureInfo.InvariantCulture, $"        public static class {Pascal(column.Id)}");
            sb.AppendLine("        {");
            var firstCell = true;
            foreach (var cell in variant.Cells.Where(c => c.Column == column))
            {
                if (!firstCell)
                {
                    sb.AppendLine();
                }

                firstCell = false;
                sb.AppendLine(CultureInfo.InvariantCulture, $"            /// <summary>{Escape(cell.Row.Label)} / {Escape(column.Label)}: <c>{cell.Id}</c>.</summary>");
                sb.AppendLine(CultureInfo.InvariantCulture, $"            public static readonly CellId {Pascal(cell.Row.Id)} = new(\"{cell.Id}\");");
            }

            sb.AppendLine("        }");
        }

        sb.AppendLine("    }");
    }

    private static string Pascal(string id)
    {
        var sb = new StringBuilder();
        foreach (var part in id.Split('.', '_', '-'))
        {
            if (part.Length == 0)
            {
                continue;
            }

            sb.Append(char.ToUpperInvariant(part[0])).Append(part.AsSpan(1));
        }

        return char.IsAsciiDigit(sb[0]) ? "_" + sb : sb.ToString();
    }

    private static string Escape(string text) => text.Replace("&", "&amp;", StringComparison.Ordinal).Replace("<", "&lt;", StringComparison.Ordinal).Replace(">", "&gt;", StringComparison.Ordinal);
}
