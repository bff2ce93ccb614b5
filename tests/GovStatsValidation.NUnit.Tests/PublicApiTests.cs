using GovStatsValidation.TestUtils;
using NUnit.Framework;

namespace GovStatsValidation.NUnit.Tests;

[TestFixture]
public sealed class PublicApiTests
{
    /// <summary>
    /// The public surface of the NUnit helper package is recorded in src/GovStatsValidation.NUnit/PublicAPI.txt; an
    /// unrecorded change fails here and writes PublicAPI.received.txt beside it.
    /// </summary>
    [Test]
    public void PublicApi_NUnitHelperAssembly_MatchesRecordedFile()
    {
        if (PublicApi.Compare(typeof(Reports).Assembly, Path.Combine(RepoPaths.Root, "src", "GovStatsValidation.NUnit", "PublicAPI.txt")) is { } difference)
        {
            Assert.Fail(difference);
        }
    }
}
