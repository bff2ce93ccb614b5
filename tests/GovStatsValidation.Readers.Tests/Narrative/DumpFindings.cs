using GovStatsValidation.Schemas;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Narrative;

[Explicit]
public class DumpFindings
{
    [TestCase("seeds/000_de0a7de45780bd08.txt", 2017, SchemaVersion.Pre2019)]
    [TestCase("seeds/001_16354070a9c40620.txt", 2017, SchemaVersion.Pre2019)]
    [TestCase("seeds/002_e99a8cc1a0651ffc.txt", 2017, SchemaVersion.Pre2019)]
    [TestCase("seeds/003_1a63cabe0a2d3b9a.txt", 2017, SchemaVersion.Pre2019)]
    [TestCase("seeds/004_4624beab2357406a.txt", 2020, SchemaVersion.Format2019)]
    [TestCase("corpus/huaian_city_2024.txt", 2024, SchemaVersion.Format2021)]
    [TestCase("corpus/shanghai_stcsm_2024.txt", 2024, SchemaVersion.Format2021)]
    [TestCase("corpus/shanghai_govoffice_2025.txt", 2025, SchemaVersion.Format2021)]
    public void Dump(string file, int year, SchemaVersion schema)
    {
        var (_, findings) = NarrativeRun.Check(file, "x", year, schema);
        foreach (var f in findings)
        {
            TestContext.Out.WriteLine($"{f.Severity} {f.RuleId} L{f.Line} {f.Message.Zh} | {f.Formula} | suspect={f.Suspect?.Cell}");
        }
    }
}
