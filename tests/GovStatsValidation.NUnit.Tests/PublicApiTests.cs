using GovStatsValidation.TestUtils;
using NUnit.Framework;

namespace GovStatsValidation.NUnit.Tests;

[TestFixture]
public sealed class PublicApiTests
{
    /// <summary>
    /// The public surface of GovStatsValidation.NUnit is declared in src/GovStatsValidation.NUnit/PublicAPI.Shipped.txt and PublicAPI.Unshipped.txt and
    /// checked by Microsoft.CodeAnalysis.PublicApiAnalyzers on every build; this test fails if that check is switched off.
    /// </summary>
    [Test]
    public void PublicApi_NUnitHelperAssembly_IsDeclaredAndChecked()
    {
        Assert.That(PublicApi.Problems(typeof(Reports).Assembly, Path.Combine(RepoPaths.Root, "src", "GovStatsValidation.NUnit")), Is.Empty);
    }
}
