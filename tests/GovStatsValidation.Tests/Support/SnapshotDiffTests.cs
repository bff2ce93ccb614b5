using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests.Support;

/// <summary>The line diff the test projects' snapshot helper prints on a mismatch (DiffPlex underneath).</summary>
[TestFixture]
public sealed class SnapshotDiffTests
{
    [Test]
    public void Diff_ChangedLine_ShowsRemovedThenAddedWithContext()
    {
        var diff = Snapshot.Diff("a\nb\nc\nd\ne\nf\ng", "a\nb\nc\nD\ne\nf\ng");

        Assert.That(diff, Is.EqualTo("--- verified\n+++ received\n  b\n  c\n- d\n+ D\n  e\n  f\n"));
    }

    [Test]
    public void Diff_TrailingSpaceOnly_IsADifference() =>
        Assert.That(Snapshot.Diff("x\ny", "x\ny "), Does.Contain("- y\n+ y \n"));
}
