using System.Globalization;
using GovStatsValidation.Json;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;

namespace GovStatsValidation.Readers;

/// <summary>
/// Reads a published report — plain text (also PDF-to-text and PDF-to-markdown output), a saved HTML page or a Word
/// .docx — into the report model: table cells with their source lines, sections, and how the input was read.
/// The kind is sniffed from the content; anything that is not JSON is tried as a published report.
/// </summary>
public sealed class PublishedReportReader : IReportReader
{
    /// <summary>The largest file read, in bytes.</summary>
    public const int MaxBytes = ProcessingLimits.MaxPublishedReportBytes;

    private readonly ReportReader _reader;

    /// <summary>Creates the reader.</summary>
    /// <param name="options">Reader options; null for defaults (embedded schemas, detection by labels).</param>
    public PublishedReportReader(ReportReaderOptions? options = null) => _reader = new ReportReader(options);

    /// <summary>Extra narrative and structure analysis run on every read report (e.g. narrative claims), if any.</summary>
    public IList<Action<ReportExtraction, AnnualReport>> Enrichers { get; } = [];

    /// <inheritdoc/>
    public string Format => "text";

    /// <inheritdoc/>
    public bool CanRead(ReadOnlySpan<byte> head, string path) => !new JsonReportReader().CanRead(head, path);

    /// <inheritdoc/>
    public AnnualReport Read(string path)
    {
        if (IO.SafeFile.KindOf(path) == IO.FileKind.Missing)
        {
            throw new ReportLoadException(path, null, null, "file not found");
        }

        // Only a regular file is read (a FIFO would block, /dev/zero never ends); its size is checked as it is read.
        var bytes = IO.SafeFile.ReadAllBytes(path, MaxBytes, size =>
            new ReportLoadException(path, null, null, string.Create(CultureInfo.InvariantCulture, $"file is {size:N0} bytes; the limit for a report is {MaxBytes:N0}")));
        return Read(bytes, path);
    }

    /// <summary>Reads a report from its content (text, HTML or Word, sniffed), e.g. a stream read into memory.</summary>
    /// <param name="content">The bytes of the file.</param>
    /// <param name="name">The file name or path, for messages, as the report's source and as the agency when the title names none.</param>
    /// <returns>The report.</returns>
    /// <exception cref="ReportLoadException">The content is not a report this reader can read.</exception>
    public AnnualReport Read(byte[] content, string name)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(name);
        ReportExtraction extraction;
        try
        {
            extraction = _reader.Read(content);
        }
        catch (ReportReadException e)
        {
            throw new ReportLoadException(name, null, null, e.Message, e) { NotAReport = e.NotAReport };
        }

