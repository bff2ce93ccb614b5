namespace GovStatsValidation.Readers.Tests.Fixtures;

/// <summary>
/// The six fixtures, their printed values (typed in by hand) and their deliberate errors. All identities of
/// docs/formats.md hold except the ones listed under <see cref="FixtureSpec.Deliberate"/>; tests/data/fixtures/check_fixtures.py
/// recomputes them from the expected JSON.
/// </summary>
internal static class FixtureCatalog
{
    public static IReadOnlyList<FixtureSpec> All { get; } =
    [
        Pre2019Html(), Pre2019Docx(), Html2019InTxt(), Docx2019(), Html2021Gb18030(), Docx2021Template(),
    ];

    public static FixtureSpec Get(string file) => All.Single(f => f.File == file);

    private static List<(string, string)> Pre2019(params string[] printed)
    {
        var ids = FixtureLayouts.Pre2019.Where(r => r.Id is not null).Select(r => r.Id!).ToArray();
        if (ids.Length != printed.Length)
        {
            throw new InvalidOperationException($"pre2019: {printed.Length} values for {ids.Length} rows");
        }

        return ids.Zip(printed).ToList();
    }

    private static void Row(List<(string, string)> cells, string row, string values, string[]? columns = null)
    {
        var parts = values.Split(' ');
        columns ??= FixtureLayouts.Applicants;
        if (parts.Length != columns.Length)
        {
            throw new InvalidOperationException($"{row}: {parts.Length} values for {columns.Length} columns");
        }

        for (var i = 0; i < parts.Length; i++)
        {
            cells.Add(($"{row}[{columns[i]}]", parts[i] == "_" ? "" : parts[i]));
        }
    }

    private static List<(string, string)> Applications(string schema, string[] rows)
    {
        var ids = new List<string> { "requests.new", "requests.carried_over" };
        ids.AddRange(FixtureLayouts.ResultRows(schema).Select(r => r.Id));
        ids.Add("requests.carry_forward");
        if (ids.Count != rows.Length)
        {
            throw new InvalidOperationException($"{schema}: {rows.Length} application rows for {ids.Count}");
        }

        var cells = new List<(string, string)>();
        for (var i = 0; i < rows.Length; i++)
        {
            Row(cells, ids[i], rows[i]);
        }

        return cells;
    }

    private static void Review(List<(string, string)> cells, string review, string direct, string afterReview)
    {
        Row(cells, "review", review, FixtureLayouts.Outcomes);
        Row(cells, "litigation.direct", direct, FixtureLayouts.Outcomes);
        Row(cells, "litigation.after_review", afterReview, FixtureLayouts.Outcomes);
    }

    private static FixtureSpec Pre2019Html() => new(
        "pre2019-county-office-2017.html", "html", "utf-8", "pre2019", 2017, "云溪县人民政府办公室",
        Pre2019(
            "1268", "14", "14",
            "36", "1268", "412", "530", "85",
            "9", "6", "2", "4", "——", "21", "37", "5",
            "46", "20", "", "23", "2",
            "45", "43", "2",
            "45", "12", "18", "4", "3", "0", "1", "1", "0", "1", "0", "5", "2", "1", "0",
            "2", "1", "0", "1",
            "1", "1", "0", "0",
            "0", "0",
            "1", "3", "5", "2", "3", "8.5",
            "4", "3", "260"),
        [new("pre2019.parts-sum", "error", 1, "（一）收到申请数 46 but 当面 20 + 传真 (blank) + 网络 23 + 信函 2 = 45")]);

    private static FixtureSpec Pre2019Docx() => new(
        "pre2019-housing-bureau-2018.docx", "docx", "", "pre2019", 2018, "云溪县住房和城乡建设局",
        Pre2019(
            "536", "9", "11",
            "0", "536", "120", "244", "18",
            "3", "5", "7", "2", "1", "6", "11", "0",
            "28", "9", "", "17", "2",
            "28", "27", "1",
            "28", "6", "11", "2", "2", "0", "0", "1", "0", "0", "1", "4", "3", "0", "0",
            "1", "1", "0", "0",
            "0", "0", "0", "0",
            "2", "——",
            "1", "2", "4", "1", "3", "3.2",
            "2", "1", "45"),
        [
            new("pre2019.of-which", "error", 1, "其中：主要负责同志参加新闻发布会次数 7 exceeds 参加或举办新闻发布会总次数 5"),
            new("pre2019.normative-docs.unpublished", "warning", 1, "主动公开规范性文件数 9 below 制发规范性文件总数 11"),
        ]);

