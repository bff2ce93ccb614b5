using GovStatsValidation.Rules;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GovStatsValidation.CrossReport;

/// <summary>Registration of the cross-report checks with Microsoft.Extensions.DependencyInjection.</summary>
public static class CrossReportServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="CrossReportOptions"/> (as <c>IOptions&lt;CrossReportOptions&gt;</c>) and a singleton
    /// <see cref="CrossReportChecker"/>. The checker also honours the core options registered by <c>AddGovStatsValidation</c>:
    /// their <see cref="GovStatsValidationOptions.MinimumSeverity"/> when higher, and their
    /// <see cref="GovStatsValidationOptions.DisabledRules"/>, and the cross-report rules (<c>*.cross.json</c>) of their
    /// <see cref="GovStatsValidationOptions.RuleFolders"/> and <see cref="GovStatsValidationOptions.RuleSets"/>. A reading pipeline (<c>AddReaders</c> of GovStatsValidation.Readers)
    /// runs it over every set of more than one report. Calling it twice is harmless.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddCrossReport(this IServiceCollection services, Action<CrossReportOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<CrossReportOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton(sp =>
        {
            var cross = sp.GetRequiredService<IOptions<CrossReportOptions>>().Value;
            if (sp.GetService<IOptions<GovStatsValidationOptions>>()?.Value is { } core)
            {
                cross.MinimumSeverity = (Severity)Math.Max((int)cross.MinimumSeverity, (int)core.MinimumSeverity);
                cross.DisabledRules.UnionWith(core.DisabledRules);
                return new CrossReportChecker(cross, core);
            }

            return new CrossReportChecker(cross);
        });
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRuleDescriptionSource, CrossRuleDescriptions>(sp =>
            new CrossRuleDescriptions(sp.GetRequiredService<IOptions<CrossReportOptions>>(), sp.GetService<IOptions<GovStatsValidationOptions>>()?.Value)));
        return services;
    }
}
