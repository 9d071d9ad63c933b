using System.Globalization;
using Humanizer;
using LogLens.Analysis;
using LogLens.Localization;
using LogLens.Reporting;
using Spectre.Console;

namespace LogLens.Cli.Rendering;

/// <summary>
/// The report for a person, written as it goes: per file its sessions (what happened and why), then
/// its format, encoding and line counts, and the first unrecognized lines. Only counts are kept
/// between sessions.
/// </summary>
internal sealed class ConsoleReport(IAnsiConsole console, CultureInfo culture, TimePlacement? times = null) : ISessionWriter
{
    private const int UnrecognizedShown = 20;

    private readonly ScanSummary clients = new();
    private int files;
    private long sessions;
    private long sessionsOfFile;

    /// <summary>Writes a whole report for analyses already made.</summary>
    public void Render(IReadOnlyList<FileAnalysis> analyses)
    {
        foreach (var file in analyses)
        {
            BeginFile(file.Path);
            foreach (var session in file.Sessions)
            {
                WriteSession(session);
            }

            EndFile(file);
        }

        Complete();
    }

    public void BeginFile(string path)
    {
        times?.BeginFile(path);
        files++;
        sessionsOfFile = 0;
        console.MarkupLine($"[bold]── {TerminalText.Escape(path)}[/]");
        console.WriteLine();
    }

    public void WriteSession(FtpSession session)
    {
        sessions++;
        sessionsOfFile++;
        clients.Add(session);
        RenderSession(session);
    }

    public void EndFile(FileAnalysis file)
    {
        if (sessionsOfFile == 0)
        {
            console.MarkupLine($"[grey]{TerminalText.Escape(Texts.Get("Ui.NoSessions", culture))}[/]");
            console.WriteLine();
        }

        var format = file.Format ?? Texts.Get("Ui.FormatNotRecognized", culture);
        var encoding = file.Encoding ?? "—";
        console.MarkupLine(
            $"{Label("Ui.Format")} {TerminalText.Escape(format)}   {Label("Ui.Encoding")} {TerminalText.Escape(encoding)}{(file.IsCompressed ? " (gzip)" : string.Empty)}");
        console.MarkupLine(TerminalText.Escape(Texts.Format("Ui.Lines", culture, file.Lines.Total, file.Lines.Recognized, file.Lines.Unrecognized, file.Lines.Blank)));
        if (file.Lines.Other > 0)
        {
            console.MarkupLine($"[grey]{TerminalText.Escape(Texts.Format("Ui.OtherLines", culture, file.Lines.Other))}[/]");
        }

        console.WriteLine();
        RenderUnrecognized(file);
    }

    public void Complete()
    {
        // Per client across every session: who failed to log in, how often, as whom, how fast.
        if (new ClientNotesView(console, culture).Render(clients))
        {
            console.WriteLine();
        }

        if (files > 1)
        {
            console.MarkupLine(TerminalText.Escape(Texts.Format("Ui.Summary", culture, Texts.Count("Ui.Count.Files", culture, files), Texts.Count("Ui.Count.Sessions", culture, sessions))));
        }
    }

    private void RenderSession(FtpSession s)
    {
        var outcome = s.Outcome;
        var colour = OutcomeStyle.Colour(outcome.Kind);
        var reason = outcome.Reason is null ? string.Empty : $" ({outcome.Reason})";
        console.MarkupLine(
            $"[bold]{TerminalText.Escape(Texts.Format("Ui.Session", culture, s.Id))}[/]  [{colour} bold]{OutcomeStyle.Mark(outcome.Kind)} {TerminalText.Escape(outcome.Title(culture))}[/][grey]{TerminalText.Escape(reason)}[/]");

        var facts = new List<string>();
        AddFact(facts, "Ui.Server", s.Server);
        AddFact(facts, "Ui.Client", s.Client);
        AddFact(facts, "Ui.User", s.User);
        AddFact(facts, "Ui.ReplyCode", outcome.ReplyCode?.ToString(CultureInfo.InvariantCulture));
        if (s.Start is { } start)
        {
            var when = s.End is { } end && end != start ? $"{Time(start)} → {Time(end)}" : Time(start);
            AddFact(facts, "Ui.Start", when);
        }

        if (s.DurationSeconds is { } seconds && seconds > 0)
        {
            AddFact(facts, "Ui.Duration", Duration(seconds));
        }

        if (facts.Count > 0)
        {
            console.MarkupLine("  " + string.Join("   ", facts));
        }

        if (s.Logins.Count > 0 || s.Transfers.Count > 0)
        {
            console.MarkupLine("  " + Summary(s));
        }

        if (s.Retry is { } retry)
        {
            var text = retry.AfterSeconds is { } after
                ? Texts.Format("Ui.Retry", culture, retry.Of, Duration(after))
                : Texts.Format("Ui.RetryNoInterval", culture, retry.Of);
            console.MarkupLine($"  [blue]↻ {TerminalText.Escape(text)}[/]");
            if (retry.Hammering == true)
            {
                console.MarkupLine($"  [red]⚠ {TerminalText.Escape(Texts.Get("Ui.Hammering", culture))}[/]");
            }
        }

        if (s.EvidenceLines.Count > 0)
        {
            console.MarkupLine($"  {Label("Ui.Evidence")}");
            var width = s.EvidenceLines.Max(e => e.Line).ToString(CultureInfo.InvariantCulture).Length;
            foreach (var line in s.EvidenceLines)
            {
                var number = line.Line.ToString(CultureInfo.InvariantCulture).PadLeft(width);
                console.MarkupLine($"    [grey]{number}[/]  {TerminalText.Line(line.Text)}");
            }
        }

        console.MarkupLine($"  {Label("Ui.Explanation")} {TerminalText.Escape(outcome.Explanation(culture))}");
        console.MarkupLine($"  {Label("Ui.Advice")} {TerminalText.Escape(outcome.Advice(culture))}");
        console.WriteLine();
    }

