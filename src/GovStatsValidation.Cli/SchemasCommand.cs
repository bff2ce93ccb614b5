using System.CommandLine;
using System.Globalization;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Cli;

/// <summary><c>govstats schemas list</c> and <c>govstats schemas show NAME</c>: the table formats and their row trees.</summary>
internal static class SchemasCommand
{
    public static Command Create(CliContext context)
    {
        var list = new Command("list", "List the table formats");
        list.SetAction(_ =>
        {
            foreach (var schema in SchemaCatalog.All)
            {
                var cells = schema.Cells.Count.ToString(CultureInfo.InvariantCulture);
                context.Out.WriteLine($"{schema.Version.ToToken(),-8} {Years(schema),-11} {schema.Tables.Count.ToString(CultureInfo.InvariantCulture),2} tables {cells,4} cells  {schema.Title.Zh} / {schema.Title.En}  ({schema.LegalBasis})");
            }

            return CliApp.ExitOk;
        });

        var name = new Argument<string>("NAME") { Description = "pre2019, 2019 or 2021" };
        var show = new Command("show", "Show a format's tables and row tree with ids, labels, units and columns") { name };
        show.SetAction(parse =>
        {
            if (!SchemaVersions.TryParse(parse.GetValue(name), out var version))
            {
                context.Error.WriteLine($"unknown schema '{parse.GetValue(name)}' (pre2019, 2019, 2021)");
                return CliApp.ExitUnusable;
            }

            Show(context.Out, SchemaCatalog.Get(version));
            return CliApp.ExitOk;
        });

        return new Command("schemas", "The table formats") { list, show };
    }

    internal static void Show(TextWriter w, ReportSchema schema)
    {
        w.WriteLine($"{schema.Version.ToToken()}  {schema.Title.Zh} / {schema.Title.En}");
        w.WriteLine($"  years {Years(schema)} · {schema.LegalBasis}");
        if (schema.Sections.Count > 0)
        {
            w.WriteLine("  sections: " + string.Join("  ", schema.Sections.Select(s => $"{s.Numeral}、{s.Heading} ({s.Id})")));
        }

        foreach (var table in schema.Tables)
        {
            w.WriteLine();
            w.WriteLine($"table {table.Id}: {table.Title.Zh} / {table.Title.En}{(table.Caption is { } c ? $" [{c}]" : "")}{(table.IsRequired ? " (required)" : "")}");
            if (table.Columns.Count > 0)
            {
                w.WriteLine("  columns: " + string.Join(", ", table.Columns.Select(col => $"{col.Id} {col.Label}{(col.IsTotal ? " (total)" : "")}{(col.Unit is { } u ? $" [{u}]" : "")}")));
            }

            foreach (var row in table.Rows)
            {
                Row(w, row, 1);
            }
        }
    }

    private static void Row(TextWriter w, SchemaRow row, int depth)
    {
        var marks = new List<string>();
        if (row.Kind != RowKind.Value)
        {
            marks.Add(row.Kind.ToString().ToLowerInvariant());
        }

        if (row.Role != RowRole.Part)
        {
            marks.Add(row.Role == RowRole.OfWhich ? "of-which" : "related");
        }

        if (row.Unit is { } unit)
        {
            marks.Add($"unit {unit}");
        }

        if (row.ValueKind != ValueKind.Count)
        {
            marks.Add(row.ValueKind.ToString().ToLowerInvariant());
        }

        if (row.SinceYear is { } since)
        {
            marks.Add($"since {since.ToString(CultureInfo.InvariantCulture)}");
        }

        w.WriteLine($"{new string(' ', depth * 2)}{row.Id}  {row.Label}{(marks.Count > 0 ? $"  ({string.Join(", ", marks)})" : "")}");
        foreach (var child in row.Children)
        {
            Row(w, child, depth + 1);
        }
    }

    private static string Years(ReportSchema schema) =>
        schema.LastYear >= 2100 ? $"{schema.FirstYear.ToString(CultureInfo.InvariantCulture)}–" : $"{schema.FirstYear.ToString(CultureInfo.InvariantCulture)}–{schema.LastYear.ToString(CultureInfo.InvariantCulture)}";
}
