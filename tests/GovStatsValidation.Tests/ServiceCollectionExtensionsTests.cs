using FluentValidation;
using GovStatsValidation.Checking;
using GovStatsValidation.Model;
using GovStatsValidation.Rules;
using GovStatsValidation.TestUtils;
using Microsoft.Extensions.DependencyInjection;
using Severity = GovStatsValidation.Rules.Severity;

namespace GovStatsValidation.Tests;

[TestFixture]
public sealed class ServiceCollectionExtensionsTests
{
    private const string RowTotal = "2021.applications.row-total";
    private const string Flow = "2021.applications.flow-total";

    [Test]
    public void AddGovStatsValidation_DefaultContainer_ResolvesEverythingAsInterfaces()
    {
        using var provider = new ServiceCollection().AddGovStatsValidation().BuildServiceProvider(validateScopes: true);

        var checker = provider.GetRequiredService<IReportChecker>();
        var validator = provider.GetRequiredService<IValidator<AnnualReport>>();

        Assert.Multiple(() =>
        {
            Assert.That(checker.Check(ReportBuilder.Clean2021().Build()).Findings, Is.Empty);
            Assert.That(validator.Validate(ReportBuilder.Clean2021().Build()).IsValid, Is.True);
            Assert.That(provider.GetRequiredService<IReportChecker>(), Is.SameAs(checker), "singleton");
            Assert.That(provider.GetRequiredService<GovStatsValidationOptions>(), Is.SameAs(provider.GetRequiredService<GovStatsValidationOptions>()));
            Assert.That(provider.GetRequiredService<RuleCatalog>().Rules.Select(r => r.Id), Does.Contain(Flow));
        });
    }

    [Test]
    public void AddGovStatsValidation_BrokenReport_CheckerAndValidatorAgree()
    {
        using var provider = new ServiceCollection().AddGovStatsValidation().BuildServiceProvider();
        var report = ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build();

        var findings = provider.GetRequiredService<IReportChecker>().Check(report).Findings.Select(f => f.RuleId);
        var failures = provider.GetRequiredService<IValidator<AnnualReport>>().Validate(report).Errors.Select(e => e.ErrorCode);

        Assert.That(failures, Is.EqualTo(findings));
        Assert.That(findings, Is.SupersetOf(new[] { RowTotal, Flow }));
    }

    [Test]
    public void AddGovStatsValidation_NullServices_Throws() =>
        Assert.Throws<ArgumentNullException>(() => ServiceCollectionExtensions.AddGovStatsValidation(null!));

    [Test]
    public void AddGovStatsValidation_CalledTwice_RegistersOnceAndAppliesBothConfigurations()
    {
        var services = new ServiceCollection()
            .AddGovStatsValidation(o => o.DisabledRules.Add(RowTotal))
            .AddGovStatsValidation(o => o.Language = "en");

        Assert.That(services.Count(d => d.ServiceType == typeof(IReportChecker)), Is.EqualTo(1));
        Assert.That(services.Count(d => d.ServiceType == typeof(IValidator<AnnualReport>)), Is.EqualTo(1));

        using var provider = services.BuildServiceProvider();
        var options = provider.GetRequiredService<GovStatsValidationOptions>();
        var findings = provider.GetRequiredService<IReportChecker>().Check(ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build()).Findings;
        Assert.Multiple(() =>
        {
            Assert.That(options.DisabledRules, Is.EquivalentTo(new[] { RowTotal }));
            Assert.That(options.Language, Is.EqualTo("en"));
            Assert.That(findings.Select(f => f.RuleId), Does.Not.Contain(RowTotal).And.Contain(Flow));
        });
    }

    [Test]
    public void AddGovStatsValidation_DisabledRule_IsNotReported()
    {
        using var provider = new ServiceCollection().AddGovStatsValidation(o => o.DisabledRules.Add(Flow)).BuildServiceProvider();

        var ids = provider.GetRequiredService<IReportChecker>().Check(ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build()).Findings.Select(f => f.RuleId);

        Assert.That(ids, Does.Not.Contain(Flow).And.Contain(RowTotal));
    }

