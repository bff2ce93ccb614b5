using System.Globalization;
using System.IO.Compression;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace GovStatsValidation.Readers.Tables;

/// <summary>Word .docx reports: paragraphs as lines, tables with gridSpan and vMerge expanded.
/// Line numbers are block ordinals (paragraphs and table rows, in document order).</summary>
internal static class DocxReader
{
    /// <summary>The most a .docx may inflate to (all parts together).</summary>
    public const long MaxUncompressedBytes = ProcessingLimits.MaxDocxInflatedBytes;

    public static bool IsZip(ReadOnlySpan<byte> bytes) => bytes.Length >= 4 && bytes[0] == 0x50 && bytes[1] == 0x4B && bytes[2] == 0x03 && bytes[3] == 0x04;

    public static (SourceText Text, List<RawTable> Tables, List<ReaderDiagnostic> Notes) Read(byte[] bytes)
    {
        int altChunks;
        try
        {
            using var zip = new ZipArchive(new MemoryStream(bytes), ZipArchiveMode.Read);
            var document = zip.GetEntry("word/document.xml") ?? throw new ReportReadException("A zip archive without word/document.xml: not a Word .docx report.") { NotAReport = true };
            var total = zip.Entries.Sum(e => e.Length);
            if (document.Length > MaxUncompressedBytes || total > MaxUncompressedBytes)
            {
                // A zip bomb, or a document far larger than any report: refused before anything is inflated.
                throw new ReportReadException(string.Create(CultureInfo.InvariantCulture, $"The .docx inflates to {total:N0} bytes (word/document.xml {document.Length:N0}); the limit is {MaxUncompressedBytes:N0}."));
            }

            // Depth measured on the XML stream before the document model (whose loading recurses per level) is built.
            using var xml = document.Open();
            altChunks = MarkupBudget.CheckXmlNesting(xml, "word/document.xml");
        }
        catch (InvalidDataException ex)
        {
            throw new ReportReadException($"Not a readable zip archive: {ex.Message}", ex);
        }

        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            using var doc = WordprocessingDocument.Open(stream, false);
            var body = doc.MainDocumentPart?.Document?.Body ?? throw new ReportReadException("The .docx has no document body.");
            var lines = new List<(string Text, int Line)>();
            var tables = new List<RawTable>();
            var ordinal = 0;
            var grid = new MarkupBudget.GridCounter("Word");
            foreach (var block in body.ChildElements)
            {
                switch (block)
                {
                    case Paragraph p:
                        ordinal++;
                        lines.Add((p.InnerText, ordinal));
                        break;
                    case Table t:
                        tables.Add(ReadTable(t, ref ordinal, grid));
                        break;
                }
            }

            var notes = new List<ReaderDiagnostic>();
            if (altChunks > 0)
            {
                notes.Add(new ReaderDiagnostic(DiagnosticSeverity.Warning, "docx-altchunk-not-read", string.Create(CultureInfo.InvariantCulture,
                    $"The .docx imports content from {altChunks} other file(s) (w:altChunk: an embedded HTML, RTF or Word part); that content is not read, so text or tables in it are missing from this reading."), null));
            }

            return (SourceText.FromLines(lines), tables, notes);
        }
        catch (Exception ex) when (ex is DocumentFormat.OpenXml.Packaging.OpenXmlPackageException or InvalidDataException or System.Xml.XmlException or FileFormatException or NotSupportedException)
        {
            throw new ReportReadException($"The .docx could not be opened: {ex.Message}", ex);
        }
    }

    private static RawTable ReadTable(Table table, ref int ordinal, MarkupBudget.GridCounter budget)
    {
        var rows = new List<List<RawCell>>();
        var first = ordinal + 1;
        foreach (var tr in table.Elements<TableRow>())
        {
            ordinal++;
            var line = ordinal;
            var cells = new List<RawCell>();
            var col = 0;
            foreach (var tc in tr.Elements<TableCell>())
            {
                var props = tc.TableCellProperties;
                var span = Math.Max(1, props?.GridSpan?.Val?.Value ?? 1);
                budget.Add((long)col + span, span, 1, line);
                var vmerge = props?.VerticalMerge;
                var text = string.Join("", tc.Elements<Paragraph>().Select(p => p.InnerText)).Trim();
                if (vmerge is not null && (vmerge.Val is null || vmerge.Val.Value == MergedCellValues.Continue))
                {
                    // Continuation of a vertical merge: the text of the cell above.
                    var above = rows.Count > 0 && col < rows[^1].Count ? rows[^1][col] : null;
                    text = above?.Text ?? "";
                }

                for (var k = 0; k < span; k++)
                {
                    cells.Add(new RawCell(text, line, col + k) { SpanContinuation = k > 0 });
                }

                col += span;
            }

            rows.Add(cells);
        }

        return new RawTable(TableLayout.Word, first, ordinal, rows.Select(r => new RawRow(r)).ToList());
    }
}
