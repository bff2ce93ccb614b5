using System.Globalization;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace GovStatsValidation.Readers.Pdf;

/// <summary>A word of a PDF page with its position: letters that touch, on one baseline.</summary>
/// <param name="Text">The word (CJK letters that touch are one word; a gap of about a space or more ends it).</param>
/// <param name="Page">1-based page number.</param>
/// <param name="X">Left edge in PDF points (origin bottom left).</param>
/// <param name="Y">Baseline in PDF points.</param>
/// <param name="Right">Right edge (end of the last letter's advance).</param>
/// <param name="FontSize">Font size in points.</param>
/// <param name="Line">1-based line of the reconstructed text the word is on.</param>
/// <param name="Column">0-based character offset of the word in that line.</param>
internal sealed record PdfWord(string Text, int Page, double X, double Y, double Right, double FontSize, int Line, int Column);

/// <summary>Where a line of the reconstructed text lies in the PDF.</summary>
/// <param name="Page">1-based page number.</param>
/// <param name="Baseline">Baseline in PDF points (origin bottom left).</param>
/// <param name="Words">The words of the line, left to right.</param>
internal sealed record PdfLineInfo(int Page, double Baseline, IReadOnlyList<PdfWord> Words);

/// <summary>
/// The text layer of a PDF, rebuilt as space-aligned lines (the form <c>pdftotext -layout</c> gives, which every text
/// table reader takes): letters are grouped by baseline into lines, letters that touch are joined without a space (CJK
/// has no spaces between words), a word gap becomes one space and a column gap two or more, placed by x position so
/// that cells of one column start at about the same offset. Page numbers (<c>-3-</c>, <c>第 3 页</c>) and running headers
/// and footers are removed, so that a table continued on the next page reads on. Every line keeps its page, baseline
/// and words (with coordinates), so that a cell read from the text can be traced back to the page.
/// </summary>
internal sealed class PdfTextLayer
{
    /// <summary>The most pages read; a longer document is not an annual report.</summary>
    internal const int MaxPages = 1_000;

    private PdfTextLayer(SourceText text, IReadOnlyList<PdfLineInfo> lines, int pageCount, IReadOnlyList<string> notes)
    {
        Text = text;
        Lines = lines;
        PageCount = pageCount;
        Notes = notes;
    }

    /// <summary>The reconstructed text (line <c>n</c> is <see cref="Lines"/>[n-1]; blank lines stand for vertical space).</summary>
    public SourceText Text { get; }

    /// <summary>Position of every line of <see cref="Text"/> (blank lines carry no words).</summary>
    public IReadOnlyList<PdfLineInfo> Lines { get; }

    /// <summary>Number of pages.</summary>
    public int PageCount { get; }

    /// <summary>What the reconstruction removed or decided (page numbers, running headers), for the input notes.</summary>
    public IReadOnlyList<string> Notes { get; }

    /// <summary>Every word with its position, in reading order.</summary>
    public IEnumerable<PdfWord> Words => Lines.SelectMany(l => l.Words);