    [Test]
    public void AddGovStatsValidation_SeverityOverride_ChangesFindingSeverity()
    {
        using var provider = new ServiceCollection().AddGovStatsValidation(o => o.SeverityOverrides[Flow] = Severity.Info).BuildServiceProvider();

        var findings = provider.GetRequiredService<IReportChecker>().Check(ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build()).Findings;

        Assert.That(findings.Single(f => f.RuleId == Flow).Severity, Is.EqualTo(Severity.Info));
        Assert.That(findings.Single(f => f.RuleId == RowTotal).Severity, Is.EqualTo(Severity.Error));
    }

    [Test]
    public void AddGovStatsValidation_MinimumSeverityWarning_DropsInfoFindings()
    {
        using var provider = new ServiceCollection()
            .AddGovStatsValidation(o =>
            {
                o.SeverityOverrides[Flow] = Severity.Info;
                o.MinimumSeverity = Severity.Warning;
            })
            .BuildServiceProvider();

        var ids = provider.GetRequiredService<IReportChecker>().Check(ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build()).Findings.Select(f => f.RuleId);

        Assert.That(ids, Does.Not.Contain(Flow).And.Contain(RowTotal));
    }

    [TestCase("zh", "总计列")]
    [TestCase("en", "column: new plus carried over is 173")]
    public void AddGovStatsValidation_Language_ChoosesValidatorMessages(string language, string expectedText)
    {
        using var provider = new ServiceCollection().AddGovStatsValidation(o => o.Language = language).BuildServiceProvider();

        var failure = provider.GetRequiredService<IValidator<AnnualReport>>()
            .Validate(ReportBuilder.Clean2021().Set("requests.new[total]", 160m).Build()).Errors.Single(e => e.ErrorCode == Flow);

        Assert.That(failure.ErrorMessage, Does.Contain(expectedText));
    }

