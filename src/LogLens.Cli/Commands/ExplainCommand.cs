using System.ComponentModel;
using System.Globalization;
using LogLens.Analysis;
using LogLens.Cli.Rendering;
using LogLens.Ftp;
using LogLens.Localization;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LogLens.Cli.Commands;

/// <summary><c>loglens explain CODE</c>: what a reply code means, what it can signal, what to do.</summary>
internal sealed class ExplainCommand(CliConsoles consoles) : Command<ExplainCommand.Settings>
{
    public override int Execute(CommandContext context, Settings settings, CancellationToken cancellationToken)
    {
        var culture = settings.Culture;
        var info = ReplyCodes.Find(settings.ReplyCode);
        if (info is null)
        {
            consoles.Error.MarkupLine($"[red]loglens:[/] {Markup.Escape(Texts.Format("Ui.UnknownReplyCode", culture, settings.ReplyCode))}");
            return CliApp.UsageError;
        }

        var output = consoles.Out;
        output.MarkupLine($"[bold]{info.Code}[/]  {Markup.Escape(info.Meaning(culture))}");
        output.MarkupLine($"[grey]{Markup.Escape(info.ClassName(culture))}[/]");
        if (info.Outcomes.Count == 0)
        {
            return CliApp.Ok;
        }

        output.WriteLine();
        output.MarkupLine($"[bold]{Markup.Escape(Texts.Get("Ui.CanSignal", culture))}[/]");
        foreach (var kind in info.Outcomes)
        {
            var id = OutcomeIds.ToId(kind);
            output.MarkupLine($"  [{OutcomeStyle.Colour(kind)}]{Markup.Escape(id)}[/] — {Markup.Escape(Texts.Get($"Outcome.{id}.Title", culture))}");
            output.MarkupLine($"    {Markup.Escape(Texts.Get($"Outcome.{id}.Explanation", culture))}");
            output.MarkupLine($"    [bold]{Markup.Escape(Texts.Get("Ui.Advice", culture))}:[/] {Markup.Escape(Texts.Get($"Outcome.{id}.Advice", culture))}");
        }

        return CliApp.Ok;
    }

    /// <summary>Options of <c>explain</c>.</summary>
    internal sealed class Settings : LanguageSettings
    {
        /// <summary>The code as given: read as text and parsed here, so that a wrong one is told in words.</summary>
        [CommandArgument(0, "<CODE>")]
        [Description("A three-digit FTP reply code, such as 530 or 421.")]
        public string Code { get; init; } = string.Empty;

        /// <summary>The code, once validated.</summary>
        public int ReplyCode => int.TryParse(Code, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0;

        public override ValidationResult Validate() =>
            ReplyCode is < 100 or > 999
                ? ValidationResult.Error($"'{Code}' is not a reply code: a reply code is three digits, from 100 to 999")
                : base.Validate();
    }
}
