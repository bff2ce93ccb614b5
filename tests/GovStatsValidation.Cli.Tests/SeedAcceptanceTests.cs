using GovStatsValidation.TestUtils;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace GovStatsValidation.Cli.Tests;

/// <summary>
/// The acceptance cases of ../shared/seeds/EXPECTED.md and ../shared/corpus/INDEX.md, through the real command line
/// and its JSON output: every finding they require, with its severity and line, and none they forbid.
/// </summary>
public sealed class SeedAcceptanceTests
{
    private static JObject? _seeds;
    private static JObject? _corpus;

    private static JObject Seeds => _seeds ??= CheckJson(TestPaths.RequireShared("seeds"), expectedExit: CliApp.ExitFindings);

    private static JObject Corpus => _corpus ??= CheckJson(TestPaths.RequireShared("corpus"), expectedExit: null);

    [Test]
    public void Seed002_NarrativeTotalDiffersFromTable_WarningPointsAtTheWebsiteChannel()
    {
        var f = Single(Report(Seeds, "002_"), "warning", 793, 803);
        Assert.That((int?)f["line"], Is.EqualTo(26));
        Assert.That((string?)f["suspect"]?["cell"], Is.EqualTo("active.channels.website"));
    }

    [Test]
    public void Seed002_ChannelComparison_ShownAsInfo()
    {
        var f = Single(Report(Seeds, "002_"), "info", 803, 973);
        Assert.That((string?)f["rule"], Is.EqualTo("pre2019.channels.cover"));
        Assert.That((decimal?)f["difference"], Is.EqualTo(170m));
    }

    [Test]
    public void Seed002_NormativeDocumentsPublishedButNoneIssued_Info() =>
        Assert.That(Findings(Report(Seeds, "002_")).Any(f => (string?)f["rule"] == "pre2019.normative-docs.more-published" && (string?)f["severity"] == "info"));

    [Test]
    public void Seed002_And003_HaveNoError()
    {
        Assert.That(Count(Report(Seeds, "002_"), "error"), Is.Zero);
        Assert.That(Count(Report(Seeds, "003_"), "error"), Is.Zero);
    }

    [Test]
    public void Seed003_OnlyTheTwoNarrativeChannelWarnings()
    {
        var warnings = Findings(Report(Seeds, "003_")).Where(f => (string?)f["severity"] == "warning").ToList();
        Assert.That(warnings, Has.Count.EqualTo(2), string.Join("\n", warnings.Select(w => (string?)w["message"])));
        Assert.That(warnings.Any(w => HasNumbers(w, 6767, 12760)));
        Assert.That(warnings.Any(w => HasNumbers(w, 14271, 20160)));
    }

    [Test]
    public void Seed004_MissingSectionFour_ErrorAndBlankTotal_WarningWithComputedTwo()
    {
        var report = Report(Seeds, "004_");
        Assert.That(Findings(report).Any(f => (string?)f["severity"] == "error" && (string?)f["rule"] == "structure.section.missing" && (int?)f["line"] == 79));
        Assert.That(Findings(report).Any(f => (string?)f["rule"] == "2019.applications.result-total-blank" && (decimal?)f["expected"] == 2m && (string?)f["severity"] == "warning"));
        Assert.That(Findings(report).Any(f => (string?)f["severity"] == "warning" && HasNumbers(f, 2492) && (int?)f["line"] == 11));
    }

    [Test]
    public void Seed001_BlankFigureOnLine24_WarningWithTheListAsHint()
    {
        var f = Findings(Report(Seeds, "001_")).Single(x => (string?)x["rule"] == "narrative.blank-figure");
        Assert.That((string?)f["severity"], Is.EqualTo("warning"));
        Assert.That((int?)f["line"], Is.EqualTo(24));
        Assert.That(HasNumbers(f, 493));
    }

