using GovStatsValidation.Json;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests.Json;

[TestFixture]
public sealed class ReportJsonTests
{
    private const string Name = "report.json";

    private static IEnumerable<string> DataFiles() =>
        Directory.EnumerateFiles(RepoPaths.Examples, "*.json")
            .Concat(Directory.EnumerateFiles(RepoPaths.Extraction, "*.expected.json"))
            .Order(StringComparer.Ordinal)
            .Select(p => Path.GetRelativePath(RepoPaths.Root, p));

    private static string Report(string cells, string schema = "pre2019", int year = 2016) => $$"""
        {
          "formatVersion": 1,
          "agency": { "name": "示例县人民政府", "level": "county" },
          "year": {{year}},
          "schema": "{{schema}}",
          "cells": {
            {{cells}}
          }
        }
        """;

    private static ReportLoadException Fails(string json) => Assert.Throws<ReportLoadException>(() => ReportJson.Read(json, Name))!;

    [Test]
    public void EnumerateDataFiles_TestsData_FindsExamplesAndExtractions()
    {
        Assert.That(DataFiles().ToList(), Has.Count.GreaterThanOrEqualTo(11));
    }

    [TestCaseSource(nameof(DataFiles))]
    public void Write_ReadFileThenWriteThenRead_GivesIdenticalReport(string relative)
    {
        var first = ReportJson.ReadFile(Path.Combine(RepoPaths.Root, relative));
        var written = ReportJson.Write(first);
        var second = ReportJson.Read(written, relative);

        Assert.Multiple(() =>
        {
            Assert.That(second.Agency, Is.EqualTo(first.Agency));
            Assert.That(second.Year, Is.EqualTo(first.Year));
            Assert.That(second.Schema, Is.EqualTo(first.Schema));
            Assert.That(second.Cells.Select(c => c.Key), Is.EqualTo(first.Cells.Select(c => c.Key)), "same cells");
            Assert.That(second.Cells.Select(c => c.Value), Is.EqualTo(first.Cells.Select(c => c.Value)), "same states, numbers, raw texts, notes and lines");
            Assert.That(second.Sections, Is.EqualTo(first.Sections));
            Assert.That(second.Tables, Is.EqualTo(first.Tables));
            Assert.That(second.Claims, Is.EqualTo(first.Claims));
            var rewritten = ReportJson.Write(second);
            Assert.That(ReportJson.Write(ReportJson.Read(rewritten, relative)), Is.EqualTo(rewritten), "writing is stable once source info is filled in");
        });
    }

    [Test]
    public void Read_Seed004_KeepsLinesRawTextAndNotes()
    {
        var report = ReportJson.ReadFile(Path.Combine(RepoPaths.Extraction, "004_4624beab2357406a.expected.json"));
        var change = report.Cells["art20_5.licensing[change]"];
        Assert.Multiple(() =>
        {
            Assert.That(change.Number, Is.EqualTo(5869));
            Assert.That(change.Raw, Is.EqualTo("+5869"));
            Assert.That(change.Location, Is.EqualTo(new SourceLocation(37)));
            Assert.That(report.Sections.Select(s => s.Numeral), Is.EqualTo(new[] { "一", "二", "三", "五", "六" }));
        });
    }

    [Test]
    public void Read_CellStates_BlankAbsentPlaceholderUnreadableAnnotatedPreserved()
    {
        var json = Report("""
            "review.total": null,
            "review.upheld": "——",
            "review.corrected": "见附件",
            "review.other": "5177（含2019年3527份）",
            "litigation.total": { "value": null, "state": "blank", "raw": "", "line": 12 },
            "litigation.upheld": { "value": 3, "raw": "3件", "line": 13, "column": 20 }
            """);
        var report = ReportJson.Read(json, Name);
        var again = ReportJson.Read(ReportJson.Write(report), Name);
        foreach (var r in new[] { report, again })
        {
            Assert.Multiple(() =>
            {
                Assert.That(r.Cells["review.total"].State, Is.EqualTo(CellState.Blank));
                Assert.That(r.Cells.Contains("complaints.total"), Is.False);
                Assert.That(r.Cells["complaints.total"].State, Is.EqualTo(CellState.Absent));
                Assert.That(r.Cells["review.upheld"], Is.EqualTo(new CellValue { State = CellState.Placeholder, Raw = "——" }));
                Assert.That(r.Cells["review.corrected"], Is.EqualTo(new CellValue { State = CellState.Unreadable, Raw = "见附件" }));
                Assert.That(r.Cells["review.other"], Is.EqualTo(new CellValue { State = CellState.Number, Number = 5177, Raw = "5177（含2019年3527份）", Note = "含2019年3527份" }));
                Assert.That(r.Cells["litigation.total"].State, Is.EqualTo(CellState.Blank));
                Assert.That(r.Cells["litigation.total"].Location, Is.EqualTo(new SourceLocation(12)));
                Assert.That(r.Cells["litigation.upheld"], Is.EqualTo(new CellValue { State = CellState.Number, Number = 3, Raw = "3件", Location = new SourceLocation(13, 20) }));
            });
        }
    }

