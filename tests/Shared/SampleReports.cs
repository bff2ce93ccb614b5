using GovStatsValidation.Json;
using GovStatsValidation.Model;

namespace GovStatsValidation.TestShared;

/// <summary>Reports for tests: the synthetic clean 2021-format example, and copies of it with one figure changed.</summary>
internal static class SampleReports
{
    /// <summary>The invented 2023 report in which every identity holds (tests/data/examples/synthetic-clean-2021-2023.json).</summary>
    public static AnnualReport Clean2021() => ReportJson.ReadFile(TestPaths.Example("synthetic-clean-2021-2023.json"));

    /// <summary>The clean 2021 report with one cell set to another number.</summary>
    public static AnnualReport Clean2021With(string cellId, decimal value)
    {
        var report = Clean2021();
        report.Cells[cellId] = value;
        return report;
    }
}
