using System.IO.Compression;
using System.Text;
using GovStatsValidation.TestUtils;
using static GovStatsValidation.Reliability.Tests.Catalogue.CatalogueCase;
using static GovStatsValidation.Reliability.Tests.Support.Samples;

namespace GovStatsValidation.Reliability.Tests.Catalogue;

/// <summary>Broken published reports (text, HTML, Word, binary, encodings): each case pinned to its input error or findings.</summary>
public class TextCatalogueTests
{
    private static string Report => Pre2019Text("示例县交通运输局", 2016, 41, 7, 34, 9, 3);

    [Test]
    public void Check_SyntheticBaseline_CellsWithLines() => Snapshot.Match(Check("baseline.txt", Report));

    [Test]
    public void Check_EmptyTextFile_Empty() => Snapshot.Match(Check("empty.txt", []));

    [Test]
    public void Check_OnlyBom_NotAReport() => Snapshot.Match(Check("bom-only.txt", [0xEF, 0xBB, 0xBF]));

    [Test]
    public void Check_BinaryWithNul_Rejected()
    {
        var bytes = new byte[5000];
        new Random(8).NextBytes(bytes);
        bytes[0] = 0x7F;
        bytes[10] = 0;
        Snapshot.Match(Check("random.bin", bytes));
    }

    [Test]
    public void Check_ControlBytesNoNul_Rejected() => Snapshot.Match(Check("controls.txt", Enumerable.Range(0, 4000).Select(i => (byte)(1 + i % 8)).ToArray()));

    [Test]
    public void Check_PdfBytes_Rejected() => Snapshot.Match(Check("report.pdf", Encoding.ASCII.GetBytes("%PDF-1.7\n%\u00e2\u00e3\n1 0 obj\n<< /Type /Catalog >>\nendobj\n").Concat(new byte[] { 0, 1, 2, 0x80, 0 }).ToArray()));

    [Test]
    public void Check_CorruptZip_Rejected() => Snapshot.Match(Check("corrupt.docx", [0x50, 0x4B, 0x03, 0x04, .. Enumerable.Range(0, 600).Select(i => unchecked((byte)(i * 7)))]));

    [Test]
    public void Check_ZipWithoutDocument_Rejected() => Snapshot.Match(Check("plain.docx", Zip(("readme.txt", "hello"u8.ToArray()))));

    [Test]
    public void Check_DocxWithBrokenXml_Rejected() =>
        Snapshot.Match(Check("broken.docx", Zip(
            ("[Content_Types].xml", "<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"><Default Extension=\"xml\" ContentType=\"application/xml\"/><Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>"u8.ToArray()),
            ("_rels/.rels", "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"r1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>"u8.ToArray()),
            ("word/document.xml", "<w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"><w:body><w:p>"u8.ToArray()))));

    [Test]
    public void Check_DocxZipBomb_RefusedBeforeInflating()
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var s = zip.CreateEntry("word/document.xml", CompressionLevel.SmallestSize).Open();
            var block = new byte[1 << 20];
            Array.Fill(block, (byte)' ');
            for (var i = 0; i < 200; i++)
            {
                s.Write(block);
            }
        }

        Snapshot.Match(Check("bomb.docx", ms.ToArray()));
    }

    [Test]
    public void Check_TwoTables_FirstKeptSecondNoted() =>
        Snapshot.Match(Check("two-tables.txt", Report + "\n附表（更正）\n" + Pre2019Text("示例县交通运输局", 2016, 50, 8, 42, 11, 4).Split('\n', 6)[5]));

    [Test]
    public void Check_TableCutByPageBreak_CellsOnBothPagesRead() =>
        Snapshot.Match(Check("page-break.txt", Pre2019Text("示例县交通运输局", 2016, 41, 7, 34, 9, 3, pageBreakAfterLine: "\f\n- 3 -\n\f")));

    [Test]
    public void Check_TableCutOffByEndOfFile_PartialTableKept()
    {
        var text = Report;
        Snapshot.Match(Check("cut-off.txt", text[..text.IndexOf("三、依申请公开情况", StringComparison.Ordinal)]));
    }

    [Test]
    public void Check_Utf16LeWithoutBom_Decoded() => Snapshot.Match(Check("utf16le.txt", Encoding.Unicode.GetBytes(Report)));

    [Test]
    public void Check_Utf16BeWithBom_Decoded() => Snapshot.Match(Check("utf16be.txt", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Report)]));

    [Test]
    public void Check_Gb18030File_Decoded() => Snapshot.Match(Check("gbk.txt", Gb18030.GetBytes(Report)));

    [Test]
    public void Check_Gb18030BytesInsideUtf8_EncodingNamedInNotes()
    {
        var utf8 = Utf8(Report);
        var marker = Utf8("（一）收到申请数");
        var at = utf8.AsSpan().IndexOf(marker);
        byte[] mixed = [.. utf8[..at], .. Gb18030.GetBytes("（一）收到申请数"), .. utf8[(at + marker.Length)..]];
        Snapshot.Match(Check("mixed.txt", mixed));
    }

    [Test]
    public void Check_HtmlDeclaresGbkButIsUtf8_DecodedByContent() =>
        Snapshot.Match(Check("misdeclared.html", Utf8("<html><head><meta charset=\"gbk\"></head><body>\n" + string.Concat(Report.Split('\n').Select(l => $"<p>{l}</p>\n")) + "</body></html>")));

    [Test]
    public void Check_InvalidUtf8Sequences_ReplacementNoted() => Snapshot.Match(Check("invalid.txt", [.. Utf8(Report), 0xC3, 0x28, 0xFF, 0x0A]));

    [Test]
    public void Check_FractionalAndNegativePrintedCounts_ReportedNotRounded() =>
        Snapshot.Match(Check("fraction.txt", Pre2019Text("示例县交通运输局", 2016, 41, 7, 34, 9, 3).Replace("\n9\n", "\n9.5\n", StringComparison.Ordinal).Replace("\n3\n", "\n-3\n", StringComparison.Ordinal)));

    [Test]
    public void Check_UnreadablePrintedCellPerLine_KnownDefectRawTextLost() =>
        Snapshot.Match(Check("unreadable.txt", Report.Replace("\n34\n", "\n见附件1\n", StringComparison.Ordinal)));

    [Test]
    public void Check_HugePrintedNumber_ReportedNotCrashed() =>
        Snapshot.Match(Check("huge-number.txt", Report.Replace("\n34\n", "\n99999999999999999999\n", StringComparison.Ordinal)));

    [Test]
    public void Check_HtmlTableRowsWithoutCells_NoCrash() =>
        Snapshot.Match(Check("empty-rows.html", "<html><body><p>示例县人民政府2020年政府信息公开工作年度报告</p><table><tr></tr><tr></tr></table></body></html>"));

    [Test]
    public void Check_NarrativeFigureBeyondDecimal_NoCrash() =>
        Snapshot.Match(Check("narrative-overflow.txt", Report.Replace("本机关依法做好政府信息公开工作。", "本年共收到申请9999999999999999999999亿件。", StringComparison.Ordinal)));

    [Test]
    public void Check_NoYearNoTable_NotAReport() => Snapshot.Match(Check("prose.txt", "这是一段与年度报告无关的文字。\n"));

    private static Encoding Gb18030
    {
        get
        {
            Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
            return Encoding.GetEncoding("GB18030");
        }
    }

    private static byte[] Zip(params (string Name, byte[] Content)[] entries)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var (name, content) in entries)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(content);
            }
        }

        return ms.ToArray();
    }
}
