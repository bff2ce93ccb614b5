using GovStatsValidation.Schemas;
using GovStatsValidation.TestUtils;

namespace GovStatsValidation.Tests.Schemas;

/// <summary>
/// The files generated from the table descriptions and rule files are checked in; these tests keep them in step.
/// Run with UPDATE_GENERATED=1 to rewrite them after changing rules/. (docs/rules.md, generated from the catalogue of every
/// package's rules, is checked by the CLI's tests, which see every package.)
/// </summary>
public sealed class GeneratedFilesTests
{
    [Test]
    public void SchemaReference_Markdown_MatchesDocsSchemasMd() =>
        AssertUpToDate(Path.Combine(RepoPaths.Root, "docs", "schemas.md"), SchemaReference.Markdown());

    [Test]
    public void SchemaReference_CSharp_MatchesCellsGenerated() =>
        AssertUpToDate(Path.Combine(RepoPaths.Root, "src", "GovStatsValidation", "Schemas", "Cells.g.cs"), SchemaReference.CSharp());

    [Test]
    public void TypedCellIds_EveryField_IsACellOfItsSchema()
    {
        var classes = new (Type Type, SchemaVersion Version)[]
        {
            (typeof(Pre2019Cells), SchemaVersion.Pre2019), (typeof(Format2019Cells), SchemaVersion.Format2019), (typeof(Format2021Cells), SchemaVersion.Format2021),
        };
        static IEnumerable<System.Reflection.FieldInfo> Fields(Type type) => type.GetFields().Concat(type.GetNestedTypes().SelectMany(Fields));
        foreach (var (type, version) in classes)
        {
            // The national form's cells, and every cell of each printed variant that the national form lacks.
            var schema = SchemaCatalog.Get(version);
            var expected = schema.Cells.Select(c => c.Id)
                .Concat(schema.Variants.SelectMany(v => v.Cells).Select(c => c.Id).Where(id => !schema.TryGetCell(id, out _)))
                .Distinct().Order().ToList();
            var ids = Fields(type).Select(f => (CellId)f.GetValue(null)!).ToList();
            Assert.That(ids.Order().ToList(), Is.EqualTo(expected), version.ToString());
        }

        Assert.That(Format2021Cells.RequestsNew.NaturalPerson.Value, Is.EqualTo("requests.new[natural_person]"));
        Assert.That(Pre2019Cells.ActiveChannelsWebsite.Value, Is.EqualTo("active.channels.website"));
        Assert.That(Pre2019Cells.TwoColumn.Cumulative.ActiveChannelsWebsite.Value, Is.EqualTo("active.channels.website[cumulative]"));
        Assert.That(Pre2019Cells.TwoColumn.RequestsReceivedLetterFax.Value, Is.EqualTo("requests.received.letter_fax"));
    }

    private static void AssertUpToDate(string path, string generated) => GeneratedFiles.AssertUpToDate(path, generated);
}
