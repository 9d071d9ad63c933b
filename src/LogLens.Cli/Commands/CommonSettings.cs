using System.ComponentModel;
using System.Globalization;
using System.Text;
using LogLens.Input;
using LogLens.Localization;
using LogLens.Parsing;
using Spectre.Console;
using Spectre.Console.Cli;

namespace LogLens.Cli.Commands;

/// <summary>The options every command that reads logs shares: format, encoding, language.</summary>
internal class LogReadingSettings : LanguageSettings
{
    /// <summary>The encodings a refused <c>--encoding</c> lists, each one that LogLens reads.</summary>
    internal static readonly string[] ListedEncodings =
    [
        "utf-8", "utf-16le", "utf-16be", "gb18030", "gbk", "big5", "shift_jis", "euc-jp", "euc-kr",
        "latin1", "iso-8859-2", "iso-8859-15", "windows-1250", "windows-1251", "windows-1252", "koi8-r", "us-ascii",
    ];

    [CommandOption("-f|--format <NAME>")]
    [Description("Read every file as this format instead of detecting it (see [bold]loglens formats[/]).")]
    public string? Format { get; init; }

    [CommandOption("-e|--encoding <NAME>")]
    [Description("Decode every file with this encoding (utf-8, gbk, gb18030, utf-16le, …) instead of detecting it.")]
    public string? Encoding { get; init; }

    /// <summary>The forced format, once validated.</summary>
    public ILogFormat? ResolvedFormat => Format is null ? null : FormatRegistry.Find(Format);

    /// <summary>The forced encoding, once validated.</summary>
    public Encoding? ResolvedEncoding => Encoding is not null && TextEncodings.TryGet(Encoding, out var e) ? e : null;

    public override ValidationResult Validate()
    {
        if (Format is not null && FormatRegistry.Find(Format) is null)
        {
            var known = string.Join(", ", FormatRegistry.BuiltIn.Select(f => f.Name));
            return ValidationResult.Error($"unknown format '{Format}'; known formats: {known}");
        }

        if (Encoding is not null && !TextEncodings.TryGet(Encoding, out _))
        {
            return ValidationResult.Error(
                $"'{Encoding}' is not an encoding LogLens reads; it reads {string.Join(", ", ListedEncodings)}, and the other " +
                "code pages that write ASCII as ASCII (not utf-7, utf-32 or EBCDIC)");
        }

        return base.Validate();
    }
}

/// <summary>The <c>--lang</c> option.</summary>
internal class LanguageSettings : CommandSettings
{
    [CommandOption("-l|--lang <LANG>")]
    [Description("Language of explanations and advice: [bold]en[/] (default) or [bold]zh-CN[/].")]
    public string? Lang { get; init; }

    /// <summary>The language, once validated.</summary>
    public CultureInfo Culture => Texts.TryGetLanguage(Lang, out var c) ? c : Texts.English;

    public override ValidationResult Validate() =>
        Texts.TryGetLanguage(Lang, out _)
            ? ValidationResult.Success()
            : ValidationResult.Error($"unknown language '{Lang}'; use en or zh-CN");
}
