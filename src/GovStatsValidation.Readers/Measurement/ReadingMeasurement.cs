using System.Globalization;
using System.Text;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Readers.Measurement;

/// <summary>A cell printed in a report's table that the readers did not read, and why.</summary>
/// <param name="CellId">Schema cell id.</param>
/// <param name="Line">Source line the reason names (the row's label or the table's first line), when known.</param>
/// <param name="Reason">Why the cell was not read, as the reader gave it.</param>
public sealed record UnreadCell(string CellId, int? Line, string Reason);

/// <summary>What the readers made of one file: its cells printed, read, reconstructed and not read.</summary>
public sealed record FileReading
{
    /// <summary>The file, as it is shown (relative to the folder the measurement was made from).</summary>
    public required string File { get; init; }

    /// <summary>Kind of document sniffed from the content (<c>text</c>, <c>html</c>, <c>docx</c>, <c>pdf</c>), or null when nothing was read.</summary>
    public string? Format { get; init; }

    /// <summary>How the tables were printed, as the readers that read them saw it (e.g. <c>space-aligned columns</c>,
    /// <c>schema-guided: glued digits</c>); several, with their cell counts, when tables were read in different ways.</summary>
    public string Layout { get; init; } = "";

    /// <summary>The schema read (<c>pre2019</c>, <c>2019</c>, <c>2021</c>, with <c>/variant</c> when a printed variant), or null.</summary>
    public string? Schema { get; init; }

    /// <summary>Null for a report; otherwise what happened to a file that is not read as one report (input error, not a report).</summary>
    public string? NotAReport { get; init; }

    /// <summary>Cells printed with content: cells of rows whose labels are found in the source, less the cells printed blank.</summary>
    public int Printed { get; init; }

    /// <summary>Printed cells read (a number, a placeholder such as —— or 无).</summary>
    public int Read { get; init; }

    /// <summary>Read cells cut out of digits that ran together (see <see cref="ExtractedCell.Reconstructed"/>).</summary>
    public int Reconstructed { get; init; }

    /// <summary>Cells printed blank (left out of <see cref="Printed"/>).</summary>
    public int Blank { get; init; }

    /// <summary>Printed cells not read, each with the reader's reason.</summary>
    public IReadOnlyList<UnreadCell> Unread { get; init; } = [];

    /// <summary>True when every printed cell was read (and something was printed).</summary>
    public bool FullyRead => NotAReport is null && Printed > 0 && Read == Printed;
}

/// <summary>
/// Measures extraction on report files: for each file, the cells its tables print and how many of them the readers
/// read, with every cell not read and the reason. The definition of "printed": every cell of a schema row whose label
/// the readers found in the source (a cell read, a cell printed blank, a row named in a part the reader could not read,
/// or a row label the schema-guided reader found in a table's region), less the cells printed blank.
/// </summary>
public static class ReadingMeasurement
{
    /// <summary>Measures every file the paths name (files, folders searched recursively, globs), in sorted order.</summary>
    /// <param name="paths">Files, folders or globs.</param>
    /// <param name="relativeTo">Folder the files are shown relative to.</param>
    /// <param name="options">Reader options; null for defaults.</param>
    /// <returns>One measurement per file, and the arguments that named nothing.</returns>
    public static (IReadOnlyList<FileReading> Files, IReadOnlyList<string> Missing) MeasureAll(IEnumerable<string> paths, string relativeTo, ReportReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        ArgumentNullException.ThrowIfNull(relativeTo);
        var (files, missing) = InputDiscovery.Expand(paths);
        var shown = files.Select(f => (Path: f, Shown: Path.GetRelativePath(relativeTo, f).Replace('\\', '/'))).OrderBy(f => f.Shown, StringComparer.Ordinal);
        return (shown.Select(f => Measure(f.Path, f.Shown, options)).ToList(), missing);
    }

