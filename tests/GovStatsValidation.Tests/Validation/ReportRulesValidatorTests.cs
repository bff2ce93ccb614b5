using FluentValidation;
using GovStatsValidation.Checking;
using GovStatsValidation.Findings;
using GovStatsValidation.Model;
using GovStatsValidation.TestUtils;
using GovStatsValidation.Validation;
using Microsoft.Extensions.DependencyInjection;

namespace GovStatsValidation.Tests.Validation;

[TestFixture]
public sealed class ReportRulesValidatorTests
{
    private sealed class NoTrainingValidator : AbstractValidator<AnnualReport>
    {
        public NoTrainingValidator() =>
            RuleFor(r => r.Cells["training.meetings"].Number).GreaterThan(0).WithErrorCode("user.training").WithSeverity(FluentValidation.Severity.Warning);
    }

    [Test]
    public void Validate_BrokenIdentity_FailureCarriesRuleIdSeverityAndFinding()
    {
        var validator = new ReportRulesValidator(RuleHarness.BuiltIn, new GovStatsValidationOptions { Language = "en" });
        var result = validator.Validate(ReportBuilder.CleanPre2019().Set("review.total", 7).Build());
        var failure = result.Errors.Single(e => e.ErrorCode == "pre2019.parts-sum");
        Assert.Multiple(() =>
        {
            Assert.That(failure.Severity, Is.EqualTo(FluentValidation.Severity.Error));
            Assert.That(failure.CustomState, Is.InstanceOf<Finding>());
            Assert.That(failure.PropertyName, Is.EqualTo("review.total"));
            Assert.That(failure.ErrorMessage, Does.StartWith("行政复议数量: total 7, parts add up to 6"));
        });
    }

    [Test]
    public void AddGovStatsValidation_CalledTwiceWithUserValidator_OneCheckerAndUserFindings()
    {
        var services = new ServiceCollection();
        services.AddGovStatsValidation(o => o.Language = "en").AddGovStatsValidation(o => o.MinimumSeverity = GovStatsValidation.Rules.Severity.Warning);
        services.AddReportValidator<NoTrainingValidator>();
        using var provider = services.BuildServiceProvider();

        var checker = provider.GetRequiredService<IReportChecker>();
        var findings = checker.Check(ReportBuilder.CleanPre2019().Set("training.meetings", 0).Build()).Findings;
        Assert.Multiple(() =>
        {
            Assert.That(provider.GetServices<IReportChecker>().Count(), Is.EqualTo(1));
            Assert.That(provider.GetRequiredService<GovStatsValidationOptions>().Language, Is.EqualTo("en"));
            Assert.That(findings.Select(f => f.RuleId), Is.EqualTo(new[] { "user.training" }), "info findings dropped by the second configure; the user's warning kept");
        });
    }
}
