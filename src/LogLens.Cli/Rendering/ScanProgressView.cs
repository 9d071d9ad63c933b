using System.Globalization;
using LogLens.Localization;
using LogLens.Scanning;
using Spectre.Console;

namespace LogLens.Cli.Rendering;

/// <summary>The live progress of a scan on a terminal: files and bytes done, speed, time left.</summary>
internal static class ScanProgressView
{
    public static Task RunAsync(IAnsiConsole console, LogScan scan, CultureInfo culture, Func<IProgress<ScanProgress>, Task> work) =>
        Display(console)
            .StartAsync(async context =>
            {
                var total = Math.Max(1, scan.Inputs.Sum(i => i.Length));
                var task = context.AddTask(Describe(culture, 0, scan.Inputs.Count), maxValue: total);
                var progress = new Progress(task, culture);
                await work(progress).ConfigureAwait(false);
                task.Value = total;
            });

    /// <summary>The display both commands show while they read: bytes done, speed, time left; gone when done.</summary>
    /// <param name="console">Standard error, a terminal.</param>
    /// <returns>The display, not started.</returns>
    internal static Spectre.Console.Progress Display(IAnsiConsole console) =>
        console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(
                new TaskDescriptionColumn(),
                new ProgressBarColumn(),
                new PercentageColumn(),
                new DownloadedColumn(),
                new TransferSpeedColumn(),
                new RemainingTimeColumn(),
                new SpinnerColumn());

    private static string Describe(CultureInfo culture, int done, int total) =>
        Markup.Escape($"{Texts.Get("Ui.ScanProgress", culture)} {done}/{total}");

    /// <summary>Reports straight into the task: Spectre's tasks are safe to update from any thread.</summary>
    private sealed class Progress(ProgressTask task, CultureInfo culture) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value)
        {
            task.Value = value.BytesDone;
            task.Description = Describe(culture, value.FilesDone, value.FilesTotal);
        }
    }
}