    /// <summary>Measures one file as <c>govstats check</c> reads it (content sniffed, schema detected unless named).</summary>
    /// <param name="path">The file.</param>
    /// <param name="shownAs">The name shown for it.</param>
    /// <param name="options">Reader options (e.g. a forced schema); null for defaults.</param>
    /// <returns>The measurement; never throws for an unreadable file (it is listed with what happened).</returns>
    public static FileReading Measure(string path, string shownAs, ReportReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(shownAs);
        byte[] bytes;
        try
        {
            bytes = IO.SafeFile.ReadAllBytes(path, PublishedReportReader.MaxBytes, size => new ReportReadException(
                string.Create(CultureInfo.InvariantCulture, $"file is {size:N0} bytes; the limit for a report is {PublishedReportReader.MaxBytes:N0}")));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ReportReadException)
        {
            return new FileReading { File = shownAs, NotAReport = $"not read: {e.Message}" };
        }

        return Measure(bytes, shownAs, options);
    }

    /// <summary>Measures one report given as bytes.</summary>
    /// <param name="content">The file's content.</param>
    /// <param name="shownAs">The name shown for it.</param>
    /// <param name="options">Reader options; null for defaults.</param>
    /// <returns>The measurement.</returns>
    public static FileReading Measure(byte[] content, string shownAs, ReportReaderOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(content);
        ReportExtraction extraction;
        try
        {
            extraction = new ReportReader(options).Read(content);
        }
        catch (ReportReadException e)
        {
            return new FileReading { File = shownAs, NotAReport = $"input error: {e.Message}" };
        }

        var format = extraction.Kind.ToString().ToLowerInvariant();
        AnnualReport report;
        try
        {
            report = new PublishedReportReader(options).ToReport(extraction, shownAs);
        }
        catch (ReportLoadException e)
        {
            return new FileReading { File = shownAs, Format = format, NotAReport = $"input error: {e.Reason}" };
        }

        return Count(extraction, report, shownAs, format);
    }

    private static FileReading Count(ReportExtraction extraction, AnnualReport report, string shownAs, string format)
    {
        var definition = report.SchemaDefinition;
        var schemaName = report.Schema.ToToken() + (report.Variant is { } v ? "/" + v : "");
        var firstCell = new Dictionary<string, ExtractedCell>(StringComparer.Ordinal);
        foreach (var cell in extraction.Cells)
        {
            firstCell.TryAdd(cell.CellId, cell);
        }

        var unreadReason = new Dictionary<string, (int Line, string Reason)>(StringComparer.Ordinal);
        foreach (var part in extraction.Unread)
        {
            foreach (var id in part.CellIds)
            {
                unreadReason.TryAdd(id, (part.Line, part.Reason));
            }
        }

        // Rows whose labels are in the source: a cell of the row was read or printed blank, the row is named in an unread
        // part, or the schema-guided reader found its label.
        var foundRows = new Dictionary<string, int?>(StringComparer.Ordinal);
        foreach (var (id, value) in report.Cells)
        {
            if (definition.TryGetCell(id, out var cell))
            {
                foundRows.TryAdd(cell.Row.Id, value.Location?.Line);
            }
        }

        foreach (var (row, line) in extraction.LabelRows)
        {
            foundRows.TryAdd(row, line);
        }

        var printed = 0;
        var read = 0;
        var blank = 0;
        var reconstructed = 0;
        var unread = new List<UnreadCell>();
        var layouts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cell in definition.Cells)
        {
            if (!foundRows.TryGetValue(cell.Row.Id, out var rowLine))
            {
                continue;
            }

            var id = cell.Id.ToString();
            var value = report.Cells.Contains(cell.Id) ? report.Cells[cell.Id] : null;
            switch (value?.State)
            {
                case CellState.Blank:
                    blank++;
                    continue;
                case CellState.Number or CellState.Placeholder:
                    printed++;
                    read++;
                    if (value.Reconstructed)
                    {
                        reconstructed++;
                    }

                    var how = firstCell.TryGetValue(id, out var extracted) ? LayoutOf(extracted) : "?";
                    layouts[how] = layouts.GetValueOrDefault(how) + 1;
                    continue;
                case CellState.Unreadable when value.Raw is { Length: > 0 } raw:
                    printed++;
                    unread.Add(new UnreadCell(id, value.Location?.Line, $"the cell's text is not a number: '{raw}'"));
                    continue;
                default:
                    printed++;
                    unread.Add(unreadReason.TryGetValue(id, out var why)
                        ? new UnreadCell(id, why.Line, why.Reason)
                        : new UnreadCell(id, rowLine, "the row's label is in the source but no reader gave this cell a value or a reason"));
                    continue;
            }
        }

