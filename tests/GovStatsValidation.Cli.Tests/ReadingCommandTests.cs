using GovStatsValidation.TestUtils;
using NUnit.Framework;

namespace GovStatsValidation.Cli.Tests;

public sealed class ReadingCommandTests
{
    [Test]
    public void Reading_FixtureFolder_PrintsPerFileTableAndTotals()
    {
        var fixtures = TestPaths.InRepository("tests", "data", "fixtures");
        var (code, output, _) = Cli.Run("reading", fixtures);

        Assert.That(code, Is.EqualTo(CliApp.ExitOk));
        Assert.That(output, Does.StartWith("# Reading: cells read / cells printed"));
        Assert.That(output, Does.Contain("2021-transport-bureau-2023.docx | docx | 2021 | Word table |"));
        Assert.That(output, Does.Contain("Total over 6 report files").And.Contain("6 files read completely"));
        Assert.That(output, Does.Contain("## Per layout").And.Contain("## Cells not read, with the reason"));
        // The expected JSON files beside the fixtures are canonical JSON, not published reports: listed as not read as reports.
        Assert.That(output, Does.Contain("## Files that are not read as reports"));
    }

    [Test]
    public void Reading_OutOverAnInput_RefusedWithExit2()
    {
        var fixture = TestPaths.InRepository("tests", "data", "fixtures", "2019-market-regulation-2020.txt");
        var (code, _, error) = Cli.Run("reading", fixture, "--out", fixture);

        Assert.That(code, Is.EqualTo(CliApp.ExitUnusable));
        Assert.That(error, Is.Not.Empty);
    }

    [Test]
    public void Reading_NoSuchPath_Exit2()
    {
        Assert.That(Cli.Run("reading", "no/such/folder").Code, Is.EqualTo(CliApp.ExitUnusable));
    }
}
