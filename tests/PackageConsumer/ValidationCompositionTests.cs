using FluentValidation;
using GovStatsValidation;
using GovStatsValidation.Findings;
using GovStatsValidation.Json;
using GovStatsValidation.Model;
using Microsoft.Extensions.DependencyInjection;
using NUnit.Framework;

namespace ReportPipeline.Tests;

/// <summary>The built-in rules composed with the pipeline's FluentValidation rules.</summary>
[TestFixture]
public sealed class ValidationCompositionTests
{
    private const string RowTotal = "2021.applications.row-total";

    private static AnnualReport Broken2021()
    {
        var report = ReportJson.ReadFile(PipelineServices.Example("synthetic-clean-2021-2023.json"));
        report.Cells["requests.new[total]"] = 160m;
        return report;
    }

    [Test]
    public void Validator_FromContainer_IsTheBuiltInRules()
    {
        using var services = PipelineServices.Build();
        var validator = services.GetRequiredService<IValidator<AnnualReport>>();

        var failure = validator.Validate(Broken2021()).Errors.Single(e => e.ErrorCode == RowTotal);

        Assert.That(failure.Severity, Is.EqualTo(Severity.Error));
        Assert.That(failure.CustomState, Is.InstanceOf<Finding>());
        Assert.That(failure.ErrorMessage, Does.Contain("applicant columns add up to 159"), "options.Language = en");
    }

    [Test]
    public void RuleSets_TablesOnlyOrEverything()
    {
        using var services = PipelineServices.Build();
        var validator = new PipelineValidator(services.Checker(), services.GetRequiredService<GovStatsValidationOptions>());
        var report = Broken2021();

        var own = validator.Validate(report).Errors.Select(e => e.ErrorCode);
        var tables = validator.Validate(report, o => o.IncludeRuleSets("tables")).Errors.Select(e => e.ErrorCode);

        Assert.That(own, Is.EqualTo(new[] { PipelineRulesValidator.FeesReview }));
        Assert.That(tables, Does.Contain(RowTotal).And.Contain(PipelineRulesValidator.FeesReview), "the container's checker also runs the registered pipeline validator");
    }

    [Test]
    public void ValidateAndThrow_BrokenReport_ThrowsValidationException()
    {
        using var services = PipelineServices.Build();

        var e = Assert.Throws<ValidationException>(() => services.GetRequiredService<IValidator<AnnualReport>>().ValidateAndThrow(Broken2021()));

        Assert.That(e!.Errors.Select(f => f.ErrorCode), Does.Contain(RowTotal));
    }

    [Test]
    public async Task ValidateAsync_CombinedWithAllRuleSets_SameAsSync()
    {
        using var services = PipelineServices.Build();
        var validator = new PipelineValidator(services.Checker(), services.GetRequiredService<GovStatsValidationOptions>());

        var asyncCodes = (await validator.ValidateAsync(Broken2021(), o => o.IncludeAllRuleSets())).Errors.Select(e => e.ErrorCode).ToList();
        var syncCodes = validator.Validate(Broken2021(), o => o.IncludeAllRuleSets()).Errors.Select(e => e.ErrorCode).ToList();

        Assert.That(asyncCodes, Is.EqualTo(syncCodes));
        Assert.That(asyncCodes, Does.Contain(RowTotal));
    }
}
