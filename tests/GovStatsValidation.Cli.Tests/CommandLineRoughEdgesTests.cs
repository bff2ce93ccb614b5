using System.IO.Compression;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace GovStatsValidation.Cli.Tests;

/// <summary>
/// The command line's rough edges of issue 13, one test per complaint: mistyped options, switching rules off, --out into a
/// folder that does not exist, baselines judged only on what the run could report, non-report files in a folder.
/// </summary>
[TestFixture]
public sealed class CommandLineRoughEdgesTests
{
    private const string Clean = "tests/data/examples/synthetic-clean-2021-2023.json";

    private string _dir = null!;

    [SetUp]
    public void MakeFolder() => _dir = Directory.CreateTempSubdirectory("govstats-rough-").FullName;

    [TearDown]
    public void RemoveFolder() => Directory.Delete(_dir, recursive: true);

    [Test]
    public void Check_OutIntoFoldersThatDoNotExist_CreatesThem()
    {
        var target = Path.Combine(_dir, "out", "2023", "report.html");

        var (code, _, stderr) = Cli.Run("check", Clean, "--format", "html", "--out", target);

        Assert.That(code, Is.EqualTo(CliApp.ExitOk), stderr);
        Assert.That(File.ReadAllText(target), Does.StartWith("<!DOCTYPE html>"));
    }

