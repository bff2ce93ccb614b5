using GovStatsValidation.Checking;
using GovStatsValidation.Json;
using GovStatsValidation.Rules;
using Newtonsoft.Json.Linq;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Fixtures;

/// <summary>
/// Each fixture read by <see cref="PublishedReportReader"/> and checked by the core <see cref="ReportChecker"/> gives exactly
/// its deliberate errors (rule id and count, listed under "deliberate" in the expected JSON) and nothing else at
/// error or warning level; the expected JSON checked as a canonical report gives the same.
/// </summary>
public sealed class FixtureCheckTests
{
    private static readonly ReportChecker Checker = new();

    private static List<string> Deliberate(JObject expected) =>
        ((JArray)expected["deliberate"]!).SelectMany(d => Enumerable.Repeat($"{(string)d["severity"]!} {(string)d["rule"]!}", (int)d["count"]!))
            .Order(StringComparer.Ordinal).ToList();

    private static List<string> ErrorsAndWarnings(ReportCheckResult result) =>
        result.Findings.Where(f => f.Severity >= Severity.Warning)
            .Select(f => $"{f.Severity.ToString().ToLowerInvariant()} {f.RuleId}").Order(StringComparer.Ordinal).ToList();

    [TestCaseSource(typeof(FixtureExtractionTests), nameof(FixtureExtractionTests.Fixtures))]
    public void Check_FixtureReadFromTheFile_FindsExactlyTheDeliberateErrors(string expectedFile)
    {
        var (expected, path) = FixtureExtractionTests.Load(expectedFile);
        var report = new PublishedReportReader(new ReportReaderOptions { SchemaDirectory = TestPaths.SchemaDirectory }).Read(path);

        var result = Checker.Check(report);

        Assert.That(ErrorsAndWarnings(result), Is.EqualTo(Deliberate(expected)),
            string.Join("\n", result.Findings.Where(f => f.Severity >= Severity.Warning).Select(f => f.ToString())));
    }

    [TestCaseSource(typeof(FixtureExtractionTests), nameof(FixtureExtractionTests.Fixtures))]
    public void Check_ExpectedJsonAsCanonicalReport_FindsTheSameDeliberateErrors(string expectedFile)
    {
        var (expected, _) = FixtureExtractionTests.Load(expectedFile);
        var report = ReportJson.ReadFile(Path.Combine(FixtureGenerator.Folder, expectedFile));

        Assert.That(ErrorsAndWarnings(Checker.Check(report)), Is.EqualTo(Deliberate(expected)));
    }

    [TestCaseSource(typeof(FixtureExtractionTests), nameof(FixtureExtractionTests.Fixtures))]
    public void Check_Fixture_FindingsPointAtTheLinesOfTheirCells(string expectedFile)
    {
        // Every cell a deliberate finding names carries the line the expected JSON gives it.
        var (expected, path) = FixtureExtractionTests.Load(expectedFile);
        var report = new PublishedReportReader(new ReportReaderOptions { SchemaDirectory = TestPaths.SchemaDirectory }).Read(path);
        var cells = (JObject)expected["cells"]!;
        var wrong = Checker.Check(report).Findings.Where(f => f.Severity >= Severity.Warning)
            .SelectMany(f => f.Cells)
            .Where(c => cells[c.Id.Value] is JObject e && e["line"] is { } l && c.Line != (int)l)
            .Select(c => $"{c.Id.Value} @{c.Line}, expected @{cells[c.Id.Value]!["line"]}")
            .ToList();

        Assert.That(wrong, Is.Empty);
    }
}
