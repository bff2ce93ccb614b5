using GovStatsValidation.TestUtils;
using NUnit.Framework;

namespace GovStatsValidation.CrossReport.Tests;

[TestFixture]
public sealed class PublicApiTests
{
    /// <summary>
    /// The public surface of GovStatsValidation.CrossReport is declared in src/GovStatsValidation.CrossReport/PublicAPI.Shipped.txt and PublicAPI.Unshipped.txt and
    /// checked by Microsoft.CodeAnalysis.PublicApiAnalyzers on every build; this test fails if that check is switched off.
    /// </summary>
    [Test]
    public void PublicApi_CrossReportAssembly_IsDeclaredAndChecked()
    {
        Assert.That(PublicApi.Problems(typeof(CrossReportChecker).Assembly, Path.Combine(RepoPaths.Root, "src", "GovStatsValidation.CrossReport")), Is.Empty);
    }
}
