using System.ComponentModel;
using LogLens.Cli.Rendering;
using LogLens.Input;
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
        var analyses = new List<FileAnalysis>(settings.Files.Length);
        foreach (var path in settings.Files)
        {
            var analysis = LogAnalyzer.AnalyzeFile(path, options, cancellationToken);
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
        [CommandArgument(0, "<FILE>")]
        [Description("Log files to analyse (plain or .gz). Each is read once, in order.")]
        public string[] Files { get; init; } = [];

        [CommandOption("--json")]
        [Description("Write one JSON document (files, sessions, unrecognized lines) instead of the report.")]
        public bool Json { get; init; }
    }
}
