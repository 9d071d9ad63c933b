using System.ComponentModel;
using LogLens.Cli.Rendering;
using LogLens.Input;
using LogLens.Localization;
using LogLens.Reporting;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LogLens.Cli.Commands;

/// <summary><c>loglens analyze FILE...</c>: the per-session report, for a person or (<c>--json</c>) a program.</summary>
internal sealed class AnalyzeCommand(CliConsoles consoles) : Command<AnalyzeCommand.Settings>
{
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var options = new AnalysisOptions { Format = settings.ResolvedFormat, Encoding = settings.ResolvedEncoding };
        string[] files = settings.Files.Length > 0 ? settings.Files : [CliApp.StandardInput];
        if (files.Contains(CliApp.StandardInput) && consoles.In is null)
        {
            consoles.Error.MarkupLine("[red]loglens:[/] there is no standard input to read; name a FILE");
            return CliApp.UsageError;
        }

        if (files.Contains(CliApp.StandardInput) && consoles.InputIsTerminal)
        {
            consoles.Error.MarkupLine(Markup.Escape(Texts.Get("Ui.PasteLog", settings.Culture)));
        }

        var analyses = new List<FileAnalysis>(files.Length);
        foreach (var path in files)
        {
            var analysis = path == CliApp.StandardInput
                ? LogAnalyzer.AnalyzeStream(consoles.In!, CliApp.StandardInputName, options, cancellationToken)
                : LogAnalyzer.AnalyzeFile(path, options, cancellationToken);
            analyses.Add(analysis);
            foreach (var diagnostic in analysis.Diagnostics.Where(d => d.Severity != DiagnosticSeverity.Info))
            {
                var colour = diagnostic.Severity == DiagnosticSeverity.Error ? "red" : "yellow";
                consoles.Error.MarkupLine($"[{colour}]loglens:[/] {Markup.Escape(diagnostic.ToString())}");
            }
        }

        if (settings.Json)
        {
            JsonReportWriter.Write(consoles.RawOut, analyses, settings.Culture);
            consoles.RawOut.Flush();
        }
        else
        {
            new ConsoleReport(consoles.Out, settings.Culture).Render(analyses);
        }

        return analyses.Any(a => a.HasErrors) ? CliApp.InputError : CliApp.Ok;
    }

    /// <summary>Options of <c>analyze</c>.</summary>
    internal sealed class Settings : LogReadingSettings
    {
        [CommandArgument(0, "[FILE]")]
        [Description("Log files to analyse (plain or .gz), each read once, in order. [bold]-[/], or no FILE with input piped in, reads standard input: paste a transcript there.")]
        public string[] Files { get; init; } = [];

        public override ValidationResult Validate()
        {
            if (Files.Count(f => f == CliApp.StandardInput) > 1)
            {
                return ValidationResult.Error("standard input (-) can be read only once");
            }

            return base.Validate();
        }

        [CommandOption("--json")]
        [Description("Write one JSON document (files, sessions, unrecognized lines) instead of the report.")]
        public bool Json { get; init; }
    }
}
