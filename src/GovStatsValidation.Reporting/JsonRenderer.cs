using GovStatsValidation.Findings;
using GovStatsValidation.Schemas;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;

namespace GovStatsValidation.Reporting;

/// <summary>
/// The machine-readable form: <c>{"reports":[{"source","agency","year","schema","variant" (only for a printed variant),"findings":[{"rule","severity","message",
/// "cells":[{"id","label","value"}],"expected","actual","line",…}]}],"inputErrors":[…],"summary":{…}}</c>, and when cross-report
/// checks ran, <c>"crossReport":[{"jurisdiction","findings":[{…,"subject":{…},"sources":[…]}]}]</c>. The summary's
/// <c>error</c>, <c>warning</c> and <c>info</c> count every finding, cross-report ones included (<c>summary.crossReport</c>
/// says how many of them are cross-report).
/// </summary>
public sealed class JsonRenderer : IRunRenderer
{
    /// <inheritdoc/>
    public string Format => "json";

    /// <inheritdoc/>
    public void Render(CheckRun run, TextWriter writer, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(writer);
        var root = ToJson(run, options);
        using var json = new JsonTextWriter(writer) { Formatting = Formatting.Indented, CloseOutput = false };
        root.WriteTo(json);
        writer.WriteLine();
    }

    /// <summary>The JSON object of a run.</summary>
    public static JObject ToJson(CheckRun run, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(run);
        ArgumentNullException.ThrowIfNull(options);
        var reports = new JArray();
        foreach (var result in run.Results)
        {
            var r = result.Report;
            var report = new JObject
            {
                ["source"] = r.Source,
                ["agency"] = r.Agency.Name,
                ["agencyLevel"] = r.Agency.Level.ToString().ToLowerInvariant(),
                ["parent"] = r.Agency.Parent,
                ["year"] = r.Year,
                ["schema"] = r.Schema.ToToken(),
                ["input"] = r.Input is { } input ? new JObject { ["format"] = input.Format, ["encoding"] = input.Encoding, ["notes"] = new JArray(input.Notes) } : null,
                ["counts"] = new JObject
                {
                    ["error"] = result.Count(Rules.Severity.Error),
                    ["warning"] = result.Count(Rules.Severity.Warning),
                    ["info"] = result.Count(Rules.Severity.Info),
                },
                ["findings"] = new JArray(result.Findings.Select(f => WithCorrections(WithBaseline(Finding(f, r.Agency.Name, r.Year, options), run, f, r.Agency.Name, r.Year), r))),
            };
            if (r.Variant is { } variant)
            {
                // The printed variant of the format (two-column: 本年度 | 历年累计), beside the format it varies.
                report.Property("schema")!.AddAfterSelf(new JProperty("variant", variant));
            }

            if (r.Corrections.Count > 0)
            {
                // Every reviewer's correction of this report: applied ones are the values the checks used instead of the published ones.
                report["corrections"] = new JArray(r.Corrections.Select(Correction));
            }

            if (result.Localization is { } localization)
            {
                report["localization"] = Localization(localization, options);
            }

            reports.Add(report);
        }

        var root = new JObject
        {
            ["reports"] = reports,
            ["inputErrors"] = new JArray(run.InputErrors.Select(e => new JObject { ["source"] = e.Source, ["message"] = e.Message, ["line"] = e.Line })),
            ["summary"] = new JObject
            {
                ["reports"] = run.Results.Count,
                ["inputErrors"] = run.InputErrors.Count,
                ["error"] = run.Count(Rules.Severity.Error),
                ["warning"] = run.Count(Rules.Severity.Warning),
                ["info"] = run.Count(Rules.Severity.Info),
            },
        };
        if (run.Skipped.Count > 0)
        {
            // Files that are not reports (images, spreadsheets, notes): listed, never counted as input errors.
            root["skipped"] = new JArray(run.Skipped.Select(e => new JObject { ["source"] = e.Source, ["message"] = e.Message }));
        }

        if (run.CrossReport is not null)
        {
            // The totals above include the cross-report findings; this says how many of them there are.
            root["summary"]!["crossReport"] = new JObject
            {
                ["error"] = run.CrossCount(Rules.Severity.Error),
                ["warning"] = run.CrossCount(Rules.Severity.Warning),
                ["info"] = run.CrossCount(Rules.Severity.Info),
            };
        }

        if (run.Baseline is { } b)
        {
            root["baseline"] = new JObject
            {
                ["today"] = RunStatistics.Date(b.Today),
                ["accepted"] = b.Accepted,
                ["notChecked"] = b.NotChecked,
                ["notComparable"] = b.NotComparable,
                ["expired"] = new JArray(b.Expired.Select(Entry)),
                ["stale"] = new JArray(b.Stale.Select(Entry)),
                ["confirmed"] = b.States.Values.Count(v => v == Baselines.BaselineState.Confirmed),
                ["falseAlarm"] = b.States.Values.Count(v => v == Baselines.BaselineState.FalseAlarm),
            };
        }

        if (run.Coverage is { } coverage)
        {
            // Who has reported: per jurisdiction, each body and year with the sources found (none = missing when expected).
            root["coverage"] = new JArray(coverage.Select(c => new JObject
            {
                ["jurisdiction"] = c.Jurisdiction,
                ["fromAgencyFile"] = c.FromAgencyFile,
                ["years"] = new JArray(c.Years),
                ["bodies"] = new JArray(c.Bodies.Select(b => new JObject
                {
                    ["name"] = b.Name,
                    ["years"] = new JArray(b.Years.Select(y => new JObject { ["year"] = y.Year, ["expected"] = y.Expected, ["sources"] = new JArray(y.Sources) })),
                })),
                ["missing"] = new JArray(c.Missing.Select(m => new JObject { ["body"] = m.Body, ["year"] = m.Year })),
            }));
        }

        if (run.CrossReport is { } cross)
        {
            // Grouped by jurisdiction; each finding names the report it is about and the sources of every report involved.
            root["crossReport"] = new JArray(cross.GroupBy(c => c.Jurisdiction, StringComparer.Ordinal).Select(g => new JObject
            {
                ["jurisdiction"] = g.Key,
                ["findings"] = new JArray(g.Select(c =>
                {
                    var o = WithBaseline(Finding(c.Finding, c.Agency, c.Year, options), run, c.Finding, c.Agency, c.Year);
                    o["subject"] = new JObject { ["source"] = c.Subject, ["agency"] = c.Agency, ["year"] = c.Year };
                    o["sources"] = new JArray(c.Sources);
                    return o;
                })),
            }));
        }

        return root;
    }