    private string Summary(FtpSession s)
    {
        var parts = new List<string>();
        if (s.Logins.Count > 0)
        {
            var ok = s.Logins.Count(l => l.Succeeded);
            var failed = s.Logins.Count(l => !l.Succeeded && !l.LimitReached);
            parts.Add($"{Label("Ui.Logins")} {ok} {TerminalText.Escape(Texts.Get("Ui.LoginSucceeded", culture))}, {failed} {TerminalText.Escape(Texts.Get("Ui.LoginFailed", culture))}");
        }

        if (s.Transfers.Count > 0)
        {
            var up = s.Transfers.Where(t => t.Direction == Events.TransferDirection.Upload).ToList();
            var down = s.Transfers.Where(t => t.Direction == Events.TransferDirection.Download).ToList();
            var failed = s.Transfers.Count(t => !t.Succeeded && !t.Incomplete);
            var unfinished = s.Transfers.Count(t => t.Incomplete);
            var directions = new List<string>(2);
            if (up.Count > 0)
            {
                directions.Add($"{up.Count} {TerminalText.Escape(Texts.Get("Ui.Upload", culture))} ({Bytes(up)})");
            }

            if (down.Count > 0)
            {
                directions.Add($"{down.Count} {TerminalText.Escape(Texts.Get("Ui.Download", culture))} ({Bytes(down)})");
            }

            var text = $"{Label("Ui.Transfers")} {string.Join(", ", directions)}";
            if (failed > 0)
            {
                text += $", [red]{failed} {TerminalText.Escape(Texts.Get("Ui.LoginFailed", culture))}[/]";
            }

            if (unfinished > 0)
            {
                text += $", [yellow]{unfinished} {TerminalText.Escape(Texts.Get("Ui.TransferIncomplete", culture))}[/]";
            }

            parts.Add(text);
        }

        return string.Join("   ", parts);
    }

    private string Bytes(IEnumerable<FileTransfer> transfers) =>
        TerminalText.Escape(transfers.Sum(t => t.Bytes ?? 0).Bytes().Humanize("0.#", culture));

    private void RenderUnrecognized(FileAnalysis file)
    {
        if (file.Unrecognized.Count == 0)
        {
            return;
        }

        var header = Texts.Format("Ui.UnrecognizedLines", culture, file.Lines.Unrecognized);
        if (file.Unrecognized.Count > UnrecognizedShown)
        {
            header += " — " + Texts.Format("Ui.ShowingFirst", culture, UnrecognizedShown);
        }

        console.MarkupLine($"[yellow]{TerminalText.Escape(header)}[/]");
        var width = file.Unrecognized.Take(UnrecognizedShown).Max(u => u.Line).ToString(CultureInfo.InvariantCulture).Length;
        foreach (var entry in file.Unrecognized.Take(UnrecognizedShown))
        {
            var number = entry.Line.ToString(CultureInfo.InvariantCulture).PadLeft(width);
            console.MarkupLine($"  [grey]{number}[/]  {TerminalText.Line(entry.Text)}");
        }

        console.WriteLine();
    }

    /// <summary>A time as the report shows it: placed, with its offset, when the report was given a placement.</summary>
    private string Time(Events.LogTimestamp time) => times?.Text(time) ?? time.ToString();

    private string Duration(double seconds) =>
        TimeSpan.FromSeconds(seconds).Humanize(precision: 2, culture: culture, minUnit: TimeUnit.Second);

    private void AddFact(List<string> facts, string label, string? value)
    {
        if (!string.IsNullOrEmpty(value))
        {
            facts.Add($"{Label(label)} {TerminalText.Escape(value)}");
        }
    }

    private string Label(string key) => $"[bold]{TerminalText.Escape(Texts.Get(key, culture))}[/]";
}
