using System.Globalization;
using GovStatsValidation.Schemas;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Fixtures;

/// <summary>
/// Each fixture of tests/data/fixtures read by the library matches its hand-checked <c>&lt;stem&gt;.expected.json</c>
/// cell for cell: id, state, value, raw text, note and line; plus schema, year, agency, document kind, encoding and
/// section lines.
/// </summary>
public sealed class FixtureExtractionTests
{
    public static IEnumerable<TestCaseData> Fixtures() =>
        Directory.GetFiles(FixtureGenerator.Folder, "*.expected.json").Order(StringComparer.Ordinal)
            .Select(p => new TestCaseData(Path.GetFileName(p)).SetArgDisplayNames(Path.GetFileName(p)[..^".expected.json".Length]));

    internal static (JObject Expected, string Path) Load(string expectedFile)
    {
        var expected = JObject.Parse(File.ReadAllText(Path.Combine(FixtureGenerator.Folder, expectedFile)));
        return (expected, Path.Combine(FixtureGenerator.Folder, (string)expected["source"]!["file"]!));
    }

    /// <summary>A number as printed without trailing zeros (the JSON value 128.6 and the cell 128.60 are the same number).</summary>
    private static string? Num(decimal? value) => value?.ToString("0.############################", CultureInfo.InvariantCulture);

    [TestCaseSource(nameof(Fixtures))]
    public void Read_Fixture_DetectsSchemaYearAgencyKindAndEncoding(string expectedFile)
    {
        var (expected, path) = Load(expectedFile);
        var r = TestPaths.Reader().ReadFile(path);
        Assert.Multiple(() =>
        {
            Assert.That(r.Schema?.Value, Is.EqualTo((string)expected["schema"]!), "schema");
            Assert.That(r.Year?.Value, Is.EqualTo((int)expected["year"]!), "year");
            Assert.That(r.Agency?.Value, Is.EqualTo((string)expected["agency"]!["name"]!), "agency");
            Assert.That(r.Kind.ToString().ToLowerInvariant(), Is.EqualTo((string)expected["source"]!["format"]!), "kind sniffed from the content");
            Assert.That(r.Decoding?.EncodingName, Is.EqualTo((string?)expected["source"]!["encoding"]), "encoding");
            Assert.That(r.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info).Select(d => $"{d.Code}: {d.Message}"), Is.Empty, "reader warnings");
        });
    }

    [TestCaseSource(nameof(Fixtures))]
    public void Read_Fixture_MatchesExpectedCellForCell(string expectedFile)
    {
        var (expected, path) = Load(expectedFile);
        var extraction = TestPaths.Reader().ReadFile(path);
        var report = new PublishedReportReader(new ReportReaderOptions { SchemaDirectory = TestPaths.SchemaDirectory }).ToReport(extraction, path);
        var cells = (JObject)expected["cells"]!;
        var problems = new List<string>();
        foreach (var (id, token) in cells)
        {
            var exp = (JObject)token!;
            var read = extraction.FindCell(id);
            if (read is null)
            {
                problems.Add($"{id}: not read");
                continue;
            }

            var value = report.Cells[new CellId(id)];
            var expState = (string?)exp["state"] ?? "number";
            var expNumber = exp["value"]?.Type == JTokenType.Null ? (decimal?)null : (decimal)exp["value"]!;
            var expRaw = (string?)exp["raw"] ?? Num(expNumber) ?? "";
            var expNote = (string?)exp["note"];
            var expLine = (int?)exp["line"];
            var got = $"state {value.State.ToString().ToLowerInvariant()}, value {Num(value.Number) ?? "null"}, raw '{read.RawText}', note '{value.Note}', line {read.Line}";
            var want = $"state {expState}, value {Num(expNumber) ?? "null"}, raw '{expRaw}', note '{expNote}', line {expLine?.ToString(CultureInfo.InvariantCulture) ?? read.Line.ToString(CultureInfo.InvariantCulture)}";
            if (got != want || value.Location?.Line != read.Line)
            {
                problems.Add($"{id}: expected {want}; read {got}");
            }
        }

        problems.AddRange(extraction.Cells.Where(c => cells[c.CellId] is null).Select(c => $"{c.CellId}: read ('{c.RawText}' line {c.Line}) but not expected"));
        var expectedSections = ((JArray)expected["sections"]!).Select(s => $"{(string)s["numeral"]!} @{(int)s["line"]!}");
        var readSections = extraction.Sections.Select(s => $"{s.Numeral} @{s.Line}");
        Assert.Multiple(() =>
        {
            Assert.That(problems, Is.Empty, $"{problems.Count} of {cells.Count} cells differ");
            Assert.That(extraction.Cells, Has.Count.EqualTo(cells.Count), "cells read");
            Assert.That(readSections, Is.EqualTo(expectedSections), "section headings and lines");
        });
    }

    [TestCaseSource(nameof(Fixtures))]
    public void ExpectedJson_Committed_EqualsTheHandTypedCatalog(string expectedFile)
    {
        // The committed expected JSON is what the generator writes from FixtureCatalog: nothing edited on one side only.
        var (expected, _) = Load(expectedFile);
        var spec = FixtureCatalog.Get((string)expected["source"]!["file"]!);
        var regenerated = JObject.Parse(FixtureGenerator.ExpectedJson(spec, FixtureGenerator.Write(spec)));
        Assert.That(JToken.DeepEquals(regenerated, expected), Is.True, $"{expectedFile} differs from FixtureCatalog; run the generator");
    }

    [Test]
    public void Fixtures_Folder_HasEveryKindForEverySchema()
    {
        var specs = FixtureCatalog.All;
        Assert.Multiple(() =>
        {
            foreach (var schema in new[] { "pre2019", "2019", "2021" })
            {
                Assert.That(specs.Where(s => s.Schema == schema).Select(s => s.Kind), Is.EquivalentTo(new[] { "html", "docx" }), schema);
            }

            Assert.That(specs.Count(s => s.Kind == "html" && s.File.EndsWith(".txt", StringComparison.Ordinal)), Is.EqualTo(1), "one page saved as .txt");
            Assert.That(specs.Count(s => s.Encoding == "GB18030"), Is.EqualTo(1), "one GB18030 page");
            Assert.That(Directory.GetFiles(FixtureGenerator.Folder, "*.expected.json"), Has.Length.EqualTo(specs.Count));
        });
    }

    [Test]
    public void Gb18030Fixture_DeclaresGb2312AndIsNotUtf8()
    {
        var spec = FixtureCatalog.All.Single(s => s.Encoding == "GB18030");
        var bytes = File.ReadAllBytes(Path.Combine(FixtureGenerator.Folder, spec.File));
        var r = TestPaths.Reader().Read(bytes);
        Assert.Multiple(() =>
        {
            Assert.That(() => new System.Text.UTF8Encoding(false, true).GetString(bytes), Throws.InstanceOf<System.Text.DecoderFallbackException>());
            Assert.That(System.Text.Encoding.ASCII.GetString(bytes), Does.Contain("<meta charset=\"gb2312\" />"));
            Assert.That(r.Decoding!.EncodingName, Is.EqualTo("GB18030"));
            Assert.That(r.Decoding.Issues, Is.Empty);
        });
    }
}