    /// <summary>True when the bytes are a PDF: <c>%PDF-</c> within the first 1024 bytes (the specification allows leading bytes).</summary>
    /// <param name="bytes">The content.</param>
    /// <returns>Whether it is a PDF.</returns>
    public static bool IsPdf(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 1024)];
        return head.IndexOf("%PDF-"u8) >= 0;
    }

    /// <summary>The page, x and y of a character of the reconstructed text, when it is part of a word.</summary>
    /// <param name="line">1-based line.</param>
    /// <param name="column">0-based character offset; null for the line's first word.</param>
    /// <returns>Page and coordinates (left edge of the word, baseline), or null for a blank or unknown line.</returns>
    public (int Page, double X, double Y)? Locate(int line, int? column)
    {
        if (line < 1 || line > Lines.Count || Lines[line - 1].Words.Count == 0)
        {
            return null;
        }

        var info = Lines[line - 1];
        var word = info.Words[0];
        if (column is { } c)
        {
            foreach (var w in info.Words)
            {
                if (w.Column <= c)
                {
                    word = w;
                }
            }
        }

        return (info.Page, Math.Round(word.X, 1), Math.Round(word.Y, 1));
    }

    /// <summary>Reads the text layer of a PDF.</summary>
    /// <param name="bytes">The PDF.</param>
    /// <returns>The text layer.</returns>
    /// <exception cref="ReportReadException">The PDF cannot be parsed, is encrypted, or has no usable text layer (scanned
    /// pages, or text in fonts without a Unicode map that extracts as garbage).</exception>
    public static PdfTextLayer Read(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var pages = new List<PageLetters>();
        var imageCount = 0;
        try
        {
            using var document = PdfDocument.Open(bytes, new ParsingOptions { UseLenientParsing = true });
            if (document.NumberOfPages > MaxPages)
            {
                throw new ReportReadException(string.Create(CultureInfo.InvariantCulture, $"PDF with {document.NumberOfPages} pages; the limit for a report is {MaxPages}"));
            }

            foreach (var page in document.GetPages())
            {
                imageCount += page.NumberOfImages;
                var letters = page.Letters
                    .Where(l => !string.IsNullOrWhiteSpace(l.Value) && !l.Value.Any(char.IsControl) && IsUpright(l))
                    .Select(l => new Glyph(l.Value, l.StartBaseLine.X, l.StartBaseLine.Y, Math.Max(l.Width, l.BoundingBox.Width), FontSize(l)))
                    .ToList();
                pages.Add(new PageLetters(page.Number, page.Height, letters));
            }
        }
        catch (ReportReadException)
        {
            throw;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new ReportReadException($"PDF could not be read: {e.Message}", e);
        }

        CheckUsable(pages, imageCount);
        return Build(pages);
    }

    private static bool IsUpright(Letter l)
    {
        // Horizontal text only; rotated letters (stamps, watermarks, vertical page furniture) are not part of the tables.
        var rotation = l.BoundingBox.Rotation;
        return Math.Abs(rotation) < 1 || Math.Abs(Math.Abs(rotation) - 360) < 1;
    }

    private static double FontSize(Letter l)
    {
        var size = l.PointSize > 0 ? l.PointSize : l.FontSize;
        return size > 0.5 ? size : Math.Max(l.BoundingBox.Height, 1);
    }

    /// <summary>
    /// Refuses a PDF whose text cannot be a Chinese report: no text at all (scanned pages), or text that has almost no
    /// Chinese characters but many Latin-1/symbol characters (CJK bytes shown through a font without a Unicode map, the
    /// mojibake <c>æ¿å</c>), or replacement characters.
    /// </summary>
    private static void CheckUsable(List<PageLetters> pages, int imageCount)
    {
        var total = 0;
        var cjk = 0;
        var suspicious = 0;
        foreach (var c in pages.SelectMany(p => p.Glyphs).SelectMany(g => g.Text))
        {
            total++;
            if (c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF')
            {
                cjk++;
            }
            else if (c == '\uFFFD' || (c >= '\u0080' && c < '\u0250') || char.IsControl(c) || (c >= '\uE000' && c <= '\uF8FF') || (c >= '\u2000' && c < '\u2070') || c is '\u0192' or '\u02C6' or '\u02DC' or '\uFB01' or '\uFB02')
            {
                suspicious++;
            }
        }

        var pageWord = pages.Count == 1 ? "page" : "pages";
        if (total == 0)
        {
            throw new ReportReadException(imageCount > 0
                ? $"PDF without a text layer ({pages.Count} {pageWord}, {imageCount} image(s), no text): a scanned document; run OCR first (e.g. ocrmypdf -l chi_sim) and check the OCR output"
                : $"PDF without text ({pages.Count} {pageWord}, no text and no images): nothing to read");
        }

        if (cjk < 20 && (cjk * 20 < total) && (suspicious * 5 >= total || cjk == 0))
        {
            var sample = new string(pages.SelectMany(p => p.Glyphs).SelectMany(g => g.Text).Take(12).ToArray());
            throw new ReportReadException(string.Create(CultureInfo.InvariantCulture,
                $"PDF without a usable text layer: its {total:N0} characters contain {cjk} Chinese characters and {suspicious:N0} garbled ones (it begins \"{Printable(sample)}\"); the fonts have no Unicode map, so the text extracts as garbage. Not read as a report: convert the PDF with OCR or use the published HTML/Word version"));
        }
    }

    private static string Printable(string s)
    {
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            b.Append(char.IsControl(c) ? '?' : c);
        }

        return b.ToString();
    }

    private sealed record Glyph(string Text, double X, double Y, double Width, double Size)
    {
        public double Right => X + Width;
    }

    private sealed record PageLetters(int Number, double Height, List<Glyph> Glyphs);

    private sealed class RawLine
    {
        public required int Page { get; init; }
        public required double PageHeight { get; init; }
        public double Baseline { get; set; }
        public List<Glyph> Glyphs { get; } = [];
        public double Size => Glyphs.Count == 0 ? 0 : Glyphs.Max(g => g.Size);
        public string Compact => string.Concat(Glyphs.Select(g => g.Text));
        public bool Removed { get; set; }
    }

    private static PdfTextLayer Build(List<PageLetters> pages)
    {
        var notes = new List<string>();
        var pageLines = pages.Select(p => GroupLines(p)).ToList();
        RemovePageFurniture(pageLines, pages, notes);

        // One character column for the whole document: half the most common font size, so that a CJK letter is two
        // columns as in a monospace rendering; the left margin is the leftmost letter of the document.
        var sizes = pages.SelectMany(p => p.Glyphs).Select(g => Math.Round(g.Size)).GroupBy(s => s).OrderByDescending(g => g.Count()).ThenBy(g => g.Key).ToList();
        var unit = Math.Max(1.0, (sizes.Count > 0 ? sizes[0].Key : 12) / 2);
        var left = pages.SelectMany(p => p.Glyphs).Select(g => g.X).DefaultIfEmpty(0).Min();

        var texts = new List<(string, int)>();
        var infos = new List<PdfLineInfo>();

        void Blank(int page)
        {
            texts.Add(("", texts.Count + 1));
            infos.Add(new PdfLineInfo(page, double.NaN, []));
        }

        for (var p = 0; p < pageLines.Count; p++)
        {
            var lines = pageLines[p].Where(l => !l.Removed).ToList();
            if (p > 0 && lines.Count > 0)
            {
                Blank(pages[p].Number);
            }

            RawLine? previous = null;
            foreach (var line in lines)
            {
                if (previous is not null)
                {
                    var lineHeight = Math.Max(previous.Size, line.Size) * 1.25;
                    var blanks = (int)Math.Floor((previous.Baseline - line.Baseline) / lineHeight) - 1;
                    for (var k = 0; k < Math.Clamp(blanks, 0, 3); k++)
                    {
                        Blank(line.Page);
                    }
                }

                var lineNumber = texts.Count + 1;
                var (text, words) = Layout(line, unit, left, lineNumber);
                texts.Add((text, lineNumber));
                infos.Add(new PdfLineInfo(line.Page, Math.Round(line.Baseline, 1), words));
                previous = line;
            }
        }

        // Numbered as a plain text is (line n is the n-th line), so that readers treat it exactly like a text file.
        return new PdfTextLayer(SourceText.FromString(string.Join('\n', texts.Select(t => t.Item1))), infos, pages.Count, notes);
    }

    /// <summary>Groups a page's letters into lines by baseline, top to bottom; each line's letters left to right.</summary>
    private static List<RawLine> GroupLines(PageLetters page)
    {
        var lines = new List<RawLine>();
        foreach (var g in page.Glyphs.OrderByDescending(g => g.Y).ThenBy(g => g.X))
        {
            RawLine? home = null;
            // Letters of one line share a baseline within a fraction of their size (subscripts, mixed fonts).
            for (var i = lines.Count - 1; i >= 0 && i >= lines.Count - 3; i--)
            {
                var tolerance = 0.45 * Math.Min(g.Size, lines[i].Size);
                if (Math.Abs(lines[i].Baseline - g.Y) <= tolerance)
                {
                    home = lines[i];
                    break;
                }
            }

            if (home is null)
            {
                home = new RawLine { Page = page.Number, PageHeight = page.Height, Baseline = g.Y };
                lines.Add(home);
            }

            home.Glyphs.Add(g);
        }

        foreach (var l in lines)
        {
            l.Glyphs.Sort((a, b) => a.X.CompareTo(b.X));
            // Drop letters drawn twice at the same place (fake bold).
            l.Glyphs.RemoveAll(DuplicateOf(l.Glyphs));
        }

        lines.Sort((a, b) => b.Baseline.CompareTo(a.Baseline));
        return lines;
    }

    private static Predicate<Glyph> DuplicateOf(List<Glyph> sorted)
    {
        var duplicates = new HashSet<Glyph>(ReferenceEqualityComparer.Instance);
        for (var i = 1; i < sorted.Count; i++)
        {
            var a = sorted[i - 1];
            var b = sorted[i];
            if (a.Text == b.Text && Math.Abs(a.X - b.X) < 0.2 * a.Size && Math.Abs(a.Y - b.Y) < 0.2 * a.Size)
            {
                duplicates.Add(b);
            }
        }

        return duplicates.Contains;
    }

    /// <summary>
    /// Removes page numbers near the top or bottom of a page, and running headers and footers: the same text at about
    /// the same height near the page edge on two or more pages (digits compared as one class, so 第1页/第2页 match).
    /// </summary>
    private static void RemovePageFurniture(List<List<RawLine>> pageLines, List<PageLetters> pages, List<string> notes)
    {
        var pageNumbers = 0;
        foreach (var line in pageLines.SelectMany(l => l))
        {
            if (NearEdge(line) && TextTableExtractorIsPageNumber(line.Compact))
            {
                line.Removed = true;
                pageNumbers++;
            }
        }

        if (pageNumbers > 0)
        {
            notes.Add($"pdf: {pageNumbers} page number line(s) removed");
        }

        if (pages.Count < 2)
        {
            return;
        }

        var furniture = pageLines.SelectMany(l => l)
            .Where(l => !l.Removed && NearEdge(l))
            .GroupBy(l => (Key: DigitClass(l.Compact), Band: (int)Math.Round(l.Baseline / 6)))
            .Where(g => g.Select(l => l.Page).Distinct().Count() >= 2 && g.Key.Key.Length <= 60)
            .ToList();
        foreach (var group in furniture)
        {
            foreach (var l in group)
            {
                l.Removed = true;
            }

            notes.Add(string.Create(CultureInfo.InvariantCulture, $"pdf: running header/footer \"{group.First().Compact}\" removed from {group.Count()} page(s)"));
        }
    }

    private static bool TextTableExtractorIsPageNumber(string compact) => Tables.TextTableExtractor.IsPageNumber(compact)
        || (compact.Length <= 12 && compact.StartsWith('第') && compact.Contains('页')) || IsBareNumberFooter(compact);

    private static bool IsBareNumberFooter(string compact) => compact.Length is > 0 and <= 3 && compact.All(char.IsAsciiDigit);

    private static bool NearEdge(RawLine line) => line.Baseline < line.PageHeight * 0.09 || line.Baseline > line.PageHeight * 0.93;

    private static string DigitClass(string s)
    {
        var b = new StringBuilder(s.Length);
        foreach (var c in s)
        {
            b.Append(char.IsAsciiDigit(c) ? '#' : c);
        }

        return b.ToString();
    }

    /// <summary>
    /// Lays a line out as text: letters that touch are joined, a word gap (under about one letter) is one space, and a
    /// wider gap is at least two spaces and reaches the column given by the x position.
    /// </summary>
    private static (string Text, List<PdfWord> Words) Layout(RawLine line, double unit, double left, int lineNumber)
    {
        var b = new StringBuilder();
        var words = new List<PdfWord>();
        var wordText = new StringBuilder();
        Glyph? first = null;
        Glyph? previous = null;
        var wordColumn = 0;

        void EndWord()
        {
            if (first is not null && previous is not null)
            {
                words.Add(new PdfWord(wordText.ToString(), line.Page, first.X, line.Baseline, previous.Right, first.Size, lineNumber, wordColumn));
            }

            wordText.Clear();
            first = null;
        }

        foreach (var g in line.Glyphs)
        {
            var target = (int)Math.Round((g.X - left) / unit);
            if (previous is null)
            {
                b.Append(' ', Math.Max(0, target));
                wordColumn = b.Length;
                first = g;
            }
            else
            {
                var gap = g.X - previous.Right;
                var size = Math.Min(g.Size, previous.Size);
                if (gap > 0.9 * size)
                {
                    EndWord();
                    b.Append(' ', Math.Max(2, target - b.Length));
                    wordColumn = b.Length;
                    first = g;
                }
                else if (gap > 0.2 * size)
                {
                    EndWord();
                    b.Append(' ');
                    wordColumn = b.Length;
                    first = g;
                }
            }

            b.Append(g.Text);
            wordText.Append(g.Text);
            previous = g;
        }

        EndWord();
        return (b.ToString(), words);
    }
}
