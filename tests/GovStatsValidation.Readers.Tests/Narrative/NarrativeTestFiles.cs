using GovStatsValidation.Json;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Narrative;

/// <summary>The real texts under ../shared and the hand-read cells and headings under tests/data/extraction.</summary>
internal static class NarrativeTestFiles
{
    public static string RepoRoot
    {
        get
        {
            for (var dir = new DirectoryInfo(TestContext.CurrentContext.TestDirectory); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "GovStatsValidation.sln")))
                {
                    return dir.FullName;
                }
            }

            throw new InvalidOperationException("Repository root (GovStatsValidation.sln) not found.");
        }
    }

    /// <summary>A file under ../shared; ignores the test when it is missing, unless CI=true (then fails).</summary>
    public static string Shared(string relative)
    {
        var path = Path.GetFullPath(Path.Combine(RepoRoot, "..", "shared", relative));
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

    public static string[] Lines(string relative) => File.ReadAllLines(Shared(relative));

    /// <summary>
    /// The report of a real text: its hand-read table cells and headings (tests/data/extraction) when there are some,
    /// else an empty report of the given agency, year and schema; read as a text (so structure is known).
    /// </summary>
    public static AnnualReport Report(string relative, string agency = "", int year = 0, SchemaVersion schema = SchemaVersion.Pre2019)
    {
        var stem = Path.GetFileNameWithoutExtension(relative);
        var expected = Path.Combine(RepoRoot, "tests", "data", "extraction", stem + ".expected.json");
        AnnualReport report;
        if (File.Exists(expected))
        {
            report = ReportJson.Read(File.ReadAllText(expected), expected);
        }
        else
        {
            report = new AnnualReport { Agency = new Agency(agency), Year = year, Schema = schema };
        }

        report.Input = new InputInfo { Format = "text", HasText = true };
        return report;
    }
}