        var report = ToReport(extraction, name);
        report.Source = name;
        return report;
    }

    /// <summary>Whether a text mentions 政府信息公开 (government information disclosure) anywhere: every such report does, in its title.</summary>
    private static bool MentionsDisclosure(SourceText text)
    {
        foreach (var line in text.NormalizedLines)
        {
            if (line.Contains("政府信息公开", StringComparison.Ordinal) || line.Contains("信息公开", StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Turns an extraction into a report.</summary>
    /// <param name="extraction">What the reader took from the input.</param>
    /// <param name="name">The file name, for messages and as the agency when the title names none.</param>
    /// <exception cref="ReportLoadException">Neither a year nor a statistics table could be found, or the document holds more than one report.</exception>
    public AnnualReport ToReport(ReportExtraction extraction, string name)
    {
        ArgumentNullException.ThrowIfNull(extraction);
        if (extraction.Diagnostics.FirstOrDefault(d => d.Code == ReportReader.NotOneReportCode) is { } composite)
        {
            throw new ReportLoadException(name, composite.Line, null, $"not one annual report: {composite.Message}");
        }

        var notes = new List<string>();
        if (extraction.Decoding is { } decoding)
        {
            notes.Add($"encoding: {decoding.EncodingName} — {decoding.Reason}");
        }

        // A report whose title names no year (e.g. the blank official template) is still read: year 0 means
        // unknown, and the input validation reports it as an error finding rather than guessing a year.
        var year = extraction.Year?.Value ?? 0;
        notes.Add(extraction.Year is { } y ? $"year {year}: {y.Reason}" : "year: not found in the title (expected e.g. 2020年度政府信息公开工作年度报告)");

        SchemaVersion schema;
        if (extraction.Schema is { } detected && SchemaVersions.TryParse(detected.Value, out var version))
        {
            schema = version;
            notes.Add($"schema {detected.Value}: {detected.Reason}");
        }
        else if (year == 0)
        {
            // A text, page or Word file that never mentions 信息公开 is no report at all (notes, a README): skipped in a folder.
            // One that does is a report this reader could not read, and so is a PDF whose text is unusable: input errors.
            throw new ReportLoadException(name, null, null, "neither a report year in the title nor a statistics table: not an annual report this tool can read")
            {
                NotAReport = extraction.Kind != DocumentKind.Pdf && !MentionsDisclosure(extraction.Text),
            };
        }
        else
        {
            schema = SchemaVersions.ForYear(year);
            notes.Add($"schema {schema.ToToken()}: no statistics table recognised, taken from the report year");
        }

        string? variant = null;
        if (extraction.Variant is { } printed && extraction.Schema is not null)
        {
            if (SchemaCatalog.TryGetVariant(schema, printed.Value, out _))
            {
                variant = printed.Value;
                notes.Add($"variant {variant}: {printed.Reason}");
            }
            else
            {
                notes.Add($"variant {printed.Value}: not a variant of schema {schema.ToToken()}; read as the national form");
            }
        }

        var agencyName = extraction.Agency?.Value ?? Path.GetFileNameWithoutExtension(name);
        notes.Add(extraction.Agency is { } a ? $"agency: {a.Reason}" : "agency: not found in the title; the file name is used");

        var report = new AnnualReport
        {
            Agency = new Agency(agencyName),
            Year = year,
            Schema = schema,
            Variant = variant,
            Input = new InputInfo
            {
                Format = extraction.Kind.ToString().ToLowerInvariant(),
                Encoding = extraction.Decoding?.EncodingName,
                HasText = true,
                Notes = notes,
            },
        };

        var definition = SchemaCatalog.Get(schema, variant);
        foreach (var cell in extraction.Cells)
        {
            if (!definition.TryGetCell(new CellId(cell.CellId), out var cellDefinition))
            {
                notes.Add($"line {cell.Line}: cell {cell.CellId} is not in schema {schema.ToToken()}; not used");
                continue;
            }

            if (report.Cells.Contains(cellDefinition.Id))
            {
                notes.Add($"line {cell.Line}: {cell.CellId} printed twice; the first value (line {report.Cells[cellDefinition.Id].Location?.Line}) is kept");
                continue;
            }

            var location = new SourceLocation(cell.Line, cell.Column);
            if (extraction.Pdf?.Locate(cell.Line, cell.Column) is { } onPage)
            {
                location = location with { Page = onPage.Page, X = onPage.X, Y = onPage.Y };
            }

            report.Cells[cellDefinition.Id] = CellValue.Parse(cell.RawText, location) with { Reconstructed = cell.Reconstructed };
        }

        // Not read is not missing: cells whose table is printed but could not be read are unreadable, never absent.
        foreach (var part in extraction.Unread)
        {
            var count = 0;
            foreach (var id in part.CellIds)
            {
                if (definition.TryGetCell(new CellId(id), out var cellDefinition) && !report.Cells.Contains(cellDefinition.Id))
                {
                    report.Cells[cellDefinition.Id] = new CellValue { State = CellState.Unreadable, Note = $"not read (line {part.Line})", Location = new SourceLocation(part.Line) };
                    count++;
                }
            }

            if (count > 0)
            {
                report.Tables.Add(new TableSeen(part.TableId, part.Line) { Unread = part.Reason, UnreadCells = count });
            }
        }

        foreach (var table in definition.Tables)
        {
            var lines = table.AllRows.SelectMany(r => r.Cells).Where(c => report.Cells[c.Id] is not { State: CellState.Unreadable, Raw: null })
                .Select(c => report.Cells[c.Id].Location?.Line).OfType<int>().ToList();
            if (lines.Count > 0)
            {
                report.Tables.Add(new TableSeen(table.Id, lines.Min()));
            }
        }

        var bodies = SectionBodies(extraction);
        for (var i = 0; i < extraction.Sections.Count; i++)
        {
            var section = extraction.Sections[i];
            report.Sections.Add(new Model.ReportSection(section.Numeral, section.Title, section.Line, MatchSection(definition, section)) { Text = bodies[i] });
        }

        foreach (var diagnostic in extraction.Diagnostics)
        {
            notes.Add($"{diagnostic.Severity.ToString().ToLowerInvariant()} {diagnostic.Code}{(diagnostic.Line is { } l ? $" (line {l})" : "")}: {diagnostic.Message}");
        }

        foreach (var enrich in Enrichers)
        {
            enrich(extraction, report);
        }

        return report;
    }

    /// <summary>The prose under each section heading up to the next heading: table rows and blank lines left out.</summary>
    private static string?[] SectionBodies(ReportExtraction extraction)
    {
        var sections = extraction.Sections;
        var bodies = new List<string>[sections.Count];
        for (var i = 0; i < bodies.Length; i++)
        {
            bodies[i] = [];
        }

        if (sections.Count == 0)
        {
            return [];
        }

        var rowLines = new HashSet<int>(extraction.Tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).Select(c => c.Line));
        var text = extraction.Text;
        var current = -1;
        for (var n = 1; n <= text.LineCount; n++)
        {
            var line = text.OriginalLineNumber(n);
            while (current + 1 < sections.Count && line >= sections[current + 1].Line)
            {
                current++;
            }

            if (current < 0 || line == sections[current].Line || rowLines.Contains(line))
            {
                continue;
            }

            var trimmed = text.GetNormalizedLine(n).Trim();
            if (trimmed.Length > 0)
            {
                bodies[current].Add(trimmed);
            }
        }

        // Headings that share a source line with another (a page kept on one line) leave their bodies unknown, never "empty".
        return bodies.Select((b, i) => (i > 0 && sections[i - 1].Line == sections[i].Line) || (i + 1 < sections.Count && sections[i + 1].Line == sections[i].Line)
            ? null : string.Join("\n", b)).ToArray();
    }

    private static string? MatchSection(ReportSchema schema, ReportSection section)
    {
        var title = TextNormalizer.NormalizeCompact(section.Title);
        foreach (var s in schema.Sections)
        {
            foreach (var heading in s.Variants.Prepend(s.Heading))
            {
                var h = TextNormalizer.NormalizeCompact(heading);
                if (title.Contains(h, StringComparison.Ordinal) || h.Contains(title, StringComparison.Ordinal) && title.Length >= 4)
                {
                    return s.Id;
                }
            }
        }

        return null;
    }
}
