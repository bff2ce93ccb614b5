using GovStatsValidation.Readers.Schema;
using GovStatsValidation.Readers.Structure;
using GovStatsValidation.Readers.Tables;

namespace GovStatsValidation.Readers;

/// <summary>Options of <see cref="ReportReader"/>.</summary>
public sealed class ReportReaderOptions
{
    /// <summary>Directory holding <c>*.table.json</c> schemas.</summary>
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
    private readonly Dictionary<string, LabelMatcher> _matchers = new(StringComparer.Ordinal);
    private readonly ReportReaderOptions _options;

    /// <summary>Creates a reader, loading the table schemas.</summary>
    /// <param name="options">Options; null for defaults.</param>
    /// <exception cref="DirectoryNotFoundException">A schema directory was named but does not exist.</exception>
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

    /// <summary>Diagnostic code of a document that holds more than one report (e.g. a comparison printout of two years).</summary>
    internal const string NotOneReportCode = "not-one-report";

    private ReportExtraction Analyse(ReportExtraction result, List<RawTable> tables, List<ReaderDiagnostic> diagnostics)
    {
        var text = result.Text;
        result.Tables = tables;
        // The rendered text of HTML and Word holds no table rows (the tables are read apart), so no line of it is
        // excluded as a table row: where a page keeps its whole content on one source line, every line would be.
        result.Sections = SectionDetector.Detect(text, result.Kind is DocumentKind.Html or DocumentKind.Docx ? [] : tables, diagnostics);
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
            : TitleDetector.DetectSchema(schemaText, _schemas);

        if (result.Schema is { } s && _schemas.FirstOrDefault(x => x.Id == s.Value) is { } schema)
        {
            if (year is not null && schema.YearFrom > 0 && (year.Value < schema.YearFrom || year.Value > schema.YearTo))
            {
                diagnostics.Add(new ReaderDiagnostic(DiagnosticSeverity.Warning, "schema-year-mismatch",
                    $"Tables use schema {schema.Id} (years {schema.YearFrom}–{schema.YearTo}) but the report year is {year.Value}.", year.Line));
            }

            if (!_matchers.TryGetValue(schema.Id, out var matcher))
            {
                _matchers[schema.Id] = matcher = new LabelMatcher(schema);
            }

            var mapper = new CellMapper(matcher, text);
            foreach (var t in tables)
            {
                mapper.MapTable(t);
            }

            result.Cells = mapper.Cells;
            diagnostics.AddRange(mapper.Diagnostics);
        }
        else if (tables.Count > 0)
        {
            diagnostics.Add(new ReaderDiagnostic(DiagnosticSeverity.Info, "schema-unknown",
                $"{tables.Count} table(s) found but no schema's labels were recognised; no cells read.", tables[0].FirstLine));
        }

        result.Diagnostics = diagnostics;
        return result;
    }
}
