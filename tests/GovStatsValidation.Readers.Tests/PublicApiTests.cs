using GovStatsValidation.TestUtils;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests;

[TestFixture]
public sealed class PublicApiTests
{
    /// <summary>
    /// The public surface of GovStatsValidation.Readers is declared in src/GovStatsValidation.Readers/PublicAPI.Shipped.txt and PublicAPI.Unshipped.txt and
    /// checked by Microsoft.CodeAnalysis.PublicApiAnalyzers on every build; this test fails if that check is switched off.
    /// </summary>
    [Test]
    public void PublicApi_ReadersAssembly_IsDeclaredAndChecked()
    {
        Assert.That(PublicApi.Problems(typeof(global::GovStatsValidation.Readers.Pipeline.IReportPipeline).Assembly, Path.Combine(RepoPaths.Root, "src", "GovStatsValidation.Readers")), Is.Empty);
    }
}