    private static JObject WithBaseline(JObject finding, CheckRun run, Finding f, string agency, int year)
    {
        if (run.Baseline is { } b)
        {
            var fingerprint = f.FingerprintFor(agency, year);
            finding["baselineState"] = b.StateOf(fingerprint) switch
            {
                Baselines.BaselineState.FalseAlarm => "false-alarm",
                var state => state.ToString().ToLowerInvariant(),
            };
            if (b.EntryOf(fingerprint) is { } entry)
            {
                finding["review"] = new JObject
                {
                    ["decision"] = Baselines.Baseline.DecisionToken(entry.Decision),
                    ["comment"] = entry.Comment,
                    ["by"] = entry.AcceptedBy,
                    ["reason"] = entry.Reason,
                };
            }
        }

        return finding;
    }

    /// <summary>Marks each cell of a finding that a reviewer corrected: <c>"corrected":{"was","now","reason","by"}</c>.</summary>
    private static JObject WithCorrections(JObject finding, Model.AnnualReport report)
    {
        if (report.Corrections.Count == 0 || finding["cells"] is not JArray cells)
        {
            return finding;
        }

        foreach (var cell in cells.OfType<JObject>())
        {
            var id = (string?)cell["id"];
            if (report.Corrections.FirstOrDefault(c => c.Status == Model.CorrectionStatus.Applied && c.Cell.Value == id) is { } c)
            {
                cell["corrected"] = new JObject { ["was"] = c.Published, ["now"] = c.Value, ["reason"] = c.Reason, ["by"] = c.By };
            }
        }

        return finding;
    }

    private static JObject Correction(Model.CellCorrection c) => new()
    {
        ["cell"] = c.Cell.Value,
        ["status"] = c.Status switch
        {
            Model.CorrectionStatus.Applied => "applied",
            Model.CorrectionStatus.ReportChanged => "report-changed",
            Model.CorrectionStatus.CellChanged => "cell-changed",
            _ => "unknown-cell",
        },
        ["was"] = c.Published,
        ["now"] = c.Value,
        ["reason"] = c.Reason,
        ["by"] = c.By,
        ["found"] = c.Found,
    };

