using System.Xml.Linq;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace GovStatsValidation.Cli.Tests;

public sealed class CheckCommandTests
{
    private const string Examples = "tests/data/examples";

    [Test]
    public void Check_Examples_ExitsOneAndPrintsTheSummary()
    {
        var (code, output, _) = Cli.Run("check", Examples, "--lang", "en");

        Assert.That(code, Is.EqualTo(CliApp.ExitFindings));
        Assert.That(output, Does.Contain("5 report(s) checked: 1 error(s), 2 warning(s), 11 info (5 cross-report); 0 input error(s)"));
    }

    [Test]
    public void Check_FailOnNever_ExitsZero() =>
        Assert.That(Cli.Run("check", Examples, "--fail-on", "never").Code, Is.EqualTo(CliApp.ExitOk));

    [Test]
    public void Check_CleanReport_ExitsZero() =>
        Assert.That(Cli.Run("check", $"{Examples}/synthetic-clean-2021-2023.json").Code, Is.EqualTo(CliApp.ExitOk));

    [Test]
    public void Check_FailOnWarning_ExitsOneForWarningsOnly()
    {
        var (code, _, _) = Cli.Run("check", Examples, "--fail-on", "warning", "--min-severity", "warning");

        Assert.That(code, Is.EqualTo(CliApp.ExitFindings));
    }

    [Test]
    public void Check_MissingPath_ExitsTwoAndSaysWhy()
    {
        var (code, _, error) = Cli.Run("check", "no/such/folder");

        Assert.That(code, Is.EqualTo(CliApp.ExitUnusable));
        Assert.That(error, Does.Contain("no such file or folder: no/such/folder"));
    }

    [Test]
    public void Check_UnknownFormat_ExitsTwo() =>
        Assert.That(Cli.Run("check", Examples, "--format", "pdf").Code, Is.EqualTo(CliApp.ExitUnusable));

    [Test]
    public void Check_OneUnreadableFile_BecomesAnInputErrorAndTheRestIsChecked()
    {
        using var temp = new TempFolder();
        File.Copy($"{Examples}/synthetic-clean-2021-2023.json", temp.File("good.json"));
        temp.File("bad.json", "{ \"agency\": ");

        var (code, output, _) = Cli.Run("check", temp.Path, "--format", "json");
        var json = JObject.Parse(output);

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitUnusable), "input errors make the exit code 2");
            Assert.That((int)json["summary"]!["reports"]!, Is.EqualTo(1));
            Assert.That((string?)json["inputErrors"]![0]!["source"], Does.EndWith("bad.json"));
        });
    }

    [Test]
    public void Check_Glob_MatchesFilesAcrossFolders()
    {
        var (_, output, _) = Cli.Run("check", "tests/data/**/seed-00?-*.json", "--format", "json");

        Assert.That(JObject.Parse(output)["reports"]!.Select(r => (string?)r["source"]), Is.EqualTo(new[]
        {
            "tests/data/examples/seed-002-jiangbei-2017.json",
            "tests/data/examples/seed-003-tongxiang-2017.json",
            "tests/data/examples/seed-004-tongxiang-enforcement-2020.json",
        }));
    }

    [Test]
    public void Check_EveryFormat_SameBytesWhateverTheThreadCount() => AssertSameOutputWhateverTheThreadCount(Examples);

    [Test]
    public void Check_SeedsInEveryFormat_SameBytesWhateverTheThreadCount() =>
        AssertSameOutputWhateverTheThreadCount(Examples, TestUtils.TestPaths.RequireShared("seeds"));

    private static void AssertSameOutputWhateverTheThreadCount(params string[] paths)
    {
        foreach (var format in CheckPipeline.Renderers.Names)
        {
            var one = Cli.Run(["check", .. paths, "--format", format, "--threads", "1"]);
            var four = Cli.Run(["check", .. paths, "--format", format, "--threads", "4"]);

            Assert.That(four.Out, Is.EqualTo(one.Out), format);
            Assert.That(one.Out, Is.Not.Empty, format);
        }
    }

    [Test]
    public void Check_OutFile_WritesTheReportThereAndNothingToStandardOutput()
    {
        using var temp = new TempFolder();
        var path = temp.File("report.html");

        var (_, output, _) = Cli.Run("check", Examples, "--format", "html", "--out", path);

        Assert.That(output, Is.Empty);
        Assert.That(File.ReadAllText(path), Does.StartWith("<!DOCTYPE html>").And.Contain("cell-flagged"));
    }

    [Test]
    public void Check_JUnitAndSarif_AreWellFormed()
    {
        var junit = XDocument.Parse(Cli.Run("check", Examples, "--format", "junit").Out);
        var sarif = JObject.Parse(Cli.Run("check", Examples, "--format", "sarif").Out);

        Assert.That(junit.Root!.Name.LocalName, Is.EqualTo("testsuites"));
        Assert.That((string?)sarif["version"], Is.EqualTo("2.1.0"));
        Assert.That(sarif["runs"]![0]!["results"]!.Count(), Is.EqualTo(14), "9 findings in reports, 5 cross-report (counterpart notes: one line per jurisdiction and year)");
    }

    [Test]
    public void Check_MarkdownInEnglish_StartsWithTheSummaryTable()
    {
        var (_, output, _) = Cli.Run("check", Examples, "--format", "md", "--lang", "en");

        Assert.That(output, Does.StartWith("## govstats check results\n\n| Reports | Errors | Warnings | Info | Input errors |\n|---:|---:|---:|---:|---:|\n| 5 | 1 | 2 | 11 | 0 |"));
    }

    [Test]
    public void Check_ForcedSchema_ReadsTheReportAsThatFormat()
    {
        var (_, output, _) = Cli.Run("check", $"{Examples}/synthetic-clean-pre2019-2016.json", "--schema", "2021", "--format", "json");
        var report = JObject.Parse(output)["reports"]![0]!;

        Assert.Multiple(() =>
        {
            Assert.That((string?)report["schema"], Is.EqualTo("2021"));
            Assert.That(report["input"]!["notes"]!.Select(n => (string?)n), Has.Some.Contains("schema forced to 2021"));
            Assert.That(report["findings"]!.Select(f => (string?)f["rule"]), Has.Some.EqualTo("input.unknown-cell"), "the pre-2019 cells do not exist in the 2021 format");
        });
    }

    [Test]
    public void Check_ColorAlways_PaintsTextAndColorNever_DoesNot()
    {
        var painted = Cli.Run("check", Examples, "--color", "always").Out;
        var plain = Cli.Run("check", Examples, "--color", "never").Out;

        Assert.That(painted.Contains('\u001b', StringComparison.Ordinal), Is.True);
        Assert.That(plain.Contains('\u001b', StringComparison.Ordinal), Is.False);
    }

    [Test]
    public void Check_TerminalOutput_IsColouredByDefault()
    {
        using var stdout = new StringWriter();
        using var stderr = new StringWriter();

        CliApp.Run(["check", Examples], new CliContext(stdout, stderr, Cli.Clock, OutIsTerminal: true));

        Assert.That(stdout.ToString().Contains('\u001b', StringComparison.Ordinal), Is.True);
        Assert.That(stderr.ToString(), Is.Empty, "five files are below the progress bar threshold");
    }
}
