using NUnit.Framework;

namespace GovStatsValidation.Reporting.Tests;

public sealed class RunRenderersTests
{
    [Test]
    public void Names_BuiltIn_ListsSixFormats() =>
        Assert.That(RunRenderers.Names, Is.EqualTo(new[] { "text", "json", "md", "html", "junit", "sarif" }));

    [Test]
    public void Get_UnknownFormat_Throws() =>
        Assert.That(() => RunRenderers.Get("pdf"), Throws.ArgumentException.With.Message.Contains("pdf"));

    [Test]
    public void Render_AnyFormat_HasNoTimestamp()
    {
        foreach (var renderer in RunRenderers.All)
        {
            var text = renderer.RenderToString(ExampleRuns.Examples);
            Assert.That(text, Does.Not.Match(@"\b20\d\d-\d\d-\d\dT\d\d:"), renderer.Format);
        }
    }
}
