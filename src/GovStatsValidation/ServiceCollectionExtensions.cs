using FluentValidation;
using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GovStatsValidation;

/// <summary>Registration of the checker with Microsoft.Extensions.DependencyInjection.</summary>
public static class ServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="GovStatsValidationOptions"/> (through Microsoft.Extensions.Options: <c>IOptions&lt;GovStatsValidationOptions&gt;</c>,
    /// so <c>services.Configure&lt;GovStatsValidationOptions&gt;(…)</c> and configuration binding work too), the <see cref="RuleCatalog"/> (rules compiled at first use),
    /// <see cref="IReportChecker"/>, an <see cref="IValidator{T}"/> of <see cref="AnnualReport"/> and the <see cref="IRuleCatalog"/> of every
    /// rule of every kind (the packages added after this one contribute theirs). Repeated calls are
    /// harmless: the first registration wins, later <paramref name="configure"/> delegates still apply to the options.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Configures the options.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddGovStatsValidation(this IServiceCollection services, Action<GovStatsValidationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<GovStatsValidationOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // The options object itself, for the constructors that take it; the same instance as IOptions<T>.Value.
        services.TryAddSingleton(sp => sp.GetRequiredService<IOptions<GovStatsValidationOptions>>().Value);
        services.TryAddSingleton(sp => new RuleCatalog(sp.GetRequiredService<GovStatsValidationOptions>()));
        services.TryAddSingleton<IReportChecker>(sp => new ReportChecker(
            sp.GetRequiredService<RuleCatalog>(), sp.GetRequiredService<GovStatsValidationOptions>(), sp.GetServices<IFindingSource>()));
        services.TryAddSingleton<IValidator<AnnualReport>>(sp => new ReportRulesValidator(sp.GetRequiredService<IReportChecker>(), sp.GetRequiredService<GovStatsValidationOptions>()));
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IRuleDescriptionSource, CoreRuleDescriptions>(sp => new CoreRuleDescriptions(sp.GetRequiredService<RuleCatalog>())));
        services.TryAddSingleton<IRuleCatalog>(sp => new RuleDescriptionCatalog(sp.GetServices<IRuleDescriptionSource>()));
        return services;
    }

    /// <summary>
    /// Registers a user's FluentValidation validator over the report model; its failures appear among the checker's
    /// findings (rule id = the failure's error code). Registering the same validator type again is harmless.
    /// </summary>
    /// <typeparam name="TValidator">The validator type.</typeparam>
    /// <param name="services">The service collection.</param>
    /// <returns>The same collection.</returns>
    public static IServiceCollection AddReportValidator<TValidator>(this IServiceCollection services)
        where TValidator : class, IValidator<AnnualReport>
    {
        ArgumentNullException.ThrowIfNull(services);
        services.TryAddSingleton<TValidator>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IFindingSource, ValidatorFindingSource<TValidator>>());
        return services;
    }

    /// <summary>One finding source per validator type, so registering the same validator twice does not report twice.</summary>
    private sealed class ValidatorFindingSource<TValidator>(TValidator validator) : IFindingSource
        where TValidator : class, IValidator<AnnualReport>
    {
        private readonly FluentValidationFindingSource _inner = new(validator);

        public string Name => _inner.Name;

        public void Check(AnnualReport report, ICollection<Finding> findings) => _inner.Check(report, findings);
    }
}
