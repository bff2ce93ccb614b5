using GovStatsValidation.TestUtils;
using NUnit.Framework;

namespace GovStatsValidation.CrossReport.Tests;

[TestFixture]
public sealed class PublicApiTests
{
    /// <summary>
    /// The public surface of the CrossReport package is recorded in src/GovStatsValidation.CrossReport/PublicAPI.txt; an unrecorded change
    /// fails here and writes PublicAPI.received.txt beside it (accept by renaming it over PublicAPI.txt).
    /// </summary>
    [Test]
    public void PublicApi_CrossReportAssembly_MatchesRecordedFile()
    {
        if (PublicApi.Compare(typeof(CrossReportChecker).Assembly, Path.Combine(RepoPaths.Root, "src", "GovStatsValidation.CrossReport", "PublicAPI.txt")) is { } difference)
        {
            Assert.Fail(difference);
        }
    }
}