    [Test]
    public void Seeds000And001_NoStatisticsTable_Warning()
    {
        Assert.That(Findings(Report(Seeds, "000_")).Any(f => (string?)f["rule"] == "pre2019.table.missing" && (string?)f["severity"] == "warning"));
        Assert.That(Findings(Report(Seeds, "001_")).Any(f => (string?)f["rule"] == "pre2019.table.missing" && (string?)f["severity"] == "warning"));
    }

    [Test]
    public void Seeds000And003_SharedFacts_CheckedAndAgreeing()
    {
        var cross = Seeds["crossReport"]!.SelectMany(j => j["findings"]!).ToList();
        var shared = cross.Where(f => ((string?)f["rule"] ?? "").Contains("shared-fact", StringComparison.Ordinal)).ToList();
        Assert.That(shared, Is.Not.Empty);
        Assert.That(shared.All(f => (string?)f["severity"] == "info"), string.Join("\n", shared.Select(f => (string?)f["message"])));
        var text = string.Join("\n", shared.Select(f => f.ToString()));
        Assert.That(text, Does.Contain("3650").And.Contain("9648").And.Contain("1488"));
        Assert.That(text, Does.Not.Contain("土地出让"), "土地出让公告 is a different fact from 土地交易公告");
    }

    [Test]
    public void Corpus_EveryFile_ReadWithSchemaAndCellCount()
    {
        foreach (var report in Corpus["reports"]!)
        {
            TestContext.Out.WriteLine($"{report["source"]}: schema {report["schema"]}, {report["input"]?["format"]}");
        }

        var corpus = TestPaths.RequireShared("corpus");
        var texts = Corpus["reports"]!.Where(r => (string?)r["source"] is { } s && s.EndsWith(".txt", StringComparison.Ordinal)
            && Path.GetFullPath(Path.GetDirectoryName(s)!) == Path.GetFullPath(corpus)).ToList();
        Assert.That(texts, Has.Count.EqualTo(3));
        Assert.That(texts.All(r => (string?)r["schema"] == "2021"));

        // corpus/pdf: the real PDFs are read as PDFs; what is not one report is an input error with its reason
        // (the sources table, the fakes without a usable text layer, the comparison printout in its three forms).
        var pdfs = Corpus["reports"]!.Where(r => ((string?)r["source"] ?? "").EndsWith(".pdf", StringComparison.Ordinal)).ToList();
        Assert.That(pdfs, Has.Count.EqualTo(3));
        Assert.That(pdfs.All(r => (string?)r["input"]?["format"] == "pdf" && (string?)r["schema"] == "2021"));
        var errors = Corpus["inputErrors"]!.Select(e => $"{Path.GetFileName((string?)e["source"])}: {(string?)e["message"]}").ToList();
        Assert.That(errors, Has.Count.EqualTo(7), string.Join("\n", errors));
        Assert.That(errors.Where(e => e.StartsWith("synthetic-", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(3).And.All.Contain("without a usable text layer"));
        Assert.That(errors.Where(e => e.StartsWith("suqian-compare", StringComparison.Ordinal)).ToList(), Has.Count.EqualTo(3).And.All.Contain("not one annual report"));
        Assert.That(errors, Has.One.StartsWith("SOURCES.tsv: "));

        // corpus/pdf text conversions and corpus/pingtan pages: each read with its format (INDEX.md).
        string Source(JToken r) => ((string?)r["source"] ?? "").Replace('\\', '/');
        var reports = Corpus["reports"]!.ToList();
        var pdfTexts = reports.Where(r => Source(r).Contains("/pdf/", StringComparison.Ordinal) && Source(r).EndsWith(".txt", StringComparison.Ordinal)).ToList();
        Assert.That(pdfTexts.Select(r => (string?)r["schema"]), Has.Exactly(6).EqualTo("2021"));
        var pingtan = reports.Where(r => Source(r).Contains("/pingtan/", StringComparison.Ordinal)).ToList();
        Assert.That(pingtan.Where(r => Source(r).Contains("_2019.", StringComparison.Ordinal)).Select(r => (string?)r["schema"]), Has.All.EqualTo("2019").And.Not.Empty);
        Assert.That(pingtan.Where(r => Source(r).Contains("_2023.", StringComparison.Ordinal)).Select(r => (string?)r["schema"]), Has.All.EqualTo("2021").And.Not.Empty);
    }

    [Test]
    public void Corpus_NoTableMissingFinding_WhereTheTablesArePrinted()
    {
        // INDEX.md: every real report under corpus/pdf and corpus/pingtan has its statistics tables ("table missing" is false for all).
        var reports = Corpus["reports"]!.Where(r => !((string?)r["source"] ?? "").Contains("suqian-compare", StringComparison.Ordinal)).ToList();
        var missing = reports.SelectMany(r => Findings(r).Where(f => ((string?)f["rule"] ?? "").EndsWith(".missing", StringComparison.Ordinal) && !((string?)f["rule"] ?? "").StartsWith("structure.", StringComparison.Ordinal))
            .Select(f => $"{r["source"]}: {f["rule"]}")).ToList();
        Assert.That(missing, Is.Empty);
    }

    [TestCase("pingtan_zone_2014.txt")]
    [TestCase("pingtan_zone_2014.html")]
    public void CorpusPingtan2014_TwoColumnTableRead_OnlyTheNarrativeSumWarning(string file)
    {
        // INDEX.md: the two-column table is printed and balances; the one warning is the narrative's nine categories
        // (594+281+29+28+253+98+122+290+946 = 2641) against the stated 2543.
        var report = Report(Corpus, file);
        var serious = Findings(report).Where(f => (string?)f["severity"] is "error" or "warning").ToList();
        Assert.Multiple(() =>
        {
            Assert.That((string?)report["variant"], Is.EqualTo("two-column"));
            Assert.That(serious.Select(f => (string?)f["rule"]), Is.EqualTo(new[] { "narrative.enumeration.sum" }), string.Join("\n", serious.Select(f => (string?)f["message"])));
            Assert.That(serious.Single().ToString(), Does.Contain("2641").And.Contain("2543"));
        });
    }

    [Test]
    public void CorpusHuaian_NoErrorOrWarning()
    {
        var report = Report(Corpus, "huaian_city_2024");
        Assert.That(Count(report, "error") + Count(report, "warning"), Is.Zero, string.Join("\n", Findings(report).Select(f => (string?)f["message"])));
    }

    [Test]
    public void CorpusStcsm_AllDoneButOneCarriedForward_Warning() =>
        Assert.That(Findings(Report(Corpus, "shanghai_stcsm_2024")).Any(f => (string?)f["severity"] == "warning" && (string?)f["rule"] == "narrative.statement.table"));

    private static JObject CheckJson(string folder, int? expectedExit)
    {
        var (code, output, error) = Cli.Run("check", folder, "--format", "json", "--lang", "en");
        if (expectedExit is { } e)
        {
            Assert.That(code, Is.EqualTo(e), error);
        }

        return JObject.Parse(output);
    }

    private static JToken Report(JObject doc, string fragment) =>
        doc["reports"]!.Single(r => ((string?)r["source"] ?? "").Contains(fragment, StringComparison.Ordinal));

    private static IEnumerable<JToken> Findings(JToken report) => report["findings"]!;

    private static int Count(JToken report, string severity) => Findings(report).Count(f => (string?)f["severity"] == severity);

    private static JToken Single(JToken report, string severity, params int[] numbers) =>
        Findings(report).Single(f => (string?)f["severity"] == severity && HasNumbers(f, numbers));

    private static bool HasNumbers(JToken finding, params int[] numbers)
    {
        var text = finding.ToString();
        return numbers.All(n => System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<![\d.]){n}(?!\d)"));
    }
}