        var layout = layouts.Count switch
        {
            0 => "",
            1 => layouts.Keys.Single(),
            _ => string.Join("; ", layouts.OrderByDescending(l => l.Value).ThenBy(l => l.Key, StringComparer.Ordinal).Select(l => $"{l.Key} ({l.Value})")),
        };
        return new FileReading
        {
            File = shownAs,
            Format = format,
            Schema = schemaName,
            Layout = layout,
            Printed = printed,
            Read = read,
            Blank = blank,
            Reconstructed = reconstructed,
            Unread = unread,
        };
    }

    /// <summary>How a cell was read, from the reader's own account of it.</summary>
    private static string LayoutOf(ExtractedCell cell)
    {
        var reason = cell.Reason;
        if (reason.StartsWith("schema-guided", StringComparison.Ordinal))
        {
            return reason.Contains("the runs of numbers were out of the table's order", StringComparison.Ordinal) ? "schema-guided: runs of numbers arranged"
                : cell.Reconstructed || reason.Contains("digits that ran together", StringComparison.Ordinal) ? "schema-guided: glued digits"
                : reason.Contains("order of their blocks", StringComparison.Ordinal) ? "schema-guided: numbers in block order"
                : "schema-guided: label then numbers";
        }

        var first = reason.Split(' ', 2)[0];
        return Enum.TryParse<TableLayout>(first, out var layout) ? LayoutName(layout) : "other";
    }

    private static string LayoutName(TableLayout layout) => layout switch
    {
        TableLayout.CellPerLine => "one cell per line",
        TableLayout.TabSeparated => "tab-separated rows",
        TableLayout.SpaceAligned => "space-aligned columns",
        TableLayout.Markdown => "markdown table",
        TableLayout.Html => "HTML table",
        TableLayout.Word => "Word table",
        _ => layout.ToString(),
    };

    /// <summary>Renders measurements as the Markdown of <c>docs/reading.md</c>: a table per file, a summary per layout, every unread cell with its reason, and the files that are not reports.</summary>
    /// <param name="files">The measurements, in the order to show.</param>
    /// <param name="command">The command that regenerates the document, shown in it.</param>
    /// <returns>The Markdown text (LF line ends).</returns>
    public static string ToMarkdown(IReadOnlyList<FileReading> files, string command)
    {
        ArgumentNullException.ThrowIfNull(files);
        var inv = CultureInfo.InvariantCulture;
        var sb = new StringBuilder();
        sb.Append("# Reading: cells read / cells printed, per report file\n\n");
        sb.Append("Generated by `").Append(command).Append("` (rerun it to update this page).\n\n");
        sb.Append("Definitions. **Printed**: the cells of every schema row whose label the readers found in the source (a cell read, a cell ")
            .Append("printed blank, a row named in a part a reader could not read, or a row label the schema-guided reader found inside a ")
            .Append("table), less the cells printed blank (shown apart). **Read**: printed cells read as a number or a placeholder (——, /, 无). ")
            .Append("**Reconstructed**: read cells cut out of digits that ran together, where the cut is the only one the column count and ")
            .Append("the row's total allow. A printed cell not read is listed below with the reader's reason. Cells of rows whose labels ")
            .Append("are not in the source at all are not counted (the row is not printed). **Layout**: how the cells were read, from the ")
            .Append("reader's own account (layout reader of the table, or the schema-guided reader and how it tied numbers to rows). ")
            .Append("A reason saying that digits \"can be cut in several ways\" or runs of numbers \"can be arranged in several ways\" marks ")
            .Append("cells the text itself leaves undecided (every candidate keeps the table's identities): the readers list the candidates ")
            .Append("and never guess. **No table read**: no row label of the format was found, so nothing is counted.\n\n");

        var reports = files.Where(f => f.NotAReport is null).ToList();
        var printedAll = reports.Sum(f => f.Printed);
        var readAll = reports.Sum(f => f.Read);
        sb.Append(inv, $"Total over {reports.Count} report files: {readAll} / {printedAll} cells read ({Percent(readAll, printedAll)}), ")
            .Append(inv, $"{reports.Count(f => f.FullyRead)} files read completely, {reports.Sum(f => f.Reconstructed)} cells reconstructed, ")
            .Append(inv, $"{files.Count - reports.Count} files not reports.\n\n");

        sb.Append("## Per file\n\n");
        sb.Append("| file | format | schema | layout | read / printed | % | reconstructed | blank | not read |\n");
        sb.Append("|---|---|---|---|---:|---:|---:|---:|---:|\n");
        foreach (var f in reports)
        {
            sb.Append(inv, $"| {Cell(f.File)} | {f.Format} | {f.Schema} | {Cell(f.Layout.Length == 0 ? MainLayout(f) : f.Layout)} | {f.Read} / {f.Printed} | {Percent(f.Read, f.Printed)} | {f.Reconstructed} | {f.Blank} | {f.Unread.Count} |\n");
        }

        sb.Append("\n## Per layout\n\n");
        sb.Append("Each report file counted under the way most of its cells were read (format and layout).\n\n");
        sb.Append("| format · layout | files | read / printed | % | fully read |\n|---|---:|---:|---:|---:|\n");
        foreach (var g in reports.GroupBy(f => $"{f.Format} · {MainLayout(f)}").OrderBy(g => g.Key, StringComparer.Ordinal))
        {
            var p = g.Sum(f => f.Printed);
            var r = g.Sum(f => f.Read);
            sb.Append(inv, $"| {Cell(g.Key)} | {g.Count()} | {r} / {p} | {Percent(r, p)} | {g.Count(f => f.FullyRead)} |\n");
        }

        sb.Append("\n## Cells not read, with the reason\n\n");
        var withUnread = reports.Where(f => f.Unread.Count > 0).ToList();
        if (withUnread.Count == 0)
        {
            sb.Append("None.\n");
        }

        foreach (var f in withUnread)
        {
            sb.Append(inv, $"### {f.File} ({f.Unread.Count})\n\n");
            // Cells that share a line and a reason are listed together.
            foreach (var g in f.Unread.GroupBy(u => (u.Line, u.Reason)))
            {
                sb.Append("- ").Append(g.Key.Line is { } line ? string.Create(inv, $"line {line}: ") : "")
                    .Append(CellList(g.Select(u => u.CellId))).Append(" — ").Append(OneLine(g.Key.Reason)).Append('\n');
            }

            sb.Append('\n');
        }

        sb.Append("## Files that are not read as reports\n\n");
        var others = files.Where(f => f.NotAReport is not null).ToList();
        if (others.Count == 0)
        {
            sb.Append("None.\n");
        }

        foreach (var f in others)
        {
            sb.Append("- ").Append(f.File).Append(f.Format is { } k ? $" ({k})" : "").Append(": ").Append(OneLine(f.NotAReport!)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>Cells listed by row: <c>`row[a, b]`</c>, or the row alone with its cell count when the list holds the whole row.</summary>
    private static string CellList(IEnumerable<string> cellIds) =>
        string.Join(", ", cellIds.GroupBy(id => id.Split('[')[0], StringComparer.Ordinal).Select(row =>
        {
            var columns = row.Select(id => id.Contains('[', StringComparison.Ordinal) ? id[(id.IndexOf('[', StringComparison.Ordinal) + 1)..^1] : null).OfType<string>().ToList();
            return columns.Count == 0 ? $"`{row.Key}`" : $"`{row.Key}[{string.Join(", ", columns)}]`";
        }));

    private static string MainLayout(FileReading f)
    {
        if (f.Layout.Length == 0)
        {
            return f.Blank > 0 ? "table printed blank" : "no table read";
        }

        var cut = f.Layout.IndexOf(" (", StringComparison.Ordinal);
        return cut < 0 ? f.Layout : f.Layout[..cut];
    }

    private static string Percent(int read, int printed) =>
        printed == 0 ? "—" : (100m * read / printed).ToString(read == printed ? "0" : "0.0", CultureInfo.InvariantCulture) + "%";

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim();
}
