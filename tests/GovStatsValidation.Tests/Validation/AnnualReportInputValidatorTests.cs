using GovStatsValidation.Model;
using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;
using GovStatsValidation.Validation;

namespace GovStatsValidation.Tests.Validation;

[TestFixture]
public sealed class AnnualReportInputValidatorTests
{
    private static readonly AnnualReportInputValidator Validator = new();

    private static AnnualReport Report(int year, SchemaVersion schema, string agency = "示例县人民政府") =>
        new() { Agency = new Agency(agency), Year = year, Schema = schema };

    [TestCase(2008, SchemaVersion.Pre2019)]
    [TestCase(2018, SchemaVersion.Pre2019)]
    [TestCase(2019, SchemaVersion.Format2019)]
    [TestCase(2020, SchemaVersion.Format2019)]
    [TestCase(2021, SchemaVersion.Format2021)]
    [TestCase(2100, SchemaVersion.Format2021)]
    public void Validate_YearWithItsSchema_Valid(int year, SchemaVersion schema)
    {
        Assert.That(Validator.Validate(Report(year, schema)).IsValid, Is.True);
    }

    [TestCase(2007)]
    [TestCase(2101)]
    [TestCase(-1)]
    public void Validate_YearOutOfRange_Error(int year)
    {
        var failure = Validator.Validate(Report(year, SchemaVersion.Pre2019)).Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(failure.ErrorCode, Is.EqualTo("input.year"));
            Assert.That(failure.Severity, Is.EqualTo(FluentValidation.Severity.Error));
            Assert.That(failure.ErrorMessage, Does.Contain($"report year {year} is outside 2008–2100"));
        });
    }

    [Test]
    public void Validate_YearNotFound_Error()
    {
        var failure = Validator.Validate(Report(0, SchemaVersion.Format2019)).Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(failure.ErrorCode, Is.EqualTo("input.year"));
            Assert.That(failure.ErrorMessage, Does.Contain("could not be found"));
        });
    }

    [TestCase(2016, SchemaVersion.Format2021, "pre2019", "2021")]
    [TestCase(2019, SchemaVersion.Pre2019, "2019", "pre2019")]
    [TestCase(2021, SchemaVersion.Format2019, "2021", "2019")]
    public void Validate_SchemaNotOfYear_Warning(int year, SchemaVersion schema, string should, string uses)
    {
        var failure = Validator.Validate(Report(year, schema)).Errors.Single();
        Assert.Multiple(() =>
        {
            Assert.That(failure.ErrorCode, Is.EqualTo("input.schema-year"));
            Assert.That(failure.Severity, Is.EqualTo(FluentValidation.Severity.Warning));
            Assert.That(failure.ErrorMessage, Does.Contain($"a {year} report should use the {should} format, this one uses {uses}"));
        });
    }

    [TestCase("")]
    [TestCase("   ")]
    public void Validate_NoAgencyName_Error(string name)
    {
        var failure = Validator.Validate(Report(2016, SchemaVersion.Pre2019, name)).Errors.Single();
        Assert.That(failure.ErrorCode, Is.EqualTo("input.agency"));
    }

    [Test]
    public void Check_SchemaNotOfYear_WarningFindingInBothLanguages()
    {
        var report = ReportBuilder.CleanPre2019().Year(2019).Build();
        var finding = RuleHarness.BuiltIn.Findings(report, "input.schema-year").Single();
        Assert.Multiple(() =>
        {
            Assert.That(finding.Severity, Is.EqualTo(GovStatsValidation.Rules.Severity.Warning));
            Assert.That(finding.Message.Zh, Is.EqualTo("2019 年度报告应使用 2019 格式，实际为 pre2019"));
            Assert.That(finding.Message.En, Is.EqualTo("a 2019 report should use the 2019 format, this one uses pre2019"));
        });
    }

    [Test]
    public void Check_UnknownCellInModel_ErrorFinding()
    {
        var report = ReportBuilder.CleanPre2019().Build();
        report.Cells["requests.new[total]"] = 3;
        var finding = RuleHarness.BuiltIn.Findings(report, "input.unknown-cell").Single();
        Assert.That(finding.Message.En, Is.EqualTo("schema pre2019 has no cell requests.new[total]; its value was not checked"));
    }
}
