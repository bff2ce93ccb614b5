using GovStatsValidation.Checking;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests;

[TestFixture]
public sealed class PublicApiTests
{
    /// <summary>
    /// The public surface of GovStatsValidation is declared in src/GovStatsValidation/PublicAPI.Shipped.txt and PublicAPI.Unshipped.txt and
    /// checked by Microsoft.CodeAnalysis.PublicApiAnalyzers on every build; this test fails if that check is switched off.
    /// </summary>
    [Test]
    public void PublicApi_CoreAssembly_IsDeclaredAndChecked()
    {
        Assert.That(PublicApi.Problems(typeof(IReportChecker).Assembly, Path.Combine(RepoPaths.Root, "src", "GovStatsValidation")), Is.Empty);
    }

    [Test]
    public void Problems_TypeMissingFromTheFiles_IsNamed()
    {
        var folder = Directory.CreateTempSubdirectory("govstats-api-").FullName;
        try
        {
            var source = Path.Combine(RepoPaths.Root, "src", "GovStatsValidation");
            File.Copy(Path.Combine(source, "GovStatsValidation.csproj"), Path.Combine(folder, "GovStatsValidation.csproj"));
            File.WriteAllLines(Path.Combine(folder, "PublicAPI.Shipped.txt"),
                File.ReadAllLines(Path.Combine(source, "PublicAPI.Shipped.txt")).Where(l => l != "GovStatsValidation.Checking.ReportChecker"));
            File.Copy(Path.Combine(source, "PublicAPI.Unshipped.txt"), Path.Combine(folder, "PublicAPI.Unshipped.txt"));

            Assert.That(PublicApi.Problems(typeof(IReportChecker).Assembly, folder),
                Is.EqualTo(new[] { "exported type GovStatsValidation.Checking.ReportChecker is not declared in PublicAPI.Shipped.txt or PublicAPI.Unshipped.txt" }));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