    /// <summary>The JSON object of a report's localization: per located error its cells (current, proposed, role, evidence), ties, confidence and why.</summary>
    public static JObject Localization(GovStatsValidation.Localization.ReportLocalization localization, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(localization);
        ArgumentNullException.ThrowIfNull(options);
        JArray Cells(IEnumerable<GovStatsValidation.Localization.CellCorrection> cells) => new(cells.Select(c => new JObject
        {
            ["cell"] = c.Cell.Value,
            ["label"] = c.Label,
            ["role"] = c.Role.ToString().ToLowerInvariant(),
            ["current"] = c.Current,
            ["proposed"] = c.Proposed,
            ["weight"] = Math.Round(c.Weight, 3),
            ["evidence"] = new JArray(c.Evidence.Select(e => new JObject { ["kind"] = e.Kind, ["text"] = e.Text.In(options.Language), ["weight"] = Math.Round(e.Weight, 3) })),
        }));
        return new JObject
        {
            ["cells"] = Cells(localization.Cells),
            ["errors"] = new JArray(localization.Errors.Select(e => new JObject
            {
                ["cells"] = Cells(e.Cells),
                ["confidence"] = e.Confidence.ToString().ToLowerInvariant(),
                ["why"] = e.Why.In(options.Language),
                ["rules"] = new JArray(e.Rules),
                ["candidates"] = e.Candidates,
                ["tiedWith"] = new JArray(e.TiedWith.Select(Cells)),
                ["runnerUp"] = e.RunnerUp is { } next ? Cells(next) : null,
            })),
            ["unresolved"] = new JArray(localization.Unresolved),
        };
    }

    private static JObject Entry(Baselines.BaselineEntry e) => new()
    {
        ["fingerprint"] = e.Fingerprint,
        ["rule"] = e.Rule,
        ["agency"] = e.Agency,
        ["year"] = e.Year,
        ["instance"] = e.Instance,
        ["reason"] = e.Reason,
        ["acceptedBy"] = e.AcceptedBy,
        ["expires"] = RunStatistics.Date(e.Expires),
        ["decision"] = Baselines.Baseline.DecisionToken(e.Decision),
        ["comment"] = e.Comment,
    };

    /// <summary>The JSON object of one finding.</summary>
    public static JObject Finding(Finding f, string agency, int year, RenderOptions options)
    {
        ArgumentNullException.ThrowIfNull(f);
        var o = new JObject
        {
            ["rule"] = f.RuleId,
            ["severity"] = f.Severity.ToString().ToLowerInvariant(),
            ["title"] = f.Title.In(options.Language),
            ["message"] = f.Message.In(options.Language),
            ["messageZh"] = f.Message.Zh,
            ["messageEn"] = f.Message.En,
            ["cells"] = new JArray(f.Cells.Select(c =>
            {
                var cell = new JObject
                {
                    ["id"] = c.Id.Value,
                    ["label"] = c.Label,
                    // A number, or null: "state" says why there is none (blank, absent, placeholder, unreadable) and "raw" what was printed.
                    ["value"] = c.Value is { } v ? new JValue(v) : JValue.CreateNull(),
                    ["state"] = c.State.ToString().ToLowerInvariant(),
                    ["raw"] = c.Raw,
                    ["line"] = c.Line,
                };
                if (c.Page is { } page)
                {
                    cell["page"] = page; // PDF input only
                }

                return cell;
            })),
            ["expression"] = f.Expression,
            ["formula"] = RunStatistics.FormulaText(f, options),
            ["expected"] = f.Expected,
            ["actual"] = f.Actual,
            ["difference"] = f.Difference,
            ["line"] = f.Line,
            ["passed"] = f.Passed,
            ["instance"] = f.Instance,
            ["fingerprint"] = f.FingerprintFor(agency, year),
        };
        if (f.Suspect is { } s)
        {
            var suspect = new JObject { ["cell"] = s.Cell.Value, ["reason"] = s.Reason.In(options.Language), ["correctedValue"] = s.CorrectedValue };
            if (s.Confidence is { } confidence)
            {
                suspect["confidence"] = confidence.ToString().ToLowerInvariant();
            }

            if (s.IsAmbiguous)
            {
                suspect["ambiguousWith"] = new JArray(s.Alternatives.Select(a => new JObject { ["cell"] = a.Cell.Value, ["correctedValue"] = a.CorrectedValue }));
            }

            o["suspect"] = suspect;
        }

        if (f.Quote is { } quote)
        {
            o["quote"] = quote;
        }

        if (f.RelatedSources.Count > 0)
        {
            o["sources"] = new JArray(f.RelatedSources);
        }

        return o;
    }
}
