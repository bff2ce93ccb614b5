using System.Diagnostics;
using System.Globalization;
using GovStatsValidation.CrossReport;
using GovStatsValidation.Json;
using GovStatsValidation.Model;
using GovStatsValidation.Schemas;
using Newtonsoft.Json;

// Usage: MemoryHarness <folder> <reports> <jurisdictions> <streaming|all>
// Generates <reports> report JSON files in <jurisdictions> jurisdictions under <folder> (once; reused when present), then
// cross-checks them either one jurisdiction at a time (streaming) or all loaded at once (all), and prints the memory figures.
var folder = args.Length > 0 ? args[0] : Path.Combine(Path.GetTempPath(), "govstats-cross-10000x500");
var reports = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var jurisdictions = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 500;
var mode = args.Length > 3 ? args[3] : "streaming";

Generate(folder, reports, jurisdictions);
var files = Directory.EnumerateFiles(folder, "*.json").Order(StringComparer.Ordinal).ToList();
var checker = new CrossReportChecker(new CrossReportOptions { TextProvider = _ => null });
GC.Collect();
var baseline = GC.GetTotalMemory(true);
var clock = Stopwatch.StartNew();
long maxLiveAtBoundary = 0;
var findings = 0;
var warnings = 0;
string? current = null;

IEnumerable<CrossReportFinding> results = mode == "all"
    ? checker.Check(files.Select(ReportJson.ReadFile).ToList())
    : checker.CheckStreaming(files.Select(f => Header(f)));
foreach (var finding in results)
{
    if (finding.Jurisdiction != current)
    {
        // A new jurisdiction has just been loaded and the previous one released: what is alive now is what the check keeps.
        current = finding.Jurisdiction;
        maxLiveAtBoundary = Math.Max(maxLiveAtBoundary, GC.GetTotalMemory(true) - baseline);
    }

    findings++;
    if (finding.Finding.Severity >= GovStatsValidation.Rules.Severity.Warning)
    {
        warnings++;
    }
}

var process = Process.GetCurrentProcess();
Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
    $"mode={mode} reports={files.Count} jurisdictions={jurisdictions} largest={Largest(reports, jurisdictions)} findings={findings} warnings={warnings} " +
    $"seconds={clock.Elapsed.TotalSeconds:0.0} maxLiveManagedMB={maxLiveAtBoundary / 1048576.0:0.0} peakWorkingSetMB={process.PeakWorkingSet64 / 1048576.0:0.0} " +
    $"totalAllocatedMB={GC.GetTotalAllocatedBytes() / 1048576.0:0}"));
return 0;

// The cheap first pass: agency and year from the head of the JSON, without reading the cells.
static CrossReportInput Header(string path)
{
    using var reader = new JsonTextReader(new StreamReader(path));
    string? name = null;
    string? parent = null;
    int? year = null;
    var depth = 0;
    string? property = null;
    while ((name is null || year is null) && reader.Read())
    {
        switch (reader.TokenType)
        {
            case JsonToken.StartObject:
                depth++;
                break;
            case JsonToken.EndObject:
                depth--;
                break;
            case JsonToken.PropertyName:
                property = (string?)reader.Value;
                if (depth == 1 && property == "cells")
                {
                    reader.Skip();
                }

                break;
            case JsonToken.String when depth == 2 && property == "name":
                name = (string?)reader.Value;
                break;
            case JsonToken.String when depth == 2 && property == "parent":
                parent = (string?)reader.Value;
                break;
            case JsonToken.Integer when depth == 1 && property == "year":
                year = Convert.ToInt32(reader.Value, CultureInfo.InvariantCulture);
                break;
        }
    }

    return new CrossReportInput(path, new Agency(name!, AgencyLevel.Unknown, parent), year!.Value, () => ReportJson.ReadFile(path));
}

static int Largest(int reports, int jurisdictions) => (reports + jurisdictions - 1) / jurisdictions;

// Each jurisdiction: its government and departments, each with reports for consecutive years (2019–2020 in the 2019
// format, 2021 on in the 2021 format), full application and review tables with plausible figures and carry-overs.
static void Generate(string folder, int reports, int jurisdictions)
{
    if (Directory.Exists(folder) && Directory.EnumerateFiles(folder, "*.json").Count() == reports)
    {
        return;
    }

    Directory.CreateDirectory(folder);
    foreach (var old in Directory.EnumerateFiles(folder, "*.json"))
    {
        File.Delete(old);
    }

    var random = new Random(20250101);
    var perJurisdiction = Largest(reports, jurisdictions);
    const int Years = 4;
    var written = 0;
    for (var j = 0; j < jurisdictions && written < reports; j++)
    {
        var place = $"样本{j:D3}市";
        for (var a = 0; written < reports && a * Years < perJurisdiction; a++)
        {
            var agency = a == 0 ? $"{place}人民政府" : $"{place}第{a:D2}局";
            var carried = random.Next(0, 20);
            for (var y = 0; y < Years && a * Years + y < perJurisdiction && written < reports; y++)
            {
                var year = 2019 + y;
                var report = new AnnualReport
                {
                    Agency = new Agency(agency, a == 0 ? AgencyLevel.County : AgencyLevel.Department, a == 0 ? null : place),
                    Year = year,
                    Schema = year <= 2020 ? SchemaVersion.Format2019 : SchemaVersion.Format2021,
                    Source = $"{j:D3}-{a:D2}-{year}.json",
                };
                var received = random.Next(0, a == 0 ? 5000 : 200);
                var forward = random.Next(0, 20);
                foreach (var column in report.SchemaDefinition.Tables.Single(t => t.Id == "applications").Columns.Select(c => c.Id))
                {
                    var main = column is "natural_person" or "total";
                    report.Cells[$"requests.new[{column}]"] = main ? received : 0;
                    report.Cells[$"requests.carried_over[{column}]"] = main ? carried : 0;
                    report.Cells[$"result.granted[{column}]"] = main ? received + carried - forward : 0;
                    report.Cells[$"result.total[{column}]"] = main ? received + carried - forward : 0;
                    report.Cells[$"requests.carry_forward[{column}]"] = main ? forward : 0;
                }

                foreach (var column in new[] { "upheld", "corrected", "other", "pending", "total" })
                {
                    report.Cells[$"review[{column}]"] = column is "upheld" or "total" ? random.Next(0, 5) : 0;
                }

                carried = forward;
                File.WriteAllText(Path.Combine(folder, report.Source), ReportJson.Write(report));
                written++;
            }
        }
    }
}
