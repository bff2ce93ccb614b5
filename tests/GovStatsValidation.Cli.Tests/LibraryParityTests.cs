using GovStatsValidation.CrossReport;
using GovStatsValidation.Findings;
using GovStatsValidation.Readers;
using GovStatsValidation.Readers.Pipeline;
using GovStatsValidation.TestUtils;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace GovStatsValidation.Cli.Tests;

/// <summary>The library (GovStatsValidation.Readers' pipeline, registered as an integrator would) and the CLI give the same findings.</summary>
[TestFixture]
public sealed class LibraryParityTests
{
    [Test]
    public void Check_EveryRealReportUnderShared_LibraryAndCliSameFindings()
    {
        var seeds = TestPaths.RequireShared("seeds");
        var corpus = TestPaths.RequireShared("corpus");

        var (code, stdout, stderr) = Cli.Run("check", seeds, corpus, "--format", "json", "--lang", "en", "--fail-on", "never", "--threads", "2");
        Assert.That(code, Is.AnyOf(0, 2), stderr);
        var json = JObject.Parse(stdout);
        var cliReports = json["reports"]!.Select(r => ((string)r["source"]!, r["findings"]!.Select(FromJson).ToList())).ToList();
        var cliCross = (json["crossReport"] as JArray ?? []).SelectMany(j => j["findings"]!)
            .Select(f => $"{(string?)f["subject"]?["source"]} {FromJson(f)}").ToList();
        var cliErrors = json["inputErrors"]!.Select(e => $"{(string?)e["source"]}: {(string?)e["message"]}").ToList();

        using var services = new ServiceCollection()
            .AddGovStatsValidation(o => o.Language = "en")
            .AddReaders(o => o.RelativeTo = Environment.CurrentDirectory)
            .AddCrossReport()
            .BuildServiceProvider();
        var result = services.GetRequiredService<IReportPipeline>().CheckAsync([seeds, corpus]).GetAwaiter().GetResult();
        var libReports = result.Results.Select(r => (r.Report.Source!, r.Findings.Select(FromFinding).ToList())).ToList();
        var libCross = (result.CrossReport ?? []).Select(c => $"{c.Subject.Source} {FromFinding(c.Finding)}").ToList();
        var libErrors = result.InputErrors.Select(e => $"{e.Source}: {e.Message}").ToList();

        Assert.Multiple(() =>
        {
            Assert.That(libReports.Select(r => r.Item1), Is.EqualTo(cliReports.Select(r => r.Item1)), "the same reports, in the same order");
            Assert.That(libReports.Count, Is.GreaterThanOrEqualTo(10), "every real report of seeds and corpus is read");
            for (var i = 0; i < Math.Min(libReports.Count, cliReports.Count); i++)
            {
                Assert.That(libReports[i].Item2, Is.EqualTo(cliReports[i].Item2), libReports[i].Item1);
            }

            Assert.That(libReports.Sum(r => r.Item2.Count), Is.GreaterThan(0));
            Assert.That(libCross, Is.EqualTo(cliCross).And.Not.Empty, "cross-report findings");
            Assert.That(libErrors, Is.EqualTo(cliErrors), "input errors");
        });
    }

    private static string FromJson(JToken f) =>
        $"{(string?)f["severity"]} {(string?)f["rule"]} [{(string?)f["instance"]}] line {(int?)f["line"]}: {(string?)f["messageEn"]} | {(string?)f["messageZh"]} | {(string?)f["formula"]}";

    private static string FromFinding(Finding f) =>
        $"{f.Severity.ToString().ToLowerInvariant()} {f.RuleId} [{f.Instance}] line {f.Line}: {f.Message.En} | {f.Message.Zh} | {f.Formula}";
}