    [Test]
    public void Write_CellStates_UsesShortFormsWherePossible()
    {
        var report = ReportBuilder.CleanPre2019().Blank("review.total").Printed("review.upheld", "——").Printed("review.corrected", "见附件").Set("review.other", 1).Build();
        var json = ReportJson.Write(report);
        Assert.Multiple(() =>
        {
            Assert.That(json, Does.Contain("\"review.total\": null"));
            Assert.That(json, Does.Contain("\"review.upheld\": \"——\""));
            Assert.That(json, Does.Contain("\"review.corrected\": \"见附件\""));
            Assert.That(json, Does.Contain("\"review.other\": 1"));
        });
    }

    [Test]
    public void Write_AmountWithFourDecimals_KeepsDigits()
    {
        var report = ReportBuilder.CleanPre2019().Set("org.budget", 59237.2449m).Build();
        var again = ReportJson.Read(ReportJson.Write(report), Name);
        Assert.That(again.Cells["org.budget"].Number, Is.EqualTo(59237.2449m));
    }

    [Test]
    public void Read_MalformedJson_NamesFileAndLine()
    {
        var e = Fails(Report("\"review.total\": 6,,\n\"review.upheld\": 4"));
        Assert.Multiple(() =>
        {
            Assert.That(e.File, Is.EqualTo(Name));
            Assert.That(e.Line, Is.EqualTo(7));
            Assert.That(e.Reason, Does.StartWith("not valid JSON"));
            Assert.That(e.Message, Does.StartWith($"{Name}(7): "));
        });
    }

    [Test]
    public void Read_UnknownCellId_NamesFileLineAndCell()
    {
        var e = Fails(Report("\"review.total\": 6,\n    \"review.totl\": 4"));
        Assert.Multiple(() =>
        {
            Assert.That(e.Cell, Is.EqualTo("review.totl"));
            Assert.That(e.Line, Is.EqualTo(8));
            Assert.That(e.Reason, Does.StartWith("schema pre2019 has no such cell"));
        });
    }

    [Test]
    public void Read_CellOfOtherSchema_NamesCell()
    {
        var e = Fails(Report("\"requests.new[total]\": 4"));
        Assert.That(e.Cell, Is.EqualTo("requests.new[total]"));
    }

    [TestCase("review.total")]
    [TestCase("requests.new[total]")]
    public void Read_DuplicateCellId_NamesFileLineAndCell(string cell)
    {
        var schema = cell.Contains('[') ? "2021" : "pre2019";
        var e = Fails(Report($"\"{cell}\": 6,\n    \"{cell}\": 7", schema, schema == "2021" ? 2023 : 2016));
        Assert.Multiple(() =>
        {
            Assert.That(e.Cell, Is.EqualTo(cell));
            Assert.That(e.Line, Is.EqualTo(8));
            Assert.That(e.Reason, Does.Contain(cell));
        });
    }

    [TestCase("1e309")]
    [TestCase("99999999999999999999999")]
    [TestCase("-99999999999999999999999")]
    [TestCase("1e400")]
    public void Read_NumberOutOfRange_NamesFileLineAndCell(string number)
    {
        var e = Fails(Report($"\"review.total\": 6,\n    \"review.upheld\": {number}"));
        Assert.Multiple(() =>
        {
            Assert.That(e.File, Is.EqualTo(Name));
            Assert.That(e.Line, Is.EqualTo(8));
            Assert.That(e.Cell, Is.EqualTo("review.upheld"));
        });
    }

    [TestCase("NaN")]
    [TestCase("Infinity")]
    [TestCase("-Infinity")]
    public void Read_NonFiniteNumber_NamesFileLineAndCell(string literal)
    {
        var e = Fails(Report($"\"review.total\": 6,\n    \"review.upheld\": {literal}"));
        Assert.Multiple(() =>
        {
            Assert.That(e.Line, Is.EqualTo(8));
            Assert.That(e.Cell, Is.EqualTo("review.upheld"));
        });
    }

    [Test]
    public void Read_NumberOutOfRangeInObject_NamesCell()
    {
        var e = Fails(Report("\"review.upheld\": { \"value\": 99999999999999999999999 }"));
        Assert.That(e.Cell, Is.EqualTo("review.upheld"));
    }

    [Test]
    public void Read_DeeplyNestedJson_FailsWithLine()
    {
        var nested = string.Concat(Enumerable.Repeat("[", 200)) + string.Concat(Enumerable.Repeat("]", 200));
        var e = Fails(Report($"\"review.total\": 6\n  }},\n  \"extra\": {nested},\n  \"x\": {{").Replace("\"x\": {\n  }\n}", "\"x\": {}}"));
        Assert.Multiple(() =>
        {
            Assert.That(e.Reason, Does.Contain("MaxDepth"));
            Assert.That(e.Line, Is.EqualTo(9));
        });
    }

