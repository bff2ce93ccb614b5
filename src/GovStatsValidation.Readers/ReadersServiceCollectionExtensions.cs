using GovStatsValidation.Checking;
using GovStatsValidation.CrossReport;
using GovStatsValidation.Findings;
using GovStatsValidation.Readers.Narrative;
using GovStatsValidation.Readers.Pipeline;
using GovStatsValidation.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GovStatsValidation.Readers;

/// <summary>Registration of the readers and the reading pipeline with Microsoft.Extensions.DependencyInjection.</summary>
public static class ReadersServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ReportReadingOptions"/> (as <c>IOptions&lt;ReportReadingOptions&gt;</c>), the <see cref="IReportLoader"/>
    /// (JSON, text, HTML and Word, chosen by content, narrative figures read as claims), the narrative and section-structure
    /// checks as <see cref="IFindingSource"/>s of the checker, and the <see cref="IReportPipeline"/> that does what
    /// <c>govstats check</c> does. Use after <c>AddGovStatsValidation</c>; add <c>AddCrossReport</c> (GovStatsValidation.CrossReport)
    /// for the checks across reports. Calling it twice is harmless.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the reading options.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddReaders(this IServiceCollection services, Action<ReportReadingOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<ReportReadingOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFindingSource, NarrativeFindingSource>(_ => new NarrativeFindingSource()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFindingSource, StructureFindingSource>(_ => new StructureFindingSource()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRuleDescriptionSource, NarrativeRuleDescriptions>());
        services.TryAddSingleton<IReportLoader>(sp => new ReportLoader(sp.GetRequiredService<IOptions<ReportReadingOptions>>()));
        services.TryAddSingleton<IReportPipeline>(sp => new ReportPipeline(
            sp.GetRequiredService<IReportChecker>(), sp.GetRequiredService<IReportLoader>(),
            sp.GetRequiredService<IOptions<ReportReadingOptions>>(), sp.GetService<CrossReportChecker>()));
        return services;
    }
}
