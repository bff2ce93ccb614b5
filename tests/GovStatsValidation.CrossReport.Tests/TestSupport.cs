using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using NUnit.Framework;

namespace GovStatsValidation.CrossReport.Tests;

/// <summary>Report builders from corpus figures, and paths to the repository and ../shared.</summary>
internal static class TestSupport
{
    private static readonly Lazy<string> Root = new(() =>
    {
        for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "GovStatsValidation.sln")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Repository root (GovStatsValidation.sln) not found.");
    });

    public static string RepoRoot => Root.Value;

    /// <summary>Path of a file under ../shared; ignores the test when ../shared is absent, unless CI=true (then fails).</summary>
    public static string Shared(string relative)
    {
        var path = Path.Combine(Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared")), relative);
        if (!File.Exists(path))
        {
            if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
            {
                Assert.Fail($"../shared/{relative} is missing (CI=true).");
            }

            Assert.Ignore("skipped: ../shared not present");
        }

        return path;
    }

    public static AnnualReport Report(string agency, int year, SchemaVersion schema, params (string Cell, decimal Value)[] cells)
    {
        var report = new AnnualReport { Agency = new Agency(agency), Year = year, Schema = schema, Source = $"{agency}-{year}.json" };
        foreach (var (cell, value) in cells)
        {
            report.Cells[cell] = value;
        }

        return report;
    }

    /// <summary>The 2019/2021 application table with every applicant column given (total = natural person, others 0).</summary>
    public static (string, decimal)[] Applications(decimal newTotal, decimal carriedOver, decimal handled, decimal carryForward)
    {
        var cells = new List<(string, decimal)>();
        foreach (var col in new[] { "natural_person", "org.commercial", "org.research", "org.social_welfare", "org.legal_service", "org.other", "total" })
        {
            var main = col is "natural_person" or "total";
            cells.Add(($"requests.new[{col}]", main ? newTotal : 0));
            cells.Add(($"requests.carried_over[{col}]", main ? carriedOver : 0));
            cells.Add(($"result.granted[{col}]", main ? handled : 0));
            cells.Add(($"result.total[{col}]", main ? handled : 0));
            cells.Add(($"requests.carry_forward[{col}]", main ? carryForward : 0));
        }

        return cells.ToArray();
    }

    public static List<CrossReportFinding> AtLeast(this IEnumerable<CrossReportFinding> findings, Severity severity) =>
        findings.Where(f => f.Finding.Severity >= severity).ToList();

    public static List<CrossReportFinding> Rule(this IEnumerable<CrossReportFinding> findings, string ruleId) =>
        findings.Where(f => f.Finding.RuleId == ruleId).ToList();
}