    [Test]
    public void AddGovStatsValidation_RuleFolder_AddsItsRules()
    {
        var folder = Directory.CreateTempSubdirectory("govstats-rules-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "local.rules.json"), LocalRules);
            using var provider = new ServiceCollection().AddGovStatsValidation(o => o.RuleFolders.Add(folder)).BuildServiceProvider();
            var checker = provider.GetRequiredService<IReportChecker>();

            var small = checker.Check(ReportBuilder.Clean2021().Build()).Findings;
            var large = checker.Check(Rebalanced2021(newNaturalPerson: 1118)).Findings;

            Assert.That(small.Select(f => f.RuleId), Does.Not.Contain("local.requests.plausible"));
            var finding = large.Single(f => f.RuleId == "local.requests.plausible");
            Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(finding.Message.En, Is.EqualTo("1159 new requests is more than this agency expects"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Test]
    public void AddGovStatsValidation_RuleSetGivenDirectly_AddsItsRules()
    {
        var set = RuleSetLoader.Parse(LocalRules, "inline.rules.json");
        using var provider = new ServiceCollection().AddGovStatsValidation(o => o.RuleSets.Add(set)).BuildServiceProvider();

        var ids = provider.GetRequiredService<IReportChecker>().Check(Rebalanced2021(newNaturalPerson: 1118)).Findings.Select(f => f.RuleId);

        Assert.That(ids, Is.EqualTo(new[] { "local.requests.plausible" }));
    }

    [Test]
    public void AddGovStatsValidation_WithoutBuiltInRules_OnlyUserRulesRun()
    {
        var set = RuleSetLoader.Parse(LocalRules, "inline.rules.json");
        using var provider = new ServiceCollection()
            .AddGovStatsValidation(o =>
            {
                o.UseBuiltInRules = false;
                o.RuleSets.Add(set);
            })
            .BuildServiceProvider();

        Assert.That(provider.GetRequiredService<RuleCatalog>().Rules.Select(r => r.Id), Is.EqualTo(new[] { "local.requests.plausible" }));
    }

    [Test]
    public void AddReportValidator_UserValidator_FailuresAppearAmongFindings()
    {
        using var provider = new ServiceCollection()
            .AddGovStatsValidation()
            .AddReportValidator<FeesReviewValidator>()
            .BuildServiceProvider();
        var report = ReportBuilder.Clean2021().Build();

        var finding = provider.GetRequiredService<IReportChecker>().Check(report).Findings.Single();

        Assert.Multiple(() =>
        {
            Assert.That(finding.RuleId, Is.EqualTo("pipeline.fees-review"));
            Assert.That(finding.Severity, Is.EqualTo(Severity.Warning));
            Assert.That(finding.Message.En, Is.EqualTo("admin fees above 100 (万元) need a second reader"));
            Assert.That(finding.Actual, Is.EqualTo(236.4875m));
        });
    }

    [Test]
    public void AddReportValidator_CalledTwice_FindingsNotDuplicated()
    {
        using var provider = new ServiceCollection()
            .AddGovStatsValidation()
            .AddReportValidator<FeesReviewValidator>()
            .AddReportValidator<FeesReviewValidator>()
            .BuildServiceProvider();

        var findings = provider.GetRequiredService<IReportChecker>().Check(ReportBuilder.Clean2021().Build()).Findings;

        Assert.That(findings.Select(f => f.RuleId), Is.EqualTo(new[] { "pipeline.fees-review" }));
    }

    [Test]
    public void AddReportValidator_DisabledRule_AppliesToUserValidatorFindings()
    {
        using var provider = new ServiceCollection()
            .AddGovStatsValidation(o => o.DisabledRules.Add("pipeline.fees-review"))
            .AddReportValidator<FeesReviewValidator>()
            .BuildServiceProvider();

        Assert.That(provider.GetRequiredService<IReportChecker>().Check(ReportBuilder.Clean2021().Build()).Findings, Is.Empty);
    }

    [Test]
    public void AddReportValidator_SeverityOverride_DoesNotApplyToUserValidatorFindings()
    {
        using var provider = new ServiceCollection()
            .AddGovStatsValidation(o => o.SeverityOverrides["pipeline.fees-review"] = Severity.Error)
            .AddReportValidator<FeesReviewValidator>()
            .BuildServiceProvider();

        var finding = provider.GetRequiredService<IReportChecker>().Check(ReportBuilder.Clean2021().Build()).Findings.Single();

        Assert.That(finding.Severity, Is.EqualTo(Severity.Warning), "documented in docs/integration.md: set WithSeverity instead");
    }

    /// <summary>The clean 2021 report with new natural-person requests raised and every total that depends on them kept consistent.</summary>
    private static AnnualReport Rebalanced2021(decimal newNaturalPerson)
    {
        var report = ReportBuilder.Clean2021().Build();
        var delta = newNaturalPerson - report.Cells["requests.new[natural_person]"].Number!.Value;
        foreach (var cell in new[] { "requests.new[natural_person]", "requests.new[total]", "requests.carry_forward[natural_person]", "requests.carry_forward[total]" })
        {
            report.Cells[cell] = report.Cells[cell].Number!.Value + delta;
        }

        return report;
    }

    private const string LocalRules = """
        {
          "id": "local",
          "title": { "zh": "本地规则", "en": "Local rules" },
          "schemas": [ "2021" ],
          "rules": [
            {
              "id": "local.requests.plausible",
              "severity": "warning",
              "title": { "zh": "新收申请数量过多", "en": "Implausibly many new requests" },
              "message": { "zh": "本年新收申请 {value} 件，超出本机关预期", "en": "{value} new requests is more than this agency expects" },
              "expression": "requests.new[total] <= 1000"
            }
          ]
        }
        """;

    /// <summary>A pipeline's own rule: fees above 100 (万元) get a second reader.</summary>
    private sealed class FeesReviewValidator : AbstractValidator<AnnualReport>
    {
        public FeesReviewValidator() =>
            RuleFor(r => r.Cells["art20_8.admin_fees[amount]"].Number)
                .LessThanOrEqualTo(100m)
                .WithErrorCode("pipeline.fees-review")
                .WithSeverity(FluentValidation.Severity.Warning)
                .WithMessage("admin fees above 100 (万元) need a second reader");
    }
}
