using System.Globalization;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests;

/// <summary>Cell-for-cell comparison with the hand-read files in tests/data/extraction.</summary>
public class ExpectedExtractionTests
{
    private static readonly string[] Complete = ["002_e99a8cc1a0651ffc", "003_1a63cabe0a2d3b9a", "004_4624beab2357406a", "huaian_city_2024"];

    public static IEnumerable<TestCaseData> Cases()
    {
        yield return new TestCaseData("seeds", "002_e99a8cc1a0651ffc");
        yield return new TestCaseData("seeds", "003_1a63cabe0a2d3b9a");
        yield return new TestCaseData("seeds", "004_4624beab2357406a");
        yield return new TestCaseData("corpus", "huaian_city_2024");
        yield return new TestCaseData("corpus", "shanghai_stcsm_2024");
        yield return new TestCaseData("corpus", "shanghai_govoffice_2025");
    }

    private static decimal? Parse(string raw)
    {
        var c = TextNormalizer.NormalizeCompact(raw);
        if (c.Length == 0)
        {
            return null;
        }

        var end = 0;
        while (end < c.Length && (char.IsAsciiDigit(c[end]) || c[end] is '+' or '-' or '.' or ','))
        {
            end++;
        }

        return decimal.Parse(c[..end].Replace(",", "", StringComparison.Ordinal), NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
    }

    [TestCaseSource(nameof(Cases))]
    public void Read_RealReport_MatchesHandReadCells(string folder, string stem)
    {
        var expectedPath = Path.Combine(TestPaths.RepoRoot, "tests", "data", "extraction", stem + ".expected.json");
        if (!File.Exists(expectedPath))
        {
            Assert.Ignore($"no {stem}.expected.json yet");
        }

        var r = TestPaths.Reader().ReadFile(TestPaths.Shared($"{folder}/{stem}.txt"));
        var expected = JObject.Parse(File.ReadAllText(expectedPath));
        var cells = (JObject)expected["cells"]!;
        var wrong = new List<string>();
        var missing = new List<string>();
        foreach (var (id, token) in cells)
        {
            var exp = (JObject)token!;
            var cell = r.FindCell(id);
            if (cell is null)
            {
                missing.Add(id);
                continue;
            }

            var expValue = exp["value"]?.Type == JTokenType.Null ? null : exp["value"]?.Value<decimal?>();
            var actual = Parse(cell.RawText);
            var expLine = exp["line"]?.Value<int>();
            if (actual != expValue || (expLine is { } l && l != cell.Line))
            {
                wrong.Add($"{id}: expected {expValue?.ToString(CultureInfo.InvariantCulture) ?? "blank"} @{expLine}, read '{cell.RawText}' @{cell.Line}");
            }
        }

        var extra = r.Cells.Where(c => cells[c.CellId] is null).Select(c => c.CellId).ToList();
        TestContext.Out.WriteLine($"{stem}: {cells.Count} expected, {cells.Count - missing.Count} read, {missing.Count} not read, {wrong.Count} wrong, {extra.Count} extra");
        foreach (var m in missing)
        {
            TestContext.Out.WriteLine($"  not read: {m}");
        }

        Assert.Multiple(() =>
        {
            Assert.That(wrong, Is.Empty, "cells read with a wrong value or line");
            Assert.That(extra, Is.Empty, "cells read that the hand-read file does not have");
            if (Complete.Contains(stem))
            {
                Assert.That(missing, Is.Empty, "cells not read");
            }
            else
            {
                // Mangled tables: cells left out must be explained by a diagnostic.
                Assert.That(r.Diagnostics.Select(d => d.Code), Does.Contain("table-mangled"));
            }
        });

        var expectedSections = ((JArray)expected["sections"]!).Select(s => s["line"]!.Value<int>()).ToList();
        Assert.That(r.Sections.Select(s => s.Line), Is.EqualTo(expectedSections), "section lines");
    }
}
