using System.Globalization;
using LogLens.Analysis;
using LogLens.Cli.Rendering;
using LogLens.Ftp;
using LogLens.Localization;
using Spectre.Console;

namespace LogLens.Cli.Commands;

/// <summary><c>loglens explain CODE</c>: what a reply code means, what it can signal, what to do.</summary>
internal sealed class ExplainCommand(CliConsoles consoles)
{
    public int Execute(Settings settings, CancellationToken cancellationToken)
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

        // Each outcome with the reason the analysis gives it for this code: the reason's own explanation
        // and advice, so that no advice points at a reason that is not shown.
        output.WriteLine();
        output.MarkupLine($"[bold]{Markup.Escape(Texts.Get("Ui.CanSignal", culture))}[/]");
        foreach (var signal in info.Signals)
        {
            var id = OutcomeIds.ToId(signal.Outcome);
            var reason = signal.Reason is null ? string.Empty : $" [grey]({Markup.Escape(signal.Reason)})[/]";
            output.MarkupLine($"  [{OutcomeStyle.Colour(signal.Outcome)}]{Markup.Escape(id)}[/]{reason} — {Markup.Escape(Texts.Get($"Outcome.{id}.Title", culture))}");
            output.MarkupLine($"    {Markup.Escape(signal.Explanation(culture))}");
            output.MarkupLine($"    [bold]{Markup.Escape(Texts.Get("Ui.Advice", culture))}:[/] {Markup.Escape(signal.Advice(culture))}");
        }

        return CliApp.Ok;
    }

    /// <summary>Options of <c>explain</c>.</summary>
    internal sealed class Settings : LanguageSettings
    {
        /// <summary>The code as given: read as text and parsed here, so that a wrong one is told in words.</summary>
        public string Code { get; init; } = string.Empty;

        /// <summary>The code, once validated.</summary>
        public int ReplyCode => int.TryParse(Code, NumberStyles.None, CultureInfo.InvariantCulture, out var code) ? code : 0;

        public override string? Validate() =>
            ReplyCode is (>= 100 and <= 999) or 10060 or 10061
                ? base.Validate()
                : $"'{Code}' is not a reply code: give three digits, from 100 to 999 (such as 530), or a socket error, 10060 or 10061";
    }
}
