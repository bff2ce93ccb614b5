using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests;

public class StructureTests
{
    [Test]
    public void Read_HeadingLostNumeral_InferredWithDiagnostic()
    {
        var r = TestPaths.Reader().ReadText("一、概述\n正文。\n、主动公开情况\n三、依申请公开情况\n");
        Assert.That(r.Sections.Select(s => s.Number), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(r.Sections[1].NumeralMissing, Is.True);
        Assert.That(r.Diagnostics.Select(d => d.Code), Does.Contain("section-numeral-missing"));
    }

    [Test]
    public void Read_NumberingRestarts_Flagged()
    {
        var r = TestPaths.Reader().ReadText("一、总体情况\n二、工作机制\n一、主动公开政府信息情况\n二、收到和处理政府信息公开申请情况\n");
        Assert.That(r.Sections.Select(s => s.Restarted), Is.EqualTo(new[] { false, false, true, false }));
    }

    [TestCase("某市人民政府2017年政府信息公开年度工作报告", 2017, "某市人民政府")]
    [TestCase("某县综合行政执法局2020年度 政府信息公开工作年度报告", 2020, "某县综合行政执法局")]
    [TestCase("某区审管办\n\n2018年政府信息公开年度工作报告", 2018, "某区审管办")]
    [TestCase("正文\n2024 年上海市某委政府信息公开工作\n年度报告", 2024, "上海市某委")]
    [TestCase("标题: 某综合实验区管委会2014年度政府信息公开工作年度报告\n发布时间: 2015-01-02", 2014, "某综合实验区管委会")]
    [TestCase("# **某县人民政府2023年政府信息公开工作年度报告**", 2023, "某县人民政府")]
    [TestCase("题目：某县人民政府\n2022年政府信息公开工作年度报告", 2022, "某县人民政府")]
    public void Read_Title_YearAndAgency(string text, int year, string agency)
    {
        var r = TestPaths.Reader().ReadText(text);
        Assert.That(r.Year?.Value, Is.EqualTo(year));
        Assert.That(r.Agency?.Value, Is.EqualTo(agency));
        Assert.That(r.Agency?.Reason, Is.Not.Empty);
    }

    [Test]
    public void Read_NarrativeOnly_NoSchema()
    {
        var r = TestPaths.Reader().ReadText("某单位2017年度政府信息公开工作年度报告\n一、概述\n全年主动公开信息30条。\n");
        Assert.That(r.Schema, Is.Null);
        Assert.That(r.Cells, Is.Empty);
    }
}
