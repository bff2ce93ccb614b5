using FluentValidation;
using FluentValidation.Results;
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
            Assert.That(failure.ErrorMessage, Does.StartWith("review.total: total 7, parts add up to 6"));
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

    private const string RowTotal = "2021.applications.row-total";
    private static readonly IReportChecker Checker = new ReportChecker();

    [Test]
    public void Validate_BrokenReport_FailureCarriesRuleIdSeverityAndFinding()
    {
        var report = ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build();
        var findings = Checker.Check(report).Findings;

        var failures = new ReportRulesValidator(Checker).Validate(report).Errors;

        Assert.That(failures, Has.Count.EqualTo(findings.Count));
        var failure = failures.Single(f => f.ErrorCode == RowTotal);
        var finding = (Finding)failure.CustomState;
        Assert.Multiple(() =>
        {
            Assert.That(Key(finding), Is.EqualTo(Key(findings.Single(f => f.RuleId == RowTotal))));
            Assert.That(failure.Severity, Is.EqualTo(FluentValidation.Severity.Error));
            Assert.That(failure.PropertyName, Is.EqualTo(finding.Cells[0].Id.Value));
            Assert.That(failure.AttemptedValue, Is.EqualTo(160m));
            Assert.That(failure.ErrorMessage, Is.EqualTo(finding.Message.Zh));
        });
    }

    [TestCase(GovStatsValidation.Rules.Severity.Error, FluentValidation.Severity.Error)]
    [TestCase(GovStatsValidation.Rules.Severity.Warning, FluentValidation.Severity.Warning)]
    [TestCase(GovStatsValidation.Rules.Severity.Info, FluentValidation.Severity.Info)]
    public void ToFailure_Severity_IsMapped(GovStatsValidation.Rules.Severity severity, FluentValidation.Severity expected)
    {
        var finding = new Finding
        {
            RuleId = "x.rule",
            Severity = severity,
            Title = new LocalizedText("标题", "Title"),
            Message = new LocalizedText("消息", "message"),
        };

        var failure = ReportRulesValidator.ToFailure(finding, "en");

        Assert.Multiple(() =>
        {
            Assert.That(failure.Severity, Is.EqualTo(expected));
            Assert.That(failure.ErrorCode, Is.EqualTo("x.rule"));
            Assert.That(failure.PropertyName, Is.EqualTo("x.rule"), "a finding without cells is named by its rule");
            Assert.That(failure.ErrorMessage, Is.EqualTo("message"));
            Assert.That(failure.CustomState, Is.SameAs(finding));
        });
    }

    [Test]
    public void Include_InUserValidator_ComposesBuiltInAndOwnRules()
    {
        var validator = new CombinedValidator(Checker);
        var report = ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build();

        var codes = validator.Validate(report).Errors.Select(e => e.ErrorCode).ToList();

        Assert.That(codes, Does.Contain(RowTotal).And.Contain("pipeline.fees-review"));
        Assert.That(validator.Validate(ReportBuilder.Clean2021().Build()).Errors.Select(e => e.ErrorCode), Is.EqualTo(new[] { "pipeline.fees-review" }));
    }

    [Test]
    public void RuleSet_UserRuleSets_SelectBuiltInOrOwnRules()
    {
        var validator = new PipelineValidator(Checker);
        var report = ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build();

        var tablesOnly = validator.Validate(report, o => o.IncludeRuleSets("tables")).Errors.Select(e => e.ErrorCode).ToList();
        var ownOnly = validator.Validate(report).Errors.Select(e => e.ErrorCode).ToList();

        Assert.That(tablesOnly, Does.Contain(RowTotal).And.Not.Contain("pipeline.fees-review"));
        Assert.That(ownOnly, Is.EqualTo(new[] { "pipeline.fees-review" }));
    }

    [Test]
    public void ValidateAndThrow_BrokenReport_ThrowsWithRuleIds()
    {
        var validator = new ReportRulesValidator(Checker, new GovStatsValidationOptions { Language = "en" });

        var e = Assert.Throws<ValidationException>(() => validator.ValidateAndThrow(ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build()));

        Assert.That(e!.Errors.Select(f => f.ErrorCode), Does.Contain(RowTotal));
        Assert.That(e.Message, Does.Contain("applicant columns add up to 159"));
    }

    [Test]
    public void ValidateAndThrow_CleanReport_DoesNotThrow() =>
        Assert.DoesNotThrow(() => new ReportRulesValidator(Checker).ValidateAndThrow(ReportBuilder.Clean2021().Build()));

    [Test]
    public async Task ValidateAsync_BrokenReport_SameFailuresAsValidate()
    {
        var validator = new PipelineValidator(Checker);
        var report = ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build();

        var asyncResult = await validator.ValidateAsync(report, o => o.IncludeAllRuleSets());
        var syncResult = validator.Validate(report, o => o.IncludeAllRuleSets());

        Assert.That(asyncResult.Errors.Select(Describe), Is.EqualTo(syncResult.Errors.Select(Describe)));
        Assert.That(asyncResult.Errors.Select(e => e.ErrorCode), Does.Contain(RowTotal).And.Contain("pipeline.fees-review"));
    }

    [Test]
    public void FindingSource_UserFailure_BecomesFinding()
    {
        var source = new FluentValidationFindingSource(new PipelineValidator(Checker));
        var findings = new List<Finding>();

        source.Check(ReportBuilder.Clean2021().Build(), findings);

        var finding = findings.Single();
        Assert.Multiple(() =>
        {
            Assert.That(source.Name, Is.EqualTo(nameof(PipelineValidator)));
            Assert.That(finding.RuleId, Is.EqualTo("pipeline.fees-review"));
            Assert.That(finding.Severity, Is.EqualTo(GovStatsValidation.Rules.Severity.Warning));
            Assert.That(finding.Actual, Is.EqualTo(236.4875m));
            Assert.That(finding.Message.En, Is.EqualTo("admin fees above 100 (万元) need a second reader"));
        });
    }

    [Test]
    public void FindingSource_IncludedBuiltInRules_KeepsOriginalFindings()
    {
        var source = new FluentValidationFindingSource(new TablesValidator(Checker));
        var report = ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build();
        var findings = new List<Finding>();

        source.Check(report, findings);

        Assert.That(findings.Select(Key), Is.EqualTo(Checker.Check(report).Findings.Select(Key)), "CustomState findings are passed through unchanged");
    }

    /// <summary>What identifies a finding (records compare their lists by reference, so two checks give unequal records).</summary>
    private static string Key(Finding f) =>
        $"{f.RuleId}|{f.Severity}|{f.Instance}|{f.Message}|{f.Formula}|{f.Expected}|{f.Actual}|{string.Join(",", f.Cells.Select(c => $"{c.Id}={c.Display}"))}";

    [Test]
    public void FindingSource_RuleWithoutErrorCode_RuleIdIsFluentValidationsDefaultCode()
    {
        var source = new FluentValidationFindingSource(new InlineValidator<AnnualReport> { v => v.RuleFor(r => r.Year).LessThanOrEqualTo(2000) });
        var findings = new List<Finding>();

        source.Check(ReportBuilder.Clean2021().Build(), findings);

        Assert.That(findings.Single().RuleId, Is.EqualTo("LessThanOrEqualValidator"), "documented in docs/integration.md: give user rules an error code");
        Assert.That(findings.Single().Actual, Is.EqualTo(2023m));
    }

    private static string Describe(ValidationFailure f) => $"{f.ErrorCode}|{f.Severity}|{f.PropertyName}|{f.ErrorMessage}";

    /// <summary>A pipeline's validator: its own rule in the default set, the built-in rules in the "tables" rule set.</summary>
    private sealed class PipelineValidator : AbstractValidator<AnnualReport>
    {
        public PipelineValidator(IReportChecker checker)
        {
            RuleSet("tables", () => Include(new ReportRulesValidator(checker, ruleSets: "tables")));
            RuleFor(r => r.Cells["art20_8.admin_fees[amount]"].Number)
                .LessThanOrEqualTo(100m)
                .WithErrorCode("pipeline.fees-review")
                .WithSeverity(FluentValidation.Severity.Warning)
                .WithMessage("admin fees above 100 (万元) need a second reader");
        }
    }

    /// <summary>A pipeline's validator that includes the built-in rules next to its own.</summary>
    private sealed class CombinedValidator : AbstractValidator<AnnualReport>
    {
        public CombinedValidator(IReportChecker checker)
        {
            Include(new ReportRulesValidator(checker));
            RuleFor(r => r.Cells["art20_8.admin_fees[amount]"].Number)
                .LessThanOrEqualTo(100m)
                .WithErrorCode("pipeline.fees-review")
                .WithSeverity(FluentValidation.Severity.Warning)
                .WithMessage("admin fees above 100 (万元) need a second reader");
        }
    }

    private sealed class TablesValidator : AbstractValidator<AnnualReport>
    {
        public TablesValidator(IReportChecker checker) => Include(new ReportRulesValidator(checker));
    }
}
