using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Fixtures;

/// <summary>
/// Writes tests/data/fixtures: the six report files and, beside each, <c>&lt;stem&gt;.expected.json</c> built from the
/// hand-typed values of <see cref="FixtureCatalog"/> (never from a reader). Run on purpose:
/// <c>dotnet test tests/GovStatsValidation.Readers.Tests --filter "FullyQualifiedName~FixtureGenerator"</c>.
/// </summary>
public sealed partial class FixtureGenerator
{
    public static string Folder => Path.Combine(TestPaths.RepoRoot, "tests", "data", "fixtures");

    internal static WrittenFixture Write(FixtureSpec spec) => spec.Kind switch
    {
        "html" => HtmlFixtureWriter.Write(spec, spec.Schema switch
        {
            "pre2019" => HtmlFixtureWriter.Style.WordSaved,
            "2019" => HtmlFixtureWriter.Style.Cms,
            _ => HtmlFixtureWriter.Style.CellPerLine,
        }),
        _ => DocxFixtureWriter.Write(spec, spec.Schema == "2021" ? TestPaths.Shared("corpus/template_2021_format.docx") : null),
    };

    [Test]
    [Explicit("writes tests/data/fixtures; run to regenerate the fixtures")]
    public void Generate_AllFixtures_WritesFilesAndExpectedJson()
    {
        Directory.CreateDirectory(Folder);
        foreach (var spec in FixtureCatalog.All)
        {
            var written = Write(spec);
            File.WriteAllBytes(Path.Combine(Folder, spec.File), written.Bytes);
            File.WriteAllText(Path.Combine(Folder, spec.ExpectedFile), ExpectedJson(spec, written), new UTF8Encoding(false));
            TestContext.Out.WriteLine($"{spec.File}: {written.Bytes.Length} bytes, {spec.Cells.Count} cells");
        }

        Assert.That(Directory.GetFiles(Folder, "*.expected.json"), Has.Length.EqualTo(FixtureCatalog.All.Count));
    }

    /// <summary>The expected canonical JSON of a fixture: agency, year, schema, sections and every cell with its line.</summary>
    internal static string ExpectedJson(FixtureSpec spec, WrittenFixture written)
    {
        var cells = new JObject();
        foreach (var (id, printed) in spec.Cells)
        {
            var cell = ExpectedCell(printed);
            if (!written.CellLines.TryGetValue(id, out var line))
            {
                throw new InvalidOperationException($"{spec.File}: no line recorded for {id}");
            }

            cell["line"] = line;
            cells[id] = cell;
        }

        var level = spec.Agency.EndsWith("人民政府", StringComparison.Ordinal) ? "county" : spec.Agency.EndsWith("办公室", StringComparison.Ordinal) ? "office" : "department";
        var root = new JObject
        {
            ["$schema"] = "../../../rules/schema/report.schema.json",
            ["formatVersion"] = 1,
            ["agency"] = new JObject { ["name"] = spec.Agency, ["level"] = level, ["parent"] = "云溪县" },
            ["year"] = spec.Year,
            ["schema"] = spec.Schema,
            ["source"] = new JObject
            {
                ["file"] = spec.File,
                ["format"] = spec.Kind,
                ["encoding"] = spec.Kind == "docx" ? null : spec.Encoding,
            },
            ["lines"] = spec.Kind == "docx"
                ? "block ordinals as the reader numbers a .docx: each paragraph of the body and each table row counts one, from 1, in document order (paragraphs inside cells do not count)"
                : "1-based line of the file on which the cell's text is printed (for a blank cell, the line of its <td>)",
            ["deliberate"] = new JArray(spec.Deliberate.Select(d => new JObject
            {
                ["rule"] = d.Rule,
                ["severity"] = d.Severity,
                ["count"] = d.Count,
                ["why"] = d.Why,
            })),
            ["sections"] = new JArray(written.Sections.Select(s => new JObject { ["numeral"] = s.Numeral, ["text"] = s.Text, ["line"] = s.Line })),
            ["cells"] = cells,
        };
        return CompactCells(root.ToString(Formatting.Indented)) + "\n";
    }

    /// <summary>The expected cell for printed text, parsed here by hand-written rules independent of the library's parser.</summary>
    internal static JObject ExpectedCell(string printed)
    {
        if (printed.Length == 0)
        {
            return new JObject { ["value"] = null, ["state"] = "blank" };
        }

        if (printed is "——" or "—" or "/" or "无")
        {
            return new JObject { ["value"] = null, ["raw"] = printed, ["state"] = "placeholder" };
        }

        var m = NumberPattern().Match(printed);
        if (!m.Success)
        {
            throw new InvalidOperationException($"not a fixture value: {printed}");
        }

        var number = decimal.Parse(m.Groups["sign"].Value + m.Groups["num"].Value.Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
        var canonical = number.ToString("0.############################", CultureInfo.InvariantCulture);
        var cell = new JObject { ["value"] = number == decimal.Truncate(number) ? new JValue((long)number) : new JValue(decimal.Parse(canonical, CultureInfo.InvariantCulture)) };
        if (printed != canonical)
        {
            cell["raw"] = printed;
        }

        if (m.Groups["note"].Success)
        {
            cell["note"] = m.Groups["note"].Value;
        }

        return cell;
    }

    [GeneratedRegex(@"^(?<sign>[+-]?)(?<num>[0-9][0-9,]*(\.[0-9]+)?)(万元)?(（(?<note>[^）]+)）)?$")]
    private static partial Regex NumberPattern();

    /// <summary>One cell per line in the "cells" object, so the file reads like a table.</summary>
    private static string CompactCells(string json)
    {
        var lines = json.Split('\n');
        var sb = new StringBuilder();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (line.TrimEnd().EndsWith(": {", StringComparison.Ordinal) && line.StartsWith("    \"", StringComparison.Ordinal) && line.Length - line.TrimStart().Length == 4)
            {
                var inner = new StringBuilder(line.TrimEnd());
                var j = i + 1;
                for (; j < lines.Length && lines[j].Trim() is var t && !t.StartsWith('}'); j++)
                {
                    inner.Append(' ').Append(t);
                }

                inner.Append(" }").Append(lines[j].Trim().EndsWith(',') ? "," : "");
                sb.Append(inner.ToString().Replace("{ ", "{", StringComparison.Ordinal).Replace(" }", "}", StringComparison.Ordinal)).Append('\n');
                i = j;
                continue;
            }

            sb.Append(line).Append('\n');
        }

        return sb.ToString().TrimEnd('\n');
    }
}
