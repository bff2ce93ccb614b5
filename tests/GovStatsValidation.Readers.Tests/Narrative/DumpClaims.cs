using GovStatsValidation.Model;
using GovStatsValidation.Readers.Narrative;
using GovStatsValidation.Schemas;
using NUnit.Framework;

namespace GovStatsValidation.Readers.Tests.Narrative;

[Explicit]
public class DumpClaims
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
        var report = NarrativeTestFiles.Report(file, "x", year, schema);
        var claims = new NarrativeReader().Read(NarrativeTestFiles.Lines(file), report);
        foreach (var c in claims)
        {
            TestContext.Out.WriteLine($"{c.Location} {c.Kind} {c.Concept} {c.Cell} v={c.Value} {c.Unit} h={c.Hedge} ry={c.ReferenceYear} p={c.Precision} «{c.Text}» parts=[{string.Join(", ", c.Parts.Select(x => $"{x.Concept}:{x.Value}{x.Unit}"))}]");
        }
    }
}