    private static FixtureSpec Html2019InTxt()
    {
        var cells = new List<(string, string)>();
        Row(cells, "art20_1.regulations", "—— —— ——", ["made_new", "published_new", "published_total"]);
        Row(cells, "art20_1.normative_docs", "3 3 27", ["made_new", "published_new", "published_total"]);
        Row(cells, "art20_5.licensing", "2108 +1036 3144", ["prev_items", "change", "decisions"]);
        Row(cells, "art20_5.other_services", "45 -3 5177（含2019年3527份）", ["prev_items", "change", "decisions"]);
        Row(cells, "art20_6.penalty", "186 +24 210", ["prev_items", "change", "decisions"]);
        Row(cells, "art20_6.coercion", "12 0 9", ["prev_items", "change", "decisions"]);
        Row(cells, "art20_8.admin_fees", "2 _", ["prev_items", "change"]);
        Row(cells, "art20_9.central_procurement", "14 286.35万元", ["projects", "amount"]);
        cells.AddRange(Applications("2019",
        [
            "38 6 _ 1 2 0 47",
            "2 0 _ 0 0 0 2",
            "15 3 _ 0 1 0 19",
            "3 1 _ 0 0 0 4",
            "0 0 _ 0 0 0 0",
            "0 0 _ 0 0 0 0",
            "0 0 _ 0 0 0 0",
            "1 0 _ 0 0 0 1",
            "0 0 _ 0 0 0 0",
            "1 0 _ 0 0 0 1",
            "0 0 _ 0 0 0 0",
            "0 0 _ 0 0 0 0",
            "8 1 _ 0 1 0 10",
            "2 0 _ 0 0 0 2",
            "1 0 _ 0 0 0 1",
            "3 0 _ 0 0 0 3",
            "2 0 _ 0 0 0 2",
            "0 0 _ 0 0 0 0",
            "0 0 _ 0 0 0 0",
            "0 0 _ 0 0 0 0",
            "2 1 _ 1 0 0 4",
            "38 6 _ 1 2 0 47",
            "2 0 _ 0 0 0 2",
        ]));
        Review(cells, "1 0 1 0 2", "1 0 1 0 3", "0 0 0 0 0");
        return new("2019-market-regulation-2020.txt", "html", "utf-8", "2019", 2020, "云溪县市场监督管理局", cells,
            [new("2019.review-litigation.parts", "error", 1, "行政诉讼 未经复议直接起诉 总计 3 but 1 + 0 + 1 + 0 = 2")]);
    }

    private static FixtureSpec Docx2019()
    {
        var cells = new List<(string, string)>();
        Row(cells, "art20_1.regulations", "0 0 0", ["made_new", "published_new", "published_total"]);
        Row(cells, "art20_1.normative_docs", "2 2 19", ["made_new", "published_new", "published_total"]);
        Row(cells, "art20_5.licensing", "86 -4 530", ["prev_items", "change", "decisions"]);
        Row(cells, "art20_5.other_services", "12 +2 44", ["prev_items", "change", "decisions"]);
        Row(cells, "art20_6.penalty", "35 +8 43", ["prev_items", "change", "decisions"]);
        Row(cells, "art20_6.coercion", "3 0 2", ["prev_items", "change", "decisions"]);
        Row(cells, "art20_8.admin_fees", "4 -1", ["prev_items", "change"]);
        Row(cells, "art20_9.central_procurement", "6 128.60", ["projects", "amount"]);
        const string zero = "_ _ _ _ _ _ _";
        cells.AddRange(Applications("2019",
        [
            "17 3 0 0 2 1 23",
            "0 0 0 0 0 0 0",
            "2 1 0 0 1 0 8",
            "6 0 0 0 0 0 2",
            zero, zero, zero, zero, zero,
            "1 0 0 0 0 0 1",
            zero, zero,
            "5 1 0 0 1 1 8",
            "1 0 0 0 0 0 1",
            zero,
            zero,
            "1 0 0 0 0 0 1",
            zero, zero, zero,
            "1 1 0 0 0 0 2",
            "17 3 0 0 2 1 23",
            "0 0 0 0 0 0 0",
        ]));
        Review(cells, "0 0 0 0 0", "0 0 0 0 0", "0 0 0 0 0");
        return new("2019-natural-resources-2019.docx", "docx", "", "2019", 2019, "云溪县自然资源局", cells,
        [
            new("2019.applications.row-total", "error", 2,
                "自然人 figures of （一）予以公开 and （二）部分公开 swapped: 予以公开 2+1+0+0+1+0 = 4 ≠ 总计 8, 部分公开 6 ≠ 总计 2 (the column sums still hold)"),
        ]);
    }

