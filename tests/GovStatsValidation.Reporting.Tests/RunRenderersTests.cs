using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace GovStatsValidation.Reporting.Tests;

public sealed class RunRenderersTests
{
    /// <summary>The renderers as a user's container gives them.</summary>
    internal static RunRendererSet Registered { get; } = Resolve(new ServiceCollection().AddReporting());

    [Test]
    public void AddReporting_BuiltIn_ListsSixFormatsInHelpOrder() =>
        Assert.That(Registered.Names, Is.EqualTo(new[] { "text", "json", "md", "html", "junit", "sarif" }));

    [Test]
    public void AddReporting_Twice_RegistersEachRendererOnce()
    {
        var services = new ServiceCollection().AddReporting().AddReporting();

        Assert.That(services.Count(d => d.ServiceType == typeof(IRunRenderer)), Is.EqualTo(6));
        Assert.That(Resolve(services).Names, Is.EqualTo(Registered.Names));
    }

    [Test]
    public void AddReporting_OwnRenderer_JoinsTheSet()
    {
        var services = new ServiceCollection().AddReporting();
        services.AddSingleton<IRunRenderer, CountRenderer>();

        var set = Resolve(services);

        Assert.That(set.Names, Is.EqualTo(new[] { "text", "json", "md", "html", "junit", "sarif", "count" }));
        Assert.That(set.Get("COUNT").RenderToString(ExampleRuns.Examples), Is.EqualTo(ExampleRuns.Examples.Results.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }

    [Test]
    public void Get_UnknownFormat_ThrowsNamingTheKnownOnes() =>
        Assert.That(() => Registered.Get("pdf"), Throws.ArgumentException.With.Message.Contains("pdf").And.Message.Contains("text, json, md, html, junit, sarif"));

    [Test]
    public void Render_AnyFormat_HasNoTimestamp()
    {
        foreach (var renderer in Registered.All)
        {
            var text = renderer.RenderToString(ExampleRuns.Examples);
            Assert.That(text, Does.Not.Match(@"\b20\d\d-\d\d-\d\dT\d\d:"), renderer.Format);
        }
    }

    private static RunRendererSet Resolve(IServiceCollection services)
    {
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<RunRendererSet>();
    }

    private sealed class CountRenderer : IRunRenderer
    {
        public string Format => "count";

        public void Render(CheckRun run, TextWriter writer, RenderOptions options) =>
            writer.Write(run.Results.Count.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
