using GovStatsValidation.TestUtils;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace GovStatsValidation.Cli.Tests;

public sealed class ExtractCommandTests
{
    [Test]
    public void Extract_SeedText_PrintsCanonicalJsonWithLinesAndNotes()
    {
        var seed = TestPaths.RequireShared("seeds", "004_4624beab2357406a.txt");
        var (code, output, _) = Cli.Run("extract", seed);

        Assert.That(code, Is.EqualTo(CliApp.ExitOk));
        var json = JObject.Parse(output);
        Assert.Multiple(() =>
        {
            Assert.That((string?)json["schema"], Is.EqualTo("2019"));
            Assert.That((int?)json["year"], Is.EqualTo(2020));
            Assert.That((int?)json["cells"]!["requests.new[natural_person]"]!["line"], Is.EqualTo(55));
            Assert.That((string?)json["cells"]!["art20_5.other_services[decisions]"]!["note"], Is.EqualTo("含2019年3527份"));
            Assert.That(json["source"]!["notes"]!.Select(n => (string)n!), Has.Some.StartWith("encoding: utf-8"));
        });
    }

    [TestCase("pingtan", "pingtan_zone_2023.html", "html")]
    [TestCase("pdf", "huaian_2024.pdf", "pdf")]
    public void Extract_HtmlOrPdf_IncludesNarrativeClaimsWithSentenceAndLine(string folder, string file, string format)
    {
        var (code, output, _) = Cli.Run("extract", TestPaths.RequireShared("corpus", folder, file));

        Assert.That(code, Is.EqualTo(CliApp.ExitOk));
        var json = JObject.Parse(output);
        var claims = json["claims"]?.ToList() ?? [];
        Assert.Multiple(() =>
        {
            Assert.That((string?)json["source"]!["format"], Is.EqualTo(format));
            Assert.That(claims, Is.Not.Empty);
            Assert.That(claims.All(c => ((string?)c["sentence"])?.Length > 0 && (int?)c["location"]!["line"] > 0), Is.True);
        });
    }

    [TestCase("pingtan_zone_2014.txt")]
    [TestCase("pingtan_zone_2014.html")]
    public void Extract_TwoColumnTable_NamesTheVariantAndBothColumns(string file)
    {
        var (code, output, _) = Cli.Run("extract", TestPaths.RequireShared("corpus", "pingtan", file));

        Assert.That(code, Is.EqualTo(CliApp.ExitOk));
        var json = JObject.Parse(output);
        Assert.Multiple(() =>
        {
            Assert.That((string?)json["schema"], Is.EqualTo("pre2019"));
            Assert.That((string?)json["variant"], Is.EqualTo("two-column"));
            Assert.That((decimal?)json["cells"]!["active.total"]!["value"], Is.EqualTo(2543m));
            Assert.That((decimal?)json["cells"]!["active.total[cumulative]"]!["value"], Is.EqualTo(78967m));
        });
    }

    [Test]
    public void Extract_Pdf_CellsCarryPageAndCoordinates()
    {
        var (_, output, _) = Cli.Run("extract", TestPaths.RequireShared("corpus", "pdf", "hongze_2023.pdf"));
        var cell = JObject.Parse(output)["cells"]!["review[total]"]!;
        Assert.Multiple(() =>
        {
            Assert.That((int?)cell["page"], Is.EqualTo(4));
            Assert.That((double?)cell["x"], Is.GreaterThan(0));
            Assert.That((double?)cell["y"], Is.GreaterThan(0));
            Assert.That((int?)cell["line"], Is.GreaterThan(0));
        });
    }

    [Test]
    public void Extract_ThenCheckTheJson_GivesTheSameFindingsAsTheText()
    {
        var seed = TestPaths.RequireShared("seeds", "004_4624beab2357406a.txt");
        var (_, output, _) = Cli.Run("extract", seed);
        var folder = Directory.CreateTempSubdirectory("govstats-extract-");
        try
        {
            var jsonPath = Path.Combine(folder.FullName, "004.json");
            File.WriteAllText(jsonPath, output);
            var fromText = Rules(Cli.Run("check", seed, "--format", "json").Out);
            var fromJson = Rules(Cli.Run("check", jsonPath, "--format", "json").Out);

            // The canonical JSON carries the sections and narrative claims too, so every finding comes back.
            Assert.That(fromJson, Is.EqualTo(fromText));
            Assert.That(fromJson, Does.Contain("narrative.figure.table|line 11"));
            Assert.That(fromJson, Does.Contain("structure.section.missing|line 79"));
            Assert.That(fromJson, Does.Contain("2019.applications.result-total-blank|line 76"));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void Extract_OutPointsAtTheInput_RefusedAndInputUnchanged()
    {
        var folder = Directory.CreateTempSubdirectory("govstats-extract-");
        try
        {
            var input = Path.Combine(folder.FullName, "report.json");
            File.Copy(Path.Combine(TestPaths.Examples, "seed-004-tongxiang-enforcement-2020.json"), input);
            var before = File.ReadAllBytes(input);

            var (code, _, error) = Cli.Run("extract", input, "--out", input);

            Assert.That(code, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(error, Does.Contain("refusing to overwrite an input"));
            Assert.That(File.ReadAllBytes(input), Is.EqualTo(before));
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Test]
    public void Extract_MissingFile_ExitsTwo() =>
        Assert.That(Cli.Run("extract", "no/such/file.txt").Code, Is.EqualTo(CliApp.ExitUnusable));

    private static List<string> Rules(string json) =>
        JObject.Parse(json)["reports"]![0]!["findings"]!.Select(f => $"{f["rule"]}|line {f["line"]}").ToList();
}
