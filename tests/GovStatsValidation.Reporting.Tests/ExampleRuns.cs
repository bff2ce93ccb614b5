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

    /// <summary>
    /// The clean 2021 example with its 行政复议 row read from digits that ran together (1|0|1|0|3, every cell marked
    /// reconstructed, as the glued-digit reader marks them) and its total one too high: checked with the built-in rules, so
    /// the finding lists reconstructed cells as the checker reports them.
    /// </summary>
    public static CheckRun WithReconstructed()
    {
        var builder = ReportBuilder.Clean2021();
        string[] columns = ["upheld", "corrected", "other", "pending", "total"];
        decimal[] values = [1, 0, 1, 0, 3];
        for (var i = 0; i < columns.Length; i++)
        {
            builder.Set(new CellId($"review[{columns[i]}]"), CellValue.Of(values[i]) with { Reconstructed = true, Location = new SourceLocation(42) });
        }

        var report = builder.Build();
        report.Source = "synthetic/glued-review.txt";
        return new CheckRun([new ReportChecker().Check(report)], []);
    }

    private static readonly Lazy<CheckRun> CrossCached = new(BuildCross);

    /// <summary>
    /// The reports of tests/data/cross (示例市: its government 2023, its 交通运输局 2022 and 2023, whose carry-over breaks)
    /// checked with the built-in rules, with cross-report entries written here as the cross-report checker words them: the
    /// two carry-over warnings the fixtures break (自然人 and 总计 columns), the city's figure against the sum of its
    /// departments (shown for the record), and a missing counterpart. Jurisdiction members and concepts are given too.
    /// </summary>
    public static CheckRun Cross => CrossCached.Value;

    /// <summary>The source of a tests/data/cross file, relative to the repository root.</summary>
    public static string CrossSource(string name) => $"tests/data/cross/{name}.json";

    private static CheckRun BuildCross()
    {
        var checker = new ReportChecker();
        var results = Directory.EnumerateFiles(TestPaths.InRepository("tests", "data", "cross"), "*.json").Order(StringComparer.Ordinal)
            .Select(path =>
            {
                var report = ReportJson.ReadFile(path);
                report.Source = Path.GetRelativePath(TestPaths.RepositoryRoot, path).Replace('\\', '/');
                return checker.Check(report);
            })
            .ToList();
        var city = CrossSource("shiyi-government-2023");
        var dept2022 = CrossSource("shiyi-transport-2022-broken-carry-over");
        var dept2023 = CrossSource("shiyi-transport-2023");
        var report2022 = results.Single(r => r.Report.Source == dept2022).Report;
        var report2023 = results.Single(r => r.Report.Source == dept2023).Report;
        var reportCity = results.Single(r => r.Report.Source == city).Report;

        decimal Value(AnnualReport report, string cell) => report.Cells[new CellId(cell)].Number!.Value;
        static string N(decimal d) => d.ToString(System.Globalization.CultureInfo.InvariantCulture);

        CrossReportEntry CarryOver(string column, string label)
        {
            var actual = Value(report2023, $"requests.carried_over[{column}]");
            var expected = Value(report2022, $"requests.carry_forward[{column}]");
            var finding = new Finding
            {
                RuleId = "cross.carry-over",
                Severity = Severity.Warning,
                Title = new LocalizedText("上年结转等于上一年度报告的结转下年度", "Carried over equals last year's carried forward"),
                Message = new LocalizedText(
                    $"{label}列：本年上年结转 {N(actual)}，示例市交通运输局 2022 报告结转下年度 {N(expected)}（{N(actual)} = {N(expected)}）",
                    $"{label} column: carried over this year is {N(actual)}, the 示例市交通运输局 2022 report carried forward {N(expected)} ({N(actual)} = {N(expected)})"),
                Cells =
                [
                    new FindingCell(new CellId($"requests.carried_over[{column}]"), $"上年结转政府信息公开申请数量 / {label}", CellState.Number, actual, null, null),
                    new FindingCell(new CellId($"prev.requests.carry_forward[{column}]"), $"示例市交通运输局 2022：结转下年度继续办理 / {label}", CellState.Number, expected, null, null),
                ],
                Expression = $"requests.carried_over[{column}] == prev.requests.carry_forward[{column}]",
                Formula = $"{N(actual)} = {N(expected)}",
                Actual = actual,
                Expected = expected,
                Instance = $"col={column}",
                RelatedSources = [dept2023, dept2022],
            };
            return new CrossReportEntry("示例市", dept2023, "示例市交通运输局", 2023, finding, [dept2023, dept2022]);
        }

        var cityReceived = Value(reportCity, "requests.new[total]");
        var deptReceived = Value(report2023, "requests.new[total]");
        var childrenSum = new CrossReportEntry("示例市", city, "示例市人民政府", 2023, new Finding
        {
            RuleId = "cross.children-sum",
            Severity = Severity.Info,
            Title = new LocalizedText("全域汇总数不低于所属部门之和", "Jurisdiction-wide figures are not below the sum of the departments"),
            Message = new LocalizedText($"收到申请：全市 {N(cityReceived)}，1 个部门之和 {N(deptReceived)}", $"applications received: jurisdiction {N(cityReceived)}, sum of 1 department(s) {N(deptReceived)}"),
            Cells =
            [
                new FindingCell(new CellId("requests.new[total]"), "本年新收政府信息公开申请数量 / 总计", CellState.Number, cityReceived, null, null),
                new FindingCell(new CellId("sum(children.requests.new[total])"), "sum(children.requests.new[total])", CellState.Number, deptReceived, "示例市交通运输局 2023", null),
            ],
            Formula = $"{N(cityReceived)} ≥ {N(deptReceived)}",
            Passed = true,
            Instance = "c=applications.received",
            RelatedSources = [city, dept2023],
        }, [city, dept2023]);
        var missing = new CrossReportEntry("示例市", dept2022, "示例市交通运输局", 2022, new Finding
        {
            RuleId = "cross.counterpart.missing",
            Severity = Severity.Info,
            Title = new LocalizedText("缺少比对对象", "Counterpart report missing"),
            Message = new LocalizedText("缺少 示例市交通运输局 2021 年度报告，未做跨年度比对（cross.carry-over）", "no 2021 report of 示例市交通运输局 in the set: year-over-year rules not checked (cross.carry-over)"),
            Instance = "previousYear",
            RelatedSources = [dept2022],
        }, [dept2022]);

        IReadOnlyList<CellId> Cells(params string[] ids) => ids.Select(id => new CellId(id)).ToList();
        return new CheckRun(results, [])
        {
            Rules = RuleCatalog.BuiltIn.Rules.ToList(),
            CrossReport = [missing, CarryOver("natural_person", "自然人"), CarryOver("total", "总计"), childrenSum],
            Jurisdictions = [new JurisdictionReports("示例市", [new JurisdictionMember(city, true), new JurisdictionMember(dept2022, false), new JurisdictionMember(dept2023, false)])],
            Concepts =
            [
                new ViewConcept("applications.received", new LocalizedText("收到的政府信息公开申请", "applications received"),
                    new Dictionary<SchemaVersion, IReadOnlyList<CellId>> { [SchemaVersion.Format2021] = Cells("requests.new[total]"), [SchemaVersion.Pre2019] = Cells("requests.received") }),
                new ViewConcept("applications.carried_over", new LocalizedText("上年结转的申请", "applications carried over from last year"),
                    new Dictionary<SchemaVersion, IReadOnlyList<CellId>> { [SchemaVersion.Format2021] = Cells("requests.carried_over[total]") }),
                new ViewConcept("applications.carried_forward", new LocalizedText("结转下年度的申请", "applications carried into next year"),
                    new Dictionary<SchemaVersion, IReadOnlyList<CellId>> { [SchemaVersion.Format2021] = Cells("requests.carry_forward[total]") }),
                new ViewConcept("lawsuits.total", new LocalizedText("行政诉讼案件", "administrative lawsuits"),
                    new Dictionary<SchemaVersion, IReadOnlyList<CellId>> { [SchemaVersion.Format2021] = Cells("litigation.direct[total]", "litigation.after_review[total]") }),
            ],
        };
    }
}
