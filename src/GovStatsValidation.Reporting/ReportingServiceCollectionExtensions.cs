using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GovStatsValidation.Reporting;

/// <summary>Registration of the renderers with Microsoft.Extensions.DependencyInjection.</summary>
public static class ReportingServiceCollectionExtensions
{
    /// <summary>
    /// Registers the built-in renderers (<c>text</c>, <c>json</c>, <c>md</c>, <c>html</c>, <c>junit</c>, <c>sarif</c>, in that
    /// order) as <see cref="IRunRenderer"/> and the <see cref="RunRendererSet"/> over every registered renderer. A renderer of
    /// one's own registered as <see cref="IRunRenderer"/> joins the set. Repeated calls are harmless.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddReporting(this IServiceCollection services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddEnumerable(
        [
            ServiceDescriptor.Singleton<IRunRenderer, TextRenderer>(),
            ServiceDescriptor.Singleton<IRunRenderer, JsonRenderer>(),
            ServiceDescriptor.Singleton<IRunRenderer, MarkdownRenderer>(),
            ServiceDescriptor.Singleton<IRunRenderer, HtmlRenderer>(),
            ServiceDescriptor.Singleton<IRunRenderer, JUnitRenderer>(),
            ServiceDescriptor.Singleton<IRunRenderer, SarifRenderer>(),
        ]);
        services.TryAddSingleton<RunRendererSet>();
        return services;
    }
}
