using System.Collections.Immutable;
using FsCheck;
using FsCheck.Fluent;
using GovStatsValidation.Checking;
using GovStatsValidation.Model;
using GovStatsValidation.Readers;
using Microsoft.FSharp.Core;
using NUnit.Framework;

namespace GovStatsValidation.Synthetic.Tests.RoundTrip;

/// <summary>
/// The reading property of issue 11: any report of the generator, rendered in each layout the readers support, reads
/// back to the same cells. FsCheck draws the generator's seed, the report (its format follows the index) and the layout;
/// a failing case shrinks by zeroing whole tables, then rows, then single cells of the report, so the counterexample is
/// the smallest report that still fails (for the glued layout only changes that keep every identity of the report,
/// because the reader cuts glued digits by the row's own total). The runs replay a fixed seed, so the suite is
/// deterministic; <c>GOVSTATS_ROUNDTRIP_SEED=n</c> explores another seed.
/// </summary>
public sealed class RoundTripPropertyTests
{
    /// <summary>One case: which generated report, in which layout, with which cells set to 0 by shrinking.</summary>
    public sealed record RoundTripCase(int Seed, int Index, Layout Layout, ImmutableArray<int> Zeroed)
    {
        public override string ToString() =>
            $"seed {Seed}, report {Index}, {Layout}{(Zeroed.Length > 0 ? $", {Zeroed.Length} cell(s) set to 0: slots {string.Join(' ', Zeroed.Order())}" : "")}";
    }

    /// <summary>KNOWN GAP (the same as ReportPdfTests'): in the printed PDF the 2021 row label
    /// 1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请 (33 characters) wraps over two lines of its cell, around
    /// the row's numbers, and the row is not read. It is reported as not read (input.table.unread), never read wrongly; only
    /// that outcome is tolerated, and only for the PDF layout.</summary>
    private static readonly HashSet<string> KnownPdfGap = ["result.other.no_correction"];

    private static readonly ReportReader Reader = new();
    private static readonly PublishedReportReader Published = new();
    private static readonly FrameChecker Rules = new(RuleCatalog.BuiltIn);

