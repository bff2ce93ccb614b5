using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Json;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Reporting.Tests;

/// <summary>Runs built from tests/data/examples with the built-in rules, as the CLI builds them.</summary>
internal static class ExampleRuns
{
    private static readonly Lazy<CheckRun> Cached = new(Build);

    /// <summary>Every example report checked, sources relative to the repository root, plus one input error.</summary>
    public static CheckRun Examples => Cached.Value;

    private static CheckRun Build()
    {
        var checker = new ReportChecker();
        var results = Directory.EnumerateFiles(TestPaths.Examples, "*.json").Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var report = ReportJson.ReadFile(path);
                report.Source = Path.GetRelativePath(TestPaths.RepositoryRoot, path).Replace('\\', '/');
                return checker.Check(report);
            })
            .ToList();
        return new CheckRun(results, [new InputError("tests/data/broken.json", "not valid JSON: unexpected end", 3)])
        {
            Rules = RuleCatalog.BuiltIn.Rules.ToList(),
        };
    }

    /// <summary>A small synthetic run with a finding that quotes the narrative and names a suspect cell (the examples have no quote).</summary>
    public static CheckRun WithQuote()
    {
        var report = new AnnualReport
        {
            Agency = new Agency("示例区人民政府 <b>&"),
            Year = 2022,
            Schema = SchemaVersion.Format2021,
            Source = "synthetic/quote.txt",
        };
        report.Cells[new CellId("requests.new[total]")] = CellValue.Of(12);
        report.Cells[new CellId("requests.new[natural_person]")] = CellValue.Of(10);
        var finding = new Finding
        {
            RuleId = "narrative.requests.new",
            Severity = Severity.Warning,
            Title = new LocalizedText("正文与表格不一致", "Narrative differs from the table"),
            Message = new LocalizedText("正文称收到申请 15 件，表格为 12 件", "the text says 15 requests, the table 12"),
            Cells = [new FindingCell(new CellId("requests.new[total]"), "本年新收政府信息公开申请数量 / 总计", CellState.Number, 12, "12", 40)],
            Formula = "15 = 12",
            Expected = 12,
            Actual = 15,
            Line = 12,
            Quote = "全年共收到政府信息公开申请15件。",
            Suspect = new Suspect(new CellId("requests.new[total]"), new LocalizedText("正文数字", "narrative figure"), 15),
        };
        return new CheckRun([new ReportCheckResult(report, [finding])], []);
    }
}
