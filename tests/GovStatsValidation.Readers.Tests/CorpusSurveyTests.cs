using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests;

/// <summary>Every file of ../shared/corpus goes through the reader into a report; the test reports, per file, the schema detected and the cells read.</summary>
public sealed class CorpusSurveyTests
{
    [Test]
    public void Read_EveryCorpusFile_NoExceptionSchemaAndCellsReported()
    {
        var folder = TestPaths.Shared("corpus");
        var reader = new PublishedReportReader { Enrichers = { new GovStatsValidation.Readers.Narrative.NarrativeReader().Enrich } };
        var files = Directory.GetFiles(folder).Where(f => !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        Assert.That(files, Is.Not.Empty);
        var survey = new List<string>();
        foreach (var file in files)
        {
            var report = reader.Read(file);
            var numbers = report.Cells.Count(c => c.Value.State == Model.CellState.Number);
            survey.Add($"{Path.GetFileName(file)}: schema {Schemas.SchemaVersions.ToToken(report.Schema)}, {report.Cells.Count} cells read ({numbers} numbers), {report.Sections.Count} sections, {report.Claims.Count} narrative claims");
        }

        TestContext.Out.WriteLine(string.Join(Environment.NewLine, survey));
        Assert.That(survey, Has.Exactly(4).Items);
        Assert.That(survey.Where(s => s.Contains(".txt", StringComparison.Ordinal)), Has.All.Contains("schema 2021"));
        Assert.That(survey.Single(s => s.StartsWith("huaian", StringComparison.Ordinal)), Does.Contain("200 cells read"));
    }
}
