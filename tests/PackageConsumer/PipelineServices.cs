using GovStatsValidation;
using GovStatsValidation.Checking;
using GovStatsValidation.Rules;
using Microsoft.Extensions.DependencyInjection;

namespace ReportPipeline.Tests;

/// <summary>The pipeline's container, configured the way its production code does it.</summary>
internal static class PipelineServices
{
    public static ServiceProvider Build() =>
        new ServiceCollection()
            .AddGovStatsValidation(options =>
            {
                options.Language = "en";
                options.SeverityOverrides["pre2019.normative-docs.more-published"] = Severity.Warning;
                options.DisabledRules.Add("2019.applications.flow-with-computed-total");
            })
            .AddReportValidator<PipelineRulesValidator>()
            .BuildServiceProvider(validateScopes: true);

    public static string Example(string fileName) => Path.Combine(AppContext.BaseDirectory, "examples", fileName);

    public static IEnumerable<string> ExampleNames() =>
        Directory.EnumerateFiles(Path.Combine(AppContext.BaseDirectory, "examples"), "*.json").Select(Path.GetFileName).Order(StringComparer.Ordinal)!;

    public static IReportChecker Checker(this IServiceProvider services) => services.GetRequiredService<IReportChecker>();
}
