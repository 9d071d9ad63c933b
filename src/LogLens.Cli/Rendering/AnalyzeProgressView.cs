using System.Globalization;
using LogLens.Localization;
using Spectre.Console;

namespace LogLens.Cli.Rendering;

/// <summary>The live progress of <c>analyze</c> over large files on a terminal: bytes read, speed, time left.</summary>
internal static class AnalyzeProgressView
{
    /// <summary>Below this many bytes in all, a run ends before a progress display would say anything.</summary>
    public const long From = 4 << 20;

    /// <summary>Runs <paramref name="work"/> under a progress display on <paramref name="console"/>.</summary>
    /// <param name="console">Standard error, a terminal.</param>
    /// <param name="total">The bytes of all the files.</param>
    /// <param name="culture">The language of the label.</param>
    /// <param name="work">The reading, told where to report each file's bytes read: its offset among the files, then its own count.</param>
    public static void Run(IAnsiConsole console, long total, CultureInfo culture, Action<Action<long, long>> work) =>
        ScanProgressView.Display(console)
            .Start(context =>
            {
                var task = context.AddTask(Markup.Escape(Texts.Get("Ui.AnalyzeProgress", culture)), maxValue: Math.Max(1, total));
                work((before, read) => task.Value = before + read);
                task.Value = task.MaxValue;
            });
}