    /// <summary>A folder of reports usually holds other files: they are listed as skipped and do not make the run unusable.</summary>
    [Test]
    public void Check_FolderWithFilesThatAreNotReports_SkippedExitByFindings()
    {
        var folder = MixedFolder();

        var (code, stdout, stderr) = Cli.Run("check", folder, "--format", "json");
        var json = JObject.Parse(stdout);
        var text = Cli.Run("check", folder, "--lang", "en").Out;

        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitOk), stderr);
            Assert.That(json["inputErrors"]!, Is.Empty);
            Assert.That(json["reports"]!.Count(), Is.EqualTo(1));
            Assert.That(json["skipped"]!.Select(s => Path.GetFileName((string)s["source"]!)), Is.EqualTo(new[] { "logo.png", "minutes.txt", "table.xlsx" }));
            Assert.That(text, Does.Contain("skipped (not a report)").And.Contain("logo.png"));
        });
    }

    [Test]
    public void Check_StrictWithAFileThatIsNotAReport_Exit2()
    {
        var (code, _, _) = Cli.Run("check", MixedFolder(), "--strict");
        Assert.That(code, Is.EqualTo(CliApp.ExitUnusable));
    }

    /// <summary>"Could not read" is never "not a report": a text that is a disclosure report but cannot be read, and a broken JSON report, still fail the run.</summary>
    [TestCase("unreadable.txt", "某县人民政府\n政府信息公开工作年度报告\n本报告的表格未能转换。\n")]
    [TestCase("broken.json", "{\"agency\": {\"name\": \"某县\"}, \"year\": 20")]
    public void Check_ReportThatCannotBeRead_InputErrorExit2(string name, string content)
    {
        var folder = MixedFolder();
        File.WriteAllText(Path.Combine(folder, name), content);

        var (code, stdout, _) = Cli.Run("check", folder, "--format", "json");
        var json = JObject.Parse(stdout);

        Assert.That(code, Is.EqualTo(CliApp.ExitUnusable));
        Assert.That(json["inputErrors"]!.Select(e => Path.GetFileName((string)e["source"]!)), Is.EqualTo(new[] { name }));
        Assert.That(json["skipped"]!.Count(), Is.EqualTo(3));
    }

    /// <summary>
    /// A baseline of every finding, then a run at --min-severity error: the accepted warnings and infos could not have been
    /// reported, so they are not stale (issue 13: "--baseline together with --min-severity calls 23 valid entries stale").
    /// </summary>
    [Test]
    public void Check_BaselineWithMinSeverityOrDisable_OnlyWhatTheRunCouldReportIsCompared()
    {
        var baseline = Path.Combine(_dir, "accepted.json");
        Assert.That(Cli.Run("baseline", "create", "tests/data/examples", "--out", baseline, "--reason", "known", "--accepted-by", "auditor").Code, Is.EqualTo(CliApp.ExitOk));
        var entries = JObject.Parse(File.ReadAllText(baseline))["entries"]!;
        var belowError = entries.Count(e => (string?)e["severity"] is "warning" or "info");
        var errorRule = entries.Select(e => (string)e["rule"]!).First(r => entries.Where(e => (string)e["rule"]! == r).All(e => (string?)e["severity"] == "error"));

        var scoped = JObject.Parse(Cli.Run("check", "tests/data/examples", "--baseline", baseline, "--min-severity", "error", "--disable", errorRule, "--format", "json").Out)["baseline"]!;

        Assert.Multiple(() =>
        {
            Assert.That(belowError, Is.Positive, "the examples have warnings and infos");
            Assert.That(scoped["stale"]!, Is.Empty);
            Assert.That((int)scoped["notComparable"]!, Is.EqualTo(belowError + entries.Count(e => (string)e["rule"]! == errorRule)));
            Assert.That((int)scoped["accepted"]!, Is.EqualTo(entries.Count() - (int)scoped["notComparable"]!));
        });
    }

    /// <summary>A folder with one clean report, an image, a spreadsheet (a zip that is no Word document) and meeting notes.</summary>
    private string MixedFolder()
    {
        var folder = Directory.CreateDirectory(Path.Combine(_dir, "reports")).FullName;
        if (File.Exists(Path.Combine(folder, "logo.png")))
        {
            return folder;
        }

        File.Copy(Clean, Path.Combine(folder, "transport-2023.json"));
        File.WriteAllBytes(Path.Combine(folder, "logo.png"), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        File.WriteAllText(Path.Combine(folder, "minutes.txt"), "会议纪要\n讨论了本年度的工作安排。\n");
        using (var zip = ZipFile.Open(Path.Combine(folder, "table.xlsx"), ZipArchiveMode.Create))
        {
            using var sheet = new StreamWriter(zip.CreateEntry("xl/workbook.xml").Open());
            sheet.Write("<workbook/>");
        }

        return folder;
    }

    [Test]
    public void Check_MistypedOption_ErrorBeforeAnyWork()
    {
        var (code, stdout, stderr) = Cli.Run("check", "tests/data/examples", "--formt", "html");
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitUnusable));
            Assert.That(stderr, Does.Contain("unknown option '--formt'"));
            Assert.That(stdout, Is.Empty, "nothing was checked");
        });
    }

    [Test]
    public void Explain_UnknownShortOption_ErrorNamingIt()
    {
        var (code, _, stderr) = Cli.Run("explain", "-x", "tests/data/examples/seed-002-jiangbei-2017.json");
        Assert.That((code, stderr.Contains("'-x'", StringComparison.Ordinal)), Is.EqualTo((CliApp.ExitUnusable, true)), stderr);
    }

    [Test]
    public void Check_DisableTwoRules_TheirFindingsGoneOthersKept()
    {
        static List<string> Rules(string stdout) =>
            JObject.Parse(stdout)["reports"]!.SelectMany(r => r["findings"]!).Select(f => (string)f["rule"]!).ToList();

        var before = Rules(Cli.Run("check", "tests/data/examples", "--format", "json", "--fail-on", "never").Out);
        var distinct = before.Distinct().Order(StringComparer.Ordinal).ToList();
        Assert.That(distinct, Has.Count.GreaterThanOrEqualTo(3), "the examples give findings of several rules");
        var off = distinct.Take(2).ToList();

        var (code, stdout, stderr) = Cli.Run("check", "tests/data/examples", "--format", "json", "--fail-on", "never", "--disable", off[0], "--disable", off[1]);
        var after = Rules(stdout);
        Assert.Multiple(() =>
        {
            Assert.That(code, Is.EqualTo(CliApp.ExitOk), stderr);
            Assert.That(after, Has.None.AnyOf(off[0], off[1]));
            Assert.That(after, Is.EqualTo(before.Where(r => !off.Contains(r)).ToList()));
        });
    }
}
