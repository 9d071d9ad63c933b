using System.Globalization;
using System.Resources;

namespace LogLens.Localization;

/// <summary>
/// Every user-facing sentence of LogLens (explanations, advice, reply meanings, report labels),
/// looked up by key in <c>Strings.resx</c> and its <c>zh-CN</c> variant.
/// </summary>
public static class Texts
{
    private static readonly ResourceManager Resources = new("LogLens.Localization.Strings", typeof(Texts).Assembly);

    /// <summary>English.</summary>
    public static CultureInfo English { get; } = CultureInfo.GetCultureInfo("en");

    /// <summary>Simplified Chinese.</summary>
    public static CultureInfo Chinese { get; } = CultureInfo.GetCultureInfo("zh-CN");

    /// <summary>The languages LogLens speaks, by the names <c>--lang</c> takes.</summary>
    public static IReadOnlyList<string> LanguageNames { get; } = ["en", "zh-CN"];

    /// <summary>Parses a language name (<c>en</c>, <c>zh-CN</c>, also <c>zh</c>, <c>zh-Hans</c>).</summary>
    /// <param name="name">The name.</param>
    /// <param name="culture">The culture.</param>
    /// <returns>Whether LogLens speaks it.</returns>
    public static bool TryGetLanguage(string? name, out CultureInfo culture)
    {
        switch (name?.Trim().ToLowerInvariant())
        {
            case null or "" or "en" or "en-us" or "en-gb" or "english":
                culture = English;
                return true;
            case "zh" or "zh-cn" or "zh-hans" or "chinese" or "cn":
                culture = Chinese;
                return true;
            default:
                culture = English;
                return false;
        }
    }

    /// <summary>The text for <paramref name="key"/> in <paramref name="culture"/>, falling back to English.</summary>
    /// <param name="key">The resource key (for example <c>Outcome.login-failed.Advice</c>).</param>
    /// <param name="culture">The language.</param>
    /// <returns>The text.</returns>
    /// <exception cref="KeyNotFoundException">No such key: a bug in LogLens, caught by its tests.</exception>
    public static string Get(string key, CultureInfo culture) =>
        Resources.GetString(key, culture) ?? throw new KeyNotFoundException($"No text for '{key}'.");

    /// <summary>The text for <paramref name="key"/>, or <see langword="null"/> when there is none.</summary>
    /// <param name="key">The resource key.</param>
    /// <param name="culture">The language.</param>
    /// <returns>The text or null.</returns>
    public static string? Find(string key, CultureInfo culture) => Resources.GetString(key, culture);

    /// <summary>The text for <paramref name="key"/> with its <c>{0}</c> placeholders filled in.</summary>
    /// <param name="key">The resource key.</param>
    /// <param name="culture">The language.</param>
    /// <param name="args">The values.</param>
    /// <returns>The text.</returns>
    public static string Format(string key, CultureInfo culture, params object?[] args) =>
        string.Format(culture, Get(key, culture), args);

    /// <summary>
    /// A count with its noun in the form the count takes: "1 file", "2 files" (the text
    /// <c>key.One</c> for exactly one, else <c>key.Other</c>; a language without plural forms gives
    /// both the same text). The number is written in the culture's digits and group separators.
    /// </summary>
    /// <param name="key">The counted phrase's key, without <c>.One</c>/<c>.Other</c>.</param>
    /// <param name="culture">The language.</param>
    /// <param name="count">How many.</param>
    /// <returns>The phrase.</returns>
    public static string Count(string key, CultureInfo culture, long count) =>
        string.Format(culture, Get(count == 1 ? key + ".One" : key + ".Other", culture), count.ToString("N0", culture));
}