    private static Config Runs(int count)
    {
        var seed = Environment.GetEnvironmentVariable("GOVSTATS_ROUNDTRIP_SEED") is { Length: > 0 } s ? ulong.Parse(s, System.Globalization.CultureInfo.InvariantCulture) : 20261206UL;
        return Config.QuickThrowOnFailure.WithMaxTest(count).WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(seed, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));
    }

    internal static SyntheticReport Build(RoundTripCase c)
    {
        // The glued layout is read by cutting digits under the row's totals, which presumes a report whose identities
        // hold; the other layouts get reports with injected errors (wrong totals, placeholders, unreadable text) as well.
        // KNOWN LIMIT (PDF): a row whose blank cells print nothing is placed by the x positions of full rows around it or
        // of a header line with one label per column; a report that blanks every zero has neither near most rows (and
        // its applicant header wraps over lines), so those rows are reported as not read, never read wrongly (see
        // ReportPdfTests.ToPdf_BlankCellsInsideRows_NothingReadWrongly). The PDF property draws reports whose zeros print.
        var options = new SyntheticOptions { Seed = c.Seed, ErrorRate = c.Layout == Layout.Glued ? 0 : 0.3, BlankZeroRate = c.Layout == Layout.Pdf ? 0 : 0.4 };
        var report = new SyntheticGenerator(options).Report(c.Index);
        foreach (var slot in c.Zeroed)
        {
            report.SetWhole(slot, 0);
        }

        return report;
    }

    private static Arbitrary<RoundTripCase> Cases(params Layout[] layouts) =>
        Arb.From(
            from seed in Gen.Choose(1, 1_000_000)
            from index in Gen.Choose(0, 59)
            from layout in Gen.Elements(layouts)
            select new RoundTripCase(seed, index, layout, []),
            Shrink);

    /// <summary>Simpler reports: a whole table set to 0, then a row, then one cell (coarse first, so shrinking is quick).</summary>
    private static IEnumerable<RoundTripCase> Shrink(RoundTripCase c)
    {
        if (c.Layout == Layout.Pdf)
        {
            // Printing and reading a PDF takes seconds: a failing PDF case is reported as drawn (replay it, or render the
            // same seed and report in a text layout to shrink it there).
            yield break;
        }

        var report = Build(c);
        var failing = Rules.FailingRules(report).ToHashSet(StringComparer.Ordinal);
        var schema = report.SchemaDefinition;
        bool Zeroable(Schemas.CellDefinition cell) => report.StateOf(cell.Id.Value) != CellState.Absent && report[cell.Id.Value] is not { State: CellState.Number, Number: 0m };
        IEnumerable<IEnumerable<Schemas.CellDefinition>> Groups()
        {
            foreach (var table in schema.Tables)
            {
                yield return table.AllRows.SelectMany(r => r.Cells);
            }

            foreach (var row in schema.Rows)
            {
                yield return row.Cells;
            }

            foreach (var cell in schema.Cells)
            {
                yield return [cell];
            }
        }

        foreach (var group in Groups())
        {
            var slots = group.Where(Zeroable).Select(x => x.Slot).ToList();
            if (slots.Count == 0)
            {
                continue;
            }

            var simpler = c with { Zeroed = c.Zeroed.AddRange(slots) };
            if (c.Layout == Layout.Glued && !Rules.FailingRules(Build(simpler)).All(failing.Contains))
            {
                continue;
            }

            yield return simpler;
        }
    }

    /// <summary>Renders, reads back and lists every difference from the model.</summary>
    internal static List<string> Differences(RoundTripCase c, byte[]? font = null)
    {
        var report = Build(c);
        var doc = ReportDocument.Of(report);
        var (bytes, glued) = LayoutRenderer.Render(doc, c.Layout, font);
        var read = Published.ToReport(Reader.Read(bytes), report.Name);
        var model = report.ToAnnualReport();
        var differences = new List<string>();
        if ((read.Year, read.Schema, read.Agency.Name) != (model.Year, model.Schema, model.Agency.Name))
        {
            differences.Add($"read as {read.Agency.Name} {read.Year} {read.Schema}");
        }

        foreach (var id in model.Cells.Select(x => x.Key).Union(read.Cells.Select(x => x.Key)))
        {
            var (want, got) = (model.Cells[id], read.Cells[id]);
            var same = want.State == got.State && want.Number == got.Number;
            var printed = doc.Printed.GetValueOrDefault(id.Value);
            if (c.Layout == Layout.Glued)
            {
                // Glued digits: read exactly, or reported as not read; never a wrong value. Cut cells are marked.
                if (got is { State: CellState.Unreadable, Raw: null } && want.State != CellState.Absent)
                {
                    continue;
                }

                if (!same)
                {
                    differences.Add($"{id}: printed '{printed}', read {Show(got)}");
                }
                else if (got.Reconstructed != glued.Contains(id.Value))
                {
                    differences.Add($"{id}: printed '{printed}' {(glued.Contains(id.Value) ? "glued to its neighbour" : "standing alone")}, read {(got.Reconstructed ? "as reconstructed" : "as printed")}");
                }

                continue;
            }

            if (!same && c.Layout == Layout.Pdf && got is { State: CellState.Unreadable, Raw: null } && KnownPdfGap.Contains(id.Value.Split('[')[0]))
            {
                continue; // reported as not read, never read wrongly: see KnownPdfGap
            }

            if (!same)
            {
                differences.Add($"{id}: printed '{printed}', read {Show(got)}");
            }
            else if (got.Reconstructed)
            {
                differences.Add($"{id}: printed '{printed}' with separators, read as reconstructed");
            }
        }

        return differences;
    }

    private static string Show(CellValue v) => v.State switch
    {
        CellState.Number => $"{v.Number}",
        CellState.Unreadable when v.Raw is null => $"not read ({v.Note})",
        _ => $"{v.State} '{v.Raw}'",
    };

    private static bool Holds(RoundTripCase c, byte[]? font = null)
    {
        var differences = Differences(c, font);
        return differences.Count == 0 ? true : throw new AssertionException($"{c}: {differences.Count} cell(s) differ:\n  " + string.Join("\n  ", differences.Take(20)));
    }

    [Test]
    public void Render_EveryTextLayout_ReadsBackTheSameCells()
    {
        Prop.ForAll(Cases(Layout.CellPerLine, Layout.TabSeparated, Layout.SpaceAligned, Layout.Markdown), c => Holds(c)).Check(Runs(60));
    }

    [Test]
    public void Render_HtmlAndWord_ReadsBackTheSameCells()
    {
        Prop.ForAll(Cases(Layout.Html, Layout.Word), c => Holds(c)).Check(Runs(30));
    }

    [Test]
    public void Render_GluedDigits_ReadExactlyOrReportedUnreadAndCutCellsMarked()
    {
        Prop.ForAll(Cases(Layout.Glued), c => Holds(c)).Check(Runs(40));
    }

    [Test]
    public void Render_Pdf_ReadsBackTheSameCells()
    {
        var font = CjkFont.Find() ?? throw new IgnoreException(
            "skipped: no CJK TrueType font PdfPig can embed was found (GOVSTATS_CJK_FONT, or wqy/arphic/droid fonts under /usr/share/fonts; install e.g. fonts-wqy-zenhei)");
        Prop.ForAll(Cases(Layout.Pdf), c => Holds(c, font)).Check(Runs(4));
    }
}

