using System.Globalization;
using System.Text;
using LogLens.Input;
using LogLens.Localization;
using LogLens.Parsing;

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

    /// <summary><c>-f|--format</c>: the format every file is read as, instead of detecting it.</summary>
    public string? Format { get; init; }

    /// <summary><c>-e|--encoding</c>: the encoding every file is decoded with, instead of detecting it.</summary>
    public string? Encoding { get; init; }

    /// <summary>The forced format, once validated.</summary>
    public ILogFormat? ResolvedFormat => Format is null ? null : FormatRegistry.Find(Format);

    /// <summary>The forced encoding, once validated.</summary>
    public Encoding? ResolvedEncoding => Encoding is not null && TextEncodings.TryGet(Encoding, out var e) ? e : null;

    public override string? Validate()
    {
        if (Format is not null && FormatRegistry.Find(Format) is null)
        {
            var known = string.Join(", ", FormatRegistry.BuiltIn.Select(f => f.Name));
            return $"unknown format '{Format}'; known formats: {known}";
        }

        if (Encoding is not null && !TextEncodings.TryGet(Encoding, out _))
        {
            return $"'{Encoding}' is not an encoding LogLens reads; it reads {string.Join(", ", ListedEncodings)}, and the other " +
                "code pages that write ASCII as ASCII (not utf-7, utf-32 or EBCDIC)";
        }

        return base.Validate();
    }
}

/// <summary>The <c>--lang</c> option.</summary>
internal class LanguageSettings
{
    /// <summary><c>-l|--lang</c>: the language of explanations and advice.</summary>
    public string? Lang { get; init; }

    /// <summary>The language, once validated.</summary>
    public CultureInfo Culture => Texts.TryGetLanguage(Lang, out var c) ? c : Texts.English;

    /// <summary>What is wrong with the options, in words, for a usage error; null when nothing is.</summary>
    public virtual string? Validate() =>
        Texts.TryGetLanguage(Lang, out _)
            ? null
            : $"unknown language '{Lang}'; use en or zh-CN";
}
