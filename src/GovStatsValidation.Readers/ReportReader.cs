using GovStatsValidation.Readers.Schema;
using GovStatsValidation.Readers.Structure;
using GovStatsValidation.Readers.Tables;

namespace GovStatsValidation.Readers;

/// <summary>Options of <see cref="ReportReader"/>.</summary>
public sealed class ReportReaderOptions
{
    /// <summary>Directory holding <c>*.table.json</c> schemas, read by the core's loader (<see cref="Schemas.SchemaCatalog.LoadDirectory"/>), variants included.</summary>
    /// <value>Default: null, meaning the descriptions embedded in the core library.</value>
    public string? SchemaDirectory { get; init; }

    /// <summary>Schema id to use instead of detecting it from labels.</summary>
    /// <value>Default: null (detect).</value>
    public string? SchemaId { get; init; }
}

/// <summary>Reads one report (text, HTML, Word or PDF, sniffed by content) into sections, raw tables and schema cells.</summary>
public sealed class ReportReader
{
    private readonly IReadOnlyList<TableSchema> _schemas;
    // A reader is shared by the files of a folder read in parallel: the matchers it builds on first use are shared too.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, LabelMatcher> _matchers = new(StringComparer.Ordinal);
    private readonly ReportReaderOptions _options;

    /// <summary>Creates a reader, loading the table schemas.</summary>
    /// <param name="options">Options; null for defaults.</param>
    /// <exception cref="DirectoryNotFoundException">A schema directory was named but does not exist.</exception>
    /// <exception cref="InvalidOperationException">A description in the schema directory is not valid (the message names the file).</exception>
    public ReportReader(ReportReaderOptions? options = null)
    {
        _options = options ?? new ReportReaderOptions();
        _schemas = _options.SchemaDirectory is { } dir ? TableSchema.LoadDirectory(dir) : TableSchema.LoadBuiltIn();
    }

    internal ReportReader(IReadOnlyList<TableSchema> schemas, ReportReaderOptions? options = null)
    {
        _options = options ?? new ReportReaderOptions();
        _schemas = schemas;
    }

