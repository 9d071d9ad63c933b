using System.Globalization;
using Humanizer;
using LogLens.Localization;
using LogLens.Reporting;
using Spectre.Console;

namespace LogLens.Cli.Rendering;

/// <summary>
/// Per-client notes, at the end of a scan's summary and of an analysis: the clients with the most
/// failed logins (how many, the user names they tried, how fast), the ones retrying faster than every
/// 10 seconds, and what an administrator can do about them.
/// </summary>
internal sealed class ClientNotesView(IAnsiConsole console, CultureInfo culture)
{
    private const int TopClients = 10;
    private const int UsersShown = 5;

    /// <summary>Writes the notes; nothing when no client failed a login or hammered.</summary>
    /// <returns>Whether anything was written.</returns>
    public bool Render(ScanSummary summary)
    {
        var failing = summary.TopFailedClients(TopClients);
        if (failing.Count > 0)
        {
            Heading("Ui.ScanTopClients");
            foreach (var client in failing)
            {
                var line = Texts.Format("Ui.ScanClientLine", culture, client.Client, Texts.Count("Ui.Count.FailedLogins", culture, client.FailedLogins), Texts.Count("Ui.Count.UserNames", culture, client.Users.Count));
                if (client.Users.Count > 0)
                {
                    var names = string.Join(", ", client.Users.Take(UsersShown)) + (client.Users.Count > UsersShown ? ", …" : string.Empty);
                    line += " " + Texts.Format("Ui.ClientUsersTried", culture, names);
                }

                if (client.ShortestRetrySeconds is { } shortest)
                {
                    line += "; " + Texts.Format("Ui.ClientShortestInterval", culture, Interval(shortest));
                }

                console.MarkupLine("  " + TerminalText.Escape(line));
            }
        }

        var hammering = summary.HammeringClients();
        if (hammering.Count > 0)
        {
            Heading("Ui.ScanHammering");
            foreach (var client in hammering.Take(TopClients))
            {
                console.MarkupLine("  [red]" + TerminalText.Escape(Texts.Format("Ui.ScanHammeringLine", culture, client.Client, Interval(client.ShortestRetrySeconds ?? 0))) + "[/]");
            }
        }

        if (failing.Count == 0 && hammering.Count == 0)
        {
            return false;
        }

        console.MarkupLine($"[bold]{TerminalText.Escape(Texts.Get("Ui.Advice", culture))}[/] {TerminalText.Escape(Texts.Get("Ui.ClientNotesAdvice", culture))}");
        return true;
    }

    private string Interval(double seconds) =>
        TimeSpan.FromSeconds(seconds).Humanize(precision: 1, culture: culture, minUnit: Humanizer.TimeUnit.Second);

    private void Heading(string key) => console.MarkupLine($"[bold]{TerminalText.Escape(Texts.Get(key, culture))}[/]");
}
