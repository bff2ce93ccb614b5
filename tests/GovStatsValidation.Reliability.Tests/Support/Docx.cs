using System.IO.Compression;
using System.Text;

namespace GovStatsValidation.Reliability.Tests.Support;

/// <summary>Minimal Word .docx packages written by code (content types, relationships, document body).</summary>
internal static class Docx
{
    public const string Title = "<w:p><w:r><w:t>示例县人民政府2021年政府信息公开工作年度报告</w:t></w:r></w:p>";

    /// <summary>A .docx whose body is <paramref name="bodyXml"/>; extra parts and document relationships are optional.</summary>
    public static byte[] Make(string bodyXml, string? documentRels = null, params (string Name, byte[] Content)[] parts)
    {
        using var ms = new MemoryStream();
        using (var zip = new ZipArchive(ms, ZipArchiveMode.Create, leaveOpen: true))
        {
            void Add(string name, string text)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(Encoding.UTF8.GetBytes(text));
            }

            Add("[Content_Types].xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">" +
                "<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/><Default Extension=\"xml\" ContentType=\"application/xml\"/>" +
                "<Default Extension=\"html\" ContentType=\"text/html\"/>" +
                "<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/></Types>");
            Add("_rels/.rels",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" +
                "<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/></Relationships>");
            Add("word/document.xml",
                "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" " +
                "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\"><w:body>" + bodyXml + "</w:body></w:document>");
            if (documentRels is not null)
            {
                Add("word/_rels/document.xml.rels",
                    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">" + documentRels + "</Relationships>");
            }

            foreach (var (name, content) in parts)
            {
                using var s = zip.CreateEntry(name).Open();
                s.Write(content);
            }
        }

        return ms.ToArray();
    }

    /// <summary>A paragraph holding <paramref name="depth"/> hyperlinks nested in each other around one run.</summary>
    public static string NestedHyperlinks(int depth) =>
        "<w:p>" + string.Concat(Enumerable.Repeat("<w:hyperlink>", depth)) + "<w:r><w:t>x</w:t></w:r>" + string.Concat(Enumerable.Repeat("</w:hyperlink>", depth)) + "</w:p>";

    /// <summary><paramref name="depth"/> tables nested in each other's first cell.</summary>
    public static string NestedTables(int depth) =>
        string.Concat(Enumerable.Repeat("<w:tbl><w:tr><w:tc>", depth)) + "<w:p/>" + string.Concat(Enumerable.Repeat("</w:tc></w:tr></w:tbl>", depth));

    /// <summary><paramref name="depth"/> content controls nested in each other.</summary>
    public static string NestedContentControls(int depth) =>
        string.Concat(Enumerable.Repeat("<w:sdt><w:sdtContent>", depth)) + "<w:p/>" + string.Concat(Enumerable.Repeat("</w:sdtContent></w:sdt>", depth));

    /// <summary>One table row whose cell spans <paramref name="span"/> grid columns.</summary>
    public static string GridSpan(long span) =>
        $"<w:tbl><w:tr><w:tc><w:tcPr><w:gridSpan w:val=\"{span}\"/></w:tcPr><w:p><w:r><w:t>1</w:t></w:r></w:p></w:tc></w:tr></w:tbl>";
}
