using System.Globalization;
using Humanizer;
using LogLens.Analysis;
using LogLens.Cli.Rendering;
using LogLens.Input;
using LogLens.Localization;
using LogLens.Reporting;
using LogLens.Scanning;
using Spectre.Console;

namespace LogLens.Cli.Rendering;

/// <summary>The summary at the end of a scan: totals, outcomes, suspicious clients, unreadable files.</summary>
internal sealed class ScanSummaryView(IAnsiConsole console, CultureInfo culture)
{
    public void Render(LogScan scan, ScanSummary summary, IReadOnlyList<Diagnostic> unreadable, TimeSpan elapsed, string? outputPath)
    {
        var lines = scan.Files.Sum(f => (long)f.Lines.Total);
        var bytes = scan.Inputs.Sum(i => i.Length);
        var rate = elapsed.TotalSeconds > 0 ? bytes / elapsed.TotalSeconds : 0;
        console.MarkupLine(TerminalText.Escape(Texts.Format(
            "Ui.ScanTotals",
            culture,
            Texts.Count("Ui.Count.Files", culture, scan.Inputs.Count),
            Texts.Count("Ui.Count.Lines", culture, lines),
            bytes.Bytes().Humanize("0.#", culture),
            Texts.Count("Ui.Count.Sessions", culture, summary.Sessions),
            elapsed.Humanize(precision: 2, culture: culture, minUnit: Humanizer.TimeUnit.Millisecond),
            rate.Bytes().Humanize("0.#", culture))));
        if (outputPath is not null)
        {
            console.MarkupLine($"[grey]{TerminalText.Escape(Texts.Format("Ui.ScanWrote", culture, Texts.Count("Ui.Count.Sessions", culture, summary.Sessions), outputPath))}[/]");
        }

        if (summary.Sessions > 0)
        {
            Heading("Ui.ScanOutcomes");
            foreach (var (kind, count) in summary.Outcomes)
            {
                // The id is what the CSV says; the title follows unless it only repeats the id in words.
                var id = OutcomeIds.ToId(kind);
                var title = Texts.Get($"Outcome.{id}.Title", culture);
                var words = string.Equals(title, id.Replace('-', ' '), StringComparison.OrdinalIgnoreCase) ? string.Empty : $"  [grey]{TerminalText.Escape(title)}[/]";
                console.MarkupLine($"  [{OutcomeStyle.Colour(kind)}]{count.ToString("N0", culture),8}  {TerminalText.Escape(id)}[/]{words}");
            }
        }

        new ClientNotesView(console, culture).Render(summary);

        if (unreadable.Count > 0)
        {
            Heading("Ui.ScanUnreadable");
            foreach (var problem in unreadable)
            {
                console.MarkupLine("  [red]" + TerminalText.Escape(problem.ToString()) + "[/]");
            }
        }
    }

    private void Heading(string key) => console.MarkupLine($"[bold]{TerminalText.Escape(Texts.Get(key, culture))}[/]");
}