    [TestCase("\"review.upheld\": true", "a cell value must be a number, null, a string or an object, found Boolean")]
    [TestCase("\"review.upheld\": [1]", "a cell value must be a number, null, a string or an object, found Array")]
    [TestCase("\"review.upheld\": { \"value\": \"4\" }", "'value' must be a number or null, found String")]
    [TestCase("\"review.upheld\": { \"value\": 4, \"state\": \"absent\" }", "unknown state 'absent' (number, blank, placeholder, unreadable)")]
    public void Read_WrongCellType_NamesCellAndLine(string cell, string reason)
    {
        var e = Fails(Report(cell));
        Assert.Multiple(() =>
        {
            Assert.That(e.Cell, Is.EqualTo("review.upheld"));
            Assert.That(e.Line, Is.EqualTo(7));
            Assert.That(e.Reason, Is.EqualTo(reason));
        });
    }

    [TestCase("{ \"agency\": { \"name\": \"x\" }, \"year\": \"2016\", \"schema\": \"pre2019\" }", "'year' must be a whole number (the report year)")]
    [TestCase("{ \"agency\": { \"name\": \"x\" }, \"year\": 2016, \"schema\": \"2018\" }", "'schema' must be \"pre2019\", \"2019\" or \"2021\"")]
    [TestCase("{ \"agency\": \"x\", \"year\": 2016, \"schema\": \"pre2019\" }", "'agency' must be an object with a \"name\" string")]
    [TestCase("{ \"agency\": { \"name\": \"x\", \"level\": \"city\" }, \"year\": 2016, \"schema\": \"pre2019\" }", "unknown agency level 'city' (unknown, national, provincial, prefecture, county, township, department, office)")]
    [TestCase("{ \"agency\": { \"name\": \"x\" }, \"year\": 2016, \"schema\": \"pre2019\", \"cells\": [] }", "'cells' must be an object keyed by cell id")]
    [TestCase("{ \"agency\": { \"name\": \"x\" }, \"year\": 99999999999, \"schema\": \"pre2019\" }", "'year' 99999999999 is out of range")]
    [TestCase("[1, 2]", "expected a JSON object, found Array")]
    public void Read_WrongTypes_Explains(string json, string reason)
    {
        var e = Fails(json);
        Assert.Multiple(() =>
        {
            Assert.That(e.Reason, Is.EqualTo(reason));
            Assert.That(e.Line, Is.EqualTo(1));
        });
    }

    [TestCase("")]
    [TestCase("   \n  ")]
    public void Read_EmptyFile_SaysEmpty(string json)
    {
        var e = Fails(json);
        Assert.Multiple(() =>
        {
            Assert.That(e.Reason, Is.EqualTo("file is empty"));
            Assert.That(e.File, Is.EqualTo(Name));
        });
    }

    [Test]
    public void Read_TrailingContent_Fails()
    {
        var e = Fails(Report("\"review.total\": 6") + "\n{}");
        Assert.Multiple(() =>
        {
            Assert.That(e.Reason, Does.StartWith("not valid JSON"));
            Assert.That(e.Line, Is.EqualTo(10));
        });
    }

    [Test]
    public void ReadFile_Missing_SaysNotFound()
    {
        var path = Path.Combine(Path.GetTempPath(), "govstats-no-such-file.json");
        var e = Assert.Throws<ReportLoadException>(() => ReportJson.ReadFile(path))!;
        Assert.That(e.Reason, Is.EqualTo("file not found"));
    }

    [Test]
    public void Read_SchemaTokenVariants_Accepted()
    {
        Assert.That(ReportJson.Read("{ \"agency\": { \"name\": \"x\" }, \"year\": 2021, \"schema\": \"2021\" }", Name).Schema, Is.EqualTo(SchemaVersion.Format2021));
    }

    [Test]
    public void Read_VariantCellWithoutVariant_FailsNamingTheVariant()
    {
        var e = Fails(Report("\"active.total\": 5, \"active.total[cumulative]\": 50"));

        Assert.Multiple(() =>
        {
            Assert.That(e.Cell, Is.EqualTo("active.total[cumulative]"));
            Assert.That(e.Message, Does.Contain("add \"variant\": \"two-column\""));
        });
    }

    [Test]
    public void Read_UnknownVariant_FailsNamingTheKnownOnes()
    {
        var e = Fails(Report("\"active.total\": 5").Replace("\"schema\": \"pre2019\",", "\"schema\": \"pre2019\", \"variant\": \"three-column\",", StringComparison.Ordinal));

        Assert.That(e.Message, Does.Contain("'variant' must name a variant of schema pre2019 (\"two-column\")"));
    }

    [Test]
    public void Write_TwoColumnReport_KeepsVariantAndBothColumns()
    {
        var report = ReportJson.ReadFile(RepoPaths.Variant("two-column-2014.json"));

        var again = ReportJson.Read(ReportJson.Write(report), Name);

        Assert.Multiple(() =>
        {
            Assert.That(again.Variant, Is.EqualTo("two-column"));
            Assert.That(again.SchemaDefinition.Variant!.Id, Is.EqualTo("two-column"));
            Assert.That(again.Cells["active.total[cumulative]"].Number, Is.EqualTo(78967m));
            Assert.That(again.Cells["active.total"].Number, Is.EqualTo(2543m));
        });
    }
}