    private static FixtureSpec Html2021Gb18030()
    {
        var cells = new List<(string, string)>();
        Row(cells, "art20_1.regulations", "—— —— ——", ["issued", "repealed", "in_force"]);
        Row(cells, "art20_1.normative_docs", "12 2 8", ["issued", "repealed", "in_force"]);
        Row(cells, "art20_5.licensing", "11,398", ["decisions"]);
        Row(cells, "art20_6.penalty", "3985（含简易程序2110件）", ["decisions"]);
        Row(cells, "art20_6.coercion", "57", ["decisions"]);
        Row(cells, "art20_8.admin_fees", "2396.5127", ["amount"]);
        cells.AddRange(Applications("2021",
        [
            "612 48 2 3 15 4 684",
            "24 2 0 0 0 0 26",
            "240 21 1 1 5 2 270",
            "61 6 0 0 2 0 69",
            "0 0 0 0 0 0 0",
            "2 0 0 0 0 0 2",
            "0 0 0 0 0 0 0",
            "9 1 0 0 0 0 10",
            "3 0 0 0 0 0 3",
            "7 1 0 0 0 0 8",
            "4 0 0 0 0 0 4",
            "6 0 0 0 0 0 6",
            "151 10 1 1 4 1 168",
            "22 2 0 0 1 0 25",
            "14 1 0 0 0 0 15",
            "18 0 0 0 0 0 18",
            "11 1 0 0 0 0 12",
            "1 0 0 0 0 0 1",
            "5 0 0 0 0 0 5",
            "2 0 0 0 0 0 2",
            "13 2 0 0 1 0 16",
            "1 0 0 0 0 0 1",
            "20 2 0 1 1 0 24",
            "590 47 2 3 14 3 659",
            "47 2 0 0 1 1 51",
        ]));
        Review(cells, "5 1 2 1 9", "3 0 1 0 4", "1 _ _ 1 2");
        return new("2021-county-government-2022.html", "html", "GB18030", "2021", 2022, "云溪县人民政府", cells,
        [
            new("2021.applications.flow", "error", 2,
                "上年结转 printed 自然人 24 / 商业企业 2 instead of 25 / 1 (row total 26 still holds): 612+24 ≠ 590+47 and 48+2 ≠ 47+2"),
            new("2021.art20_1.issued-within-stock", "warning", 1, "行政规范性文件 本年制发 12 > 现行有效 8 + 本年废止 2"),
        ]);
    }

    private static FixtureSpec Docx2021Template()
    {
        var cells = new List<(string, string)>();
        Row(cells, "art20_1.regulations", "_ _ _", ["issued", "repealed", "in_force"]);
        Row(cells, "art20_1.normative_docs", "2 1 15", ["issued", "repealed", "in_force"]);
        Row(cells, "art20_5.licensing", "1286", ["decisions"]);
        Row(cells, "art20_6.penalty", "412", ["decisions"]);
        Row(cells, "art20_6.coercion", "——", ["decisions"]);
        Row(cells, "art20_8.admin_fees", "18.0450", ["amount"]);
        const string zero = "_ _ _ _ _ _ _";
        cells.AddRange(Applications("2021",
        [
            "21 4 0 0 1 0 26",
            "1 0 0 0 0 0 1",
            "9 2 0 0 0 0 11",
            "2 0 0 0 0 0 2",
            zero, zero, zero,
            "1 0 0 0 0 0 1",
            zero,
            "1 0 0 0 0 0 1",
            zero, zero,
            "4 1 0 0 1 0 6",
            zero,
            "1 0 0 0 0 0 1",
            zero,
            "1 0 0 0 0 0 1",
            zero, zero, zero,
            "1 0 0 0 0 0 1",
            zero,
            "1 1 0 0 0 0 2",
            "21 4 0 0 1 0 26",
            "1 0 0 0 0 0 1",
        ]));
        Review(cells, "3 1 2 2 9", "1 0 0 1 2", "0 0 1 0 1");
        return new("2021-transport-bureau-2023.docx", "docx", "", "2021", 2023, "云溪县交通运输局", cells,
            [new("2021.review-litigation.parts", "error", 1, "行政复议 总计 9 but 3 + 1 + 2 + 2 = 8")]);
    }
}
