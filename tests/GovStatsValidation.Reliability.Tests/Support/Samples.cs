using System.Globalization;
using System.Text;

namespace GovStatsValidation.Reliability.Tests.Support;

/// <summary>Small invented reports (no real report text): JSON figures and synthetic published texts.</summary>
internal static class Samples
{
    /// <summary>A small, balanced 2021-format report as canonical JSON, with <paramref name="cells"/> spliced into its cells object.</summary>
    public static string Json2021(string? cells = null, int year = 2022) =>
        "{\n" +
        "  \"formatVersion\": 1,\n" +
        "  \"agency\": { \"name\": \"示例县人民政府\", \"level\": \"county\" },\n" +
        $"  \"year\": {year.ToString(CultureInfo.InvariantCulture)},\n" +
        "  \"schema\": \"2021\",\n" +
        "  \"cells\": {\n" +
        "    \"requests.new[total]\": 10,\n" +
        "    \"requests.carried_over[total]\": 2,\n" +
        "    \"result.granted[total]\": 9,\n" +
        "    \"result.total[total]\": 9,\n" +
        "    \"requests.carry_forward[total]\": 3" + (cells is null ? "" : ",\n    " + cells) + "\n" +
        "  }\n" +
        "}\n";

    /// <summary>
    /// A synthetic 2016 statistics table (统计表, one cell per line: label, unit, value) with the given figures:
    /// active.total, of which gazette and website, requests received, review total.
    /// </summary>
    public static string Pre2019Text(string agency, int year, long activeTotal, long gazette, long website, long received, long review, string? pageBreakAfterLine = null)
    {
        var lines = new List<string>
        {
            $"{agency}{year.ToString(CultureInfo.InvariantCulture)}年政府信息公开工作年度报告",
            "",
            "一、概述",
            "本机关依法做好政府信息公开工作。",
            "",
            "统计指标", "单位", "统计数",
            "一、主动公开情况", "——",
            "（一）主动公开政府信息数", "条", N(activeTotal),
            "1.政府公报公开政府信息数", "条", N(gazette),
            "2.政府网站公开政府信息数", "条", N(website),
        };
        if (pageBreakAfterLine is not null)
        {
            lines.Add(pageBreakAfterLine);
        }

        lines.AddRange(
        [
            "三、依申请公开情况", "——",
            "（一）收到申请数", "件", N(received),
            "四、行政复议数量", "件", N(review),
            "",
            "二、存在的不足和改进措施",
            "今后继续改进。",
        ]);
        return string.Join("\n", lines) + "\n";
    }

    private static string N(long n) => n.ToString(CultureInfo.InvariantCulture);

    /// <summary>UTF-8 bytes without BOM.</summary>
    public static byte[] Utf8(string text) => new UTF8Encoding(false).GetBytes(text);
}