    /// <summary>Reads a file.</summary>
    /// <param name="path">Path of a .txt, .html or .docx report (the kind is sniffed from the content).</param>
    /// <returns>The extraction.</returns>
    /// <exception cref="ReportReadException">The content is binary or not a readable report.</exception>
    public ReportExtraction ReadFile(string path) =>
        Read(IO.SafeFile.ReadAllBytes(path, PublishedReportReader.MaxBytes, size => new ReportReadException(
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"file is {size:N0} bytes; the limit for a report is {PublishedReportReader.MaxBytes:N0}"))));

    /// <summary>Reads report bytes.</summary>
    /// <param name="bytes">The content.</param>
    /// <returns>The extraction.</returns>
    /// <exception cref="ReportReadException">The content is binary or not a readable report.</exception>
    public ReportExtraction Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (DocxReader.IsZip(bytes))
        {
            var (docText, docTables, docNotes) = DocxReader.Read(bytes);
            return Analyse(new ReportExtraction(DocumentKind.Docx, docText), docTables, docNotes);
        }

        if (Pdf.PdfTextLayer.IsPdf(bytes))
        {
            var pdf = Pdf.PdfTextLayer.Read(bytes);
            var pdfDiagnostics = pdf.Notes.Select(n => new ReaderDiagnostic(DiagnosticSeverity.Info, "pdf-layout", n, null)).ToList();
            return Analyse(new ReportExtraction(DocumentKind.Pdf, pdf.Text) { Pdf = pdf }, TextTableExtractor.Extract(pdf.Text), pdfDiagnostics);
        }

        var decoded = TextDecoding.Decode(bytes);
        var diagnostics = decoded.Issues.Select(i => new ReaderDiagnostic(DiagnosticSeverity.Warning, "invalid-bytes", $"{decoded.EncodingName}: {i.Message}", null)).ToList();
        return ReadDecoded(decoded, diagnostics);
    }

    /// <summary>Reads already decoded text (plain text or HTML markup, sniffed).</summary>
    /// <param name="text">The text.</param>
    /// <returns>The extraction.</returns>
    public ReportExtraction ReadText(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return ReadDecoded(null, [], text);
    }

    private ReportExtraction ReadDecoded(DecodedText? decoded, List<ReaderDiagnostic> diagnostics, string? plain = null)
    {
        var content = decoded?.Text ?? plain!;
        if (HtmlReader.LooksLikeHtml(content))
        {
            var (htmlText, htmlTables) = HtmlReader.Read(content);
            return Analyse(new ReportExtraction(DocumentKind.Html, htmlText) { Decoding = decoded }, htmlTables, diagnostics);
        }

        var source = SourceText.FromString(content);
        var tables = TextTableExtractor.Extract(source);
        return Analyse(new ReportExtraction(DocumentKind.Text, source) { Decoding = decoded }, tables, diagnostics);
    }

    /// <summary>
    /// The one format whose years cover the report year, when no format's column labels are printed (a report cut to its
    /// application and review tables names none) but the text prints that format's own row labels: at least
    /// <see cref="RowLabelEvidence"/> distinct long ones (a prose sentence does not repeat a table's labels word for word).
    /// </summary>
    private Detected<string>? SchemaOfYear(Detected<int>? year, SourceText text)
    {
        if (year is null)
        {
            return null;
        }

        var covering = _schemas.Where(s => s.YearFrom > 0 && year.Value >= s.YearFrom && year.Value <= s.YearTo).ToList();
        if (covering.Count != 1)
        {
            return null;
        }

        var schema = covering[0];
        var all = string.Concat(text.NormalizedLines.Select(TextNormalizer.NormalizeCompact));
        var printed = schema.AllRows.Where(r => r.HasValue)
            .Select(r => TextNormalizer.NormalizeCompact(r.Labels[0]))
            .Where(l => l.Length >= 10)
            .Distinct(StringComparer.Ordinal)
            .Where(l => all.Contains(l, StringComparison.Ordinal))
            .Take(RowLabelEvidence)
            .ToList();
        return printed.Count < RowLabelEvidence
            ? null
            : new Detected<string>(schema.Id, $"no format's column labels printed; the format of the report year, whose row labels are printed ({string.Join("、", printed)})", year.Line);
    }

    /// <summary>How many distinct long row labels of the year's format must be printed to read the tables by that format.</summary>
    private const int RowLabelEvidence = 3;

    /// <summary>Diagnostic code of a document that holds more than one report (e.g. a comparison printout of two years).</summary>
    internal const string NotOneReportCode = "not-one-report";

    private ReportExtraction Analyse(ReportExtraction result, List<RawTable> tables, List<ReaderDiagnostic> diagnostics)
    {
        var text = result.Text;
        result.Tables = tables;
        var labelLines = new HashSet<int>();
        var sectionDiagnostics = new List<ReaderDiagnostic>();
        // The rendered text of HTML and Word holds no table rows (the tables are read apart), so no line of it is
        // excluded as a table row: where a page keeps its whole content on one source line, every line would be.
        var sectionTables = result.Kind is DocumentKind.Html or DocumentKind.Docx ? [] : tables;
        result.Sections = SectionDetector.Detect(text, sectionTables, sectionDiagnostics);
        var sectionIndex = diagnostics.Count;
        diagnostics.AddRange(sectionDiagnostics);
        var (year, agency) = TitleDetector.Detect(text);
        result.Year = year;
        result.Agency = agency;

        var schemaText = text;
        if (result.Kind is not (DocumentKind.Text or DocumentKind.Pdf))
        {
            // Table cells count for detection too.
            schemaText = SourceText.FromLines(text.OriginalLines.Select((l, i) => (l, i + 1))
                .Concat(tables.SelectMany(t => t.Rows).SelectMany(r => r.Cells).Select(c => (c.Text, c.Line))));
        }

        if (CompositeDocumentDetector.Detect(schemaText, _schemas) is { } composite)
        {
            diagnostics.Add(new ReaderDiagnostic(DiagnosticSeverity.Error, NotOneReportCode, composite.Reason, composite.Line));
        }

        result.Schema = _options.SchemaId is { } forced
            ? new Detected<string>(forced, "schema named by the caller", null)
            : TitleDetector.DetectSchema(schemaText, _schemas) ?? SchemaOfYear(year, schemaText);

        var schema = result.Schema is { } s ? _schemas.FirstOrDefault(x => x.Id == s.Value) : null;
        DetectedVariant? variant = null;
        if (result.Schema is null)
        {
            // No label of a national form: the table may be printed as a variant (指标名称 · 计量单位 · 本年度 · 历年累计
            // over rows the variant words its own way), found by its header over its rows.
            foreach (var candidate in _schemas)
            {
                if (VariantDetector.Detect(schemaText, candidate) is { } hit)
                {
                    (schema, variant) = (candidate, hit);
                    result.Schema = new Detected<string>(candidate.Id, $"variant {hit.Schema.Variant} of schema {candidate.Id}: {hit.Reason}", hit.Line);
                    break;
                }
            }
        }
        else if (schema is not null)
        {
            variant = VariantDetector.Detect(schemaText, schema);
        }

        if (variant is not null)
        {
            result.Variant = new Detected<string>(variant.Schema.Variant!, variant.Reason, variant.Line);
            schema = variant.Schema;
        }

        if (schema is not null)
        {
            if (year is not null && schema.YearFrom > 0 && (year.Value < schema.YearFrom || year.Value > schema.YearTo))
            {
                diagnostics.Add(new ReaderDiagnostic(DiagnosticSeverity.Warning, "schema-year-mismatch",
                    $"Tables use schema {schema.Id} (years {schema.YearFrom}–{schema.YearTo}) but the report year is {year.Value}.", year.Line));
            }

            var matcher = _matchers.GetOrAdd(schema.Variant is { } v ? $"{schema.Id}/{v}" : schema.Id, static (_, s) => new LabelMatcher(s), schema);

            var mapper = new CellMapper(matcher, text);
            foreach (var t in tables)
            {
                mapper.MapTable(t);
            }

            var cells = mapper.Cells;
            diagnostics.AddRange(mapper.Diagnostics);
            if (result.Kind is DocumentKind.Text or DocumentKind.Pdf)
            {
                // The schema-guided reader: every table the layout-specific readers did not read completely.
                var tableOfRow = schema.AllRows.ToDictionary(r => r.Id, r => r.Table.Id, StringComparer.Ordinal);
                string TableOf(string cellId) => tableOfRow.GetValueOrDefault(cellId.Split('[')[0]) ?? "";
                var existing = cells.ToDictionary(c => c.CellId, StringComparer.Ordinal);
                var complete = schema.Tables.Where(t => t.ValueRows.All(r => t.CellIds(r).All(existing.ContainsKey)))
                    .Select(t => t.Id).ToHashSet(StringComparer.Ordinal);
                var aligner = new SchemaAligner(schema, text);
                aligner.Align(complete.Contains);
                var unread = new List<UnreadPart>();
                foreach (var group in aligner.Cells.GroupBy(c => TableOf(c.CellId)))
                {
                    var conflicts = group.Where(c => existing.TryGetValue(c.CellId, out var e) && Model.CellValue.Parse(e.RawText).Number != Model.CellValue.Parse(c.RawText).Number).ToList();
                    if (conflicts.Count > 0)
                    {
                        // The layout reading is kept as it was; a schema-guided reading that disagrees with it adds nothing.
                        continue;
                    }

                    cells.AddRange(group.Where(c => !existing.ContainsKey(c.CellId)));
                }

                foreach (var part in aligner.Unread)
                {
                    var ids = part.CellIds.Where(id => !existing.ContainsKey(id) && !cells.Any(c => c.CellId == id)).ToList();
                    if (ids.Count > 0)
                    {
                        unread.Add(part with { CellIds = ids });
                        diagnostics.Add(new ReaderDiagnostic(DiagnosticSeverity.Warning, "table-unread",
                            $"Table {part.TableId} (line {part.Line}): {ids.Count} cell(s) not read: {part.Reason}", part.Line));
                    }
                }

                result.Unread = unread;
                result.LabelRows = aligner.LabelRows;
                labelLines.UnionWith(aligner.LabelLines);
                diagnostics.AddRange(aligner.Diagnostics);
            }

            result.Cells = cells;
        }
        else if (tables.Count > 0)
        {
            diagnostics.Add(new ReaderDiagnostic(DiagnosticSeverity.Info, "schema-unknown",
                $"{tables.Count} table(s) found but no schema's labels were recognised; no cells read.", tables[0].FirstLine));
        }

        if (labelLines.Count > 0)
        {
            // Lines the schema-guided reader took as row labels (一、本年新收… in plain pdftotext output) are not headings.
            var again = new List<ReaderDiagnostic>();
            result.Sections = SectionDetector.Detect(text, sectionTables, again, labelLines);
            diagnostics.RemoveRange(sectionIndex, sectionDiagnostics.Count);
            diagnostics.InsertRange(sectionIndex, again);
        }

        result.Diagnostics = diagnostics;
        return result;
    }
}
