using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Readers.Pipeline;
using GovStatsValidation.TestUtils;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests;

/// <summary>
/// The public check explains failing findings and localizes failures when first read; on every real report under
/// ../shared and every fixture under tests/data/fixtures, read as the tool reads them, its results are the ones of the
/// checker that does everything at check time: findings field by field and in order, and the localization. Each report is
/// also compared as typed figures (no source lines, where nothing forces the findings to be built at check time) and with
/// errors put into those figures.
/// </summary>
[TestFixture]
public sealed class DeferredFindingsRealReportTests
{
    [Test]
    public async Task Check_RealReportsUnderShared_DeferredFindingsSameAsEager()
    {
        var files = new[] { "seeds", "corpus" }.SelectMany(f => Directory.EnumerateFiles(TestPaths.Shared(f), "*", SearchOption.AllDirectories)).Order(StringComparer.Ordinal).ToList();
        var (compared, differences) = await CompareAsync(files);

        Assert.That(differences, Is.Empty);
        Assert.That(compared, Is.GreaterThanOrEqualTo(15), "the real reports read");
    }

    [Test]
    public async Task Check_FixturesUnderTestsData_DeferredFindingsSameAsEager()
    {
        var files = Directory.EnumerateFiles(Path.Combine(TestPaths.RepoRoot, "tests", "data", "fixtures"), "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".json", StringComparison.Ordinal) && !f.EndsWith(".md", StringComparison.Ordinal)).Order(StringComparer.Ordinal).ToList();
        var (compared, differences) = await CompareAsync(files);

        Assert.That(differences, Is.Empty);
        Assert.That(compared, Is.GreaterThanOrEqualTo(3), "the fixtures read");
    }

    private static async Task<(int Compared, List<string> Differences)> CompareAsync(IReadOnlyList<string> files)
    {
        using var services = new ServiceCollection().AddGovStatsValidation().AddReaders().BuildServiceProvider();
        var loader = services.GetRequiredService<IReportLoader>();
        var catalog = services.GetRequiredService<RuleCatalog>();
        var options = services.GetRequiredService<GovStatsValidationOptions>();
        var sources = services.GetServices<IFindingSource>().ToList();
        var lazy = new ReportChecker(catalog, options, sources);
        var eager = new ReportChecker(catalog, options, sources, defer: false);
        var differences = new List<string>();
        var compared = 0;
        var unbuilt = 0;
        foreach (var file in files)
        {
            AnnualReport report;
            try
            {
                report = await loader.LoadAsync(file);
            }
            catch (ReportLoadException)
            {
                continue; // not a report (an index, a comparison printout): the readers' tests cover why
            }

            compared++;
            foreach (var (name, variant) in Variants(report))
            {
                var result = lazy.Check(variant);
                unbuilt += result.Findings.Count(f => f.DeferredRule is not null);
                var expected = FindingDump.Of(eager.Check(variant));
                var actual = FindingDump.Of(result);
                if (expected != actual)
                {
                    var e = expected.Split('\n');
                    var a = actual.Split('\n');
                    var i = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(k => e[k] != a[k], Math.Min(e.Length, a.Length));
                    differences.Add($"{Path.GetFileName(file)} ({name}), line {i}:\n  eager {e.ElementAtOrDefault(i)}\n  lazy  {a.ElementAtOrDefault(i)}");
                }
            }
        }

        Assert.That(compared == 0 || unbuilt > 0, Is.True, "some findings were still unbuilt when the check returned: the deferred path was taken");
        return (compared, differences);
    }

    private static IEnumerable<(string Name, AnnualReport Report)> Variants(AnnualReport report)
    {
        yield return ("as read", report);
        yield return ("typed", Copy(report, _ => false));
        yield return ("typed, every seventh number +3", Copy(report, i => i % 7 == 2));
        yield return ("typed, one number +1", Copy(report, i => i == 5));
    }

    /// <summary>The report's figures without source lines, the numbers whose index <paramref name="change"/> picks raised.</summary>
    private static AnnualReport Copy(AnnualReport report, Func<int, bool> change)
    {
        var cells = new ReportCells();
        var i = 0;
        foreach (var (id, value) in report.Cells)
        {
            var typed = value with { Location = null };
            cells.Add(id, value.State == CellState.Number && change(i++) ? typed with { Number = value.Number!.Value + (i % 2 == 0 ? 3 : 1), Raw = null } : typed);
        }

        return report.With(cells: cells);
    }
}