/// <summary>Writes one case's rendered file to /tmp for a person to look at (GOVSTATS_CASE="seed index layout").</summary>
public sealed class RoundTripCaseDump
{
    [Test]
    [Explicit("debugging aid")]
    public void Dump_Case_WritesFile()
    {
        var parts = (Environment.GetEnvironmentVariable("GOVSTATS_CASE") ?? "1 0 TabSeparated").Split(' ');
        var c = new RoundTripPropertyTests.RoundTripCase(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture), int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture), Enum.Parse<Layout>(parts[2]), [.. parts.Skip(3).Select(p => int.Parse(p, System.Globalization.CultureInfo.InvariantCulture))]);
        var (bytes, _) = LayoutRenderer.Render(ReportDocument.Of(RoundTripPropertyTests.Build(c)), c.Layout, c.Layout == Layout.Pdf ? CjkFont.Find() : null);
        File.WriteAllBytes($"/tmp/case.{c.Layout}", bytes);
        TestContext.Out.WriteLine(string.Join("\n", RoundTripPropertyTests.Differences(c, c.Layout == Layout.Pdf ? CjkFont.Find() : null)));
        var extraction = new ReportReader().Read(Environment.GetEnvironmentVariable("GOVSTATS_FILE") is { Length: > 0 } file ? File.ReadAllBytes(file) : bytes);
        File.WriteAllLines("/tmp/case.text", Enumerable.Range(1, extraction.Text.LineCount).Select(extraction.Text.GetOriginalLine));
        TestContext.Out.WriteLine(string.Join("\n", extraction.Diagnostics.Select(d => $"{d.Severity} {d.Code} {d.Line}: {d.Message}")));
        TestContext.Out.WriteLine(string.Join("\n", extraction.Tables.Select(t => $"table {t.Layout} {t.FirstLine}-{t.LastLine} rows {t.Rows.Count}")));
        TestContext.Out.WriteLine(string.Join("\n", extraction.Cells.Select(x => $"{x.CellId} = '{x.RawText}' line {x.Line} {x.Reason}{(x.Reconstructed ? " R" : "")}")));
        Assert.Pass();
    }
}
