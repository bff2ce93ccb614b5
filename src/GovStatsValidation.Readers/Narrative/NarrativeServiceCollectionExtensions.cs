using GovStatsValidation.Findings;
using Microsoft.Extensions.DependencyInjection;

namespace GovStatsValidation.Readers.Narrative;

/// <summary>Registration of the narrative and structure checks with Microsoft.Extensions.DependencyInjection.</summary>
public static class NarrativeServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="NarrativeFindingSource"/> and <see cref="StructureFindingSource"/> as <see cref="IFindingSource"/>s,
    /// so the checker registered by <c>AddGovStatsValidation</c> runs them on every report.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="checks">The checks (default: the built-in ones).</param>
    /// <param name="lexicon">The lexicon (default: the built-in one).</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddNarrativeChecks(this IServiceCollection services, NarrativeCheckSet? checks = null, NarrativeLexicon? lexicon = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.AddSingleton<IFindingSource>(new NarrativeFindingSource(checks, lexicon));
        services.AddSingleton<IFindingSource>(new StructureFindingSource(checks));
        return services;
    }
}
