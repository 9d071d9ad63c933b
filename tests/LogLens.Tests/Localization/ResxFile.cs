using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace LogLens.Tests.Localization;

/// <summary>The string resources of one <c>.resx</c> file, read straight from the file (copied next to the tests).</summary>
public sealed partial class ResxFile
{
    private ResxFile(string name, IReadOnlyDictionary<string, string> texts, IReadOnlyList<string> nonStringKeys)
    {
        Name = name;
        Texts = texts;
        NonStringKeys = nonStringKeys;
    }

    public static ResxFile English { get; } = Load("Strings.resx");

    public static ResxFile Chinese { get; } = Load("Strings.zh-CN.resx");

    public string Name { get; }

    public IReadOnlyDictionary<string, string> Texts { get; }

    /// <summary>Entries that are not plain strings (a type or mimetype attribute).</summary>
    public IReadOnlyList<string> NonStringKeys { get; }

    /// <summary>The distinct composite-format placeholders (<c>{0}</c>, <c>{1:g}</c> as <c>{1}</c>) of a text, sorted.</summary>
    public static string Placeholders(string text) =>
        string.Join(",", PlaceholderPattern().Matches(text).Select(m => int.Parse(m.Groups[1].Value)).Distinct().Order());

    /// <summary>
    /// Whether a text is written in Chinese: CJK unified ideographs, or Chinese punctuation (full-width
    /// commas and colons), which is all a template such as <c>{0}，{1}</c> holds.
    /// </summary>
    public static bool HasChinese(string text) => ChinesePattern().IsMatch(text);

    private static ResxFile Load(string fileName)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "Resx", fileName);
        var root = XDocument.Load(path).Root ?? throw new InvalidDataException($"{fileName} is empty");
        var data = root.Elements("data").ToList();
        var duplicates = data.GroupBy(d => (string?)d.Attribute("name")).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (duplicates.Count > 0)
        {
            throw new InvalidDataException($"{fileName} has duplicate keys: {string.Join(", ", duplicates)}");
        }

        return new ResxFile(
            fileName,
            data.ToDictionary(d => (string)d.Attribute("name")!, d => (string?)d.Element("value") ?? string.Empty),
            data.Where(d => d.Attribute("type") is not null || d.Attribute("mimetype") is not null)
                .Select(d => (string)d.Attribute("name")!).ToList());
    }

    [GeneratedRegex(@"(?<!\{)\{(\d+)(?:[,:][^}]*)?\}")]
    private static partial Regex PlaceholderPattern();

    [GeneratedRegex(@"[\p{IsCJKUnifiedIdeographs}\p{IsCJKSymbolsandPunctuation}\p{IsHalfwidthandFullwidthForms}]")]
    private static partial Regex ChinesePattern();
}
