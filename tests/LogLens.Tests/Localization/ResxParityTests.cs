using System.Globalization;

namespace LogLens.Tests.Localization;

public class ResxParityTests
{
    /// <summary>Proper names that English text may quote in Chinese (the dynamic-DNS service 花生壳).</summary>
    private static readonly string[] ChineseNamesAllowedInEnglish = ["花生壳"];

    [Fact]
    public void Every_english_key_has_a_chinese_translation() =>
        Assert.Empty(ResxFile.English.Texts.Keys.Except(ResxFile.Chinese.Texts.Keys).Order());

    [Fact]
    public void Every_chinese_key_exists_in_english() =>
        Assert.Empty(ResxFile.Chinese.Texts.Keys.Except(ResxFile.English.Texts.Keys).Order());

    [Fact]
    public void Both_languages_use_the_same_placeholders_in_every_text()
    {
        var mismatched = ResxFile.English.Texts
            .Where(e => ResxFile.Chinese.Texts.TryGetValue(e.Key, out var zh) && ResxFile.Placeholders(e.Value) != ResxFile.Placeholders(zh))
            .Select(e => e.Key);
        Assert.Empty(mismatched);
    }

    [Fact]
    public void Every_text_is_a_valid_format_string_for_its_placeholders()
    {
        foreach (var file in new[] { ResxFile.English, ResxFile.Chinese })
        {
            foreach (var (key, text) in file.Texts)
            {
                var args = Enumerable.Range(0, 10).Select(i => (object)i).ToArray();
                var ex = Record.Exception(() => string.Format(CultureInfo.InvariantCulture, text, args));
                Assert.True(ex is null, $"{file.Name} {key}: {ex?.Message}");
            }
        }
    }

    [Fact]
    public void Resource_files_hold_only_strings()
    {
        Assert.Empty(ResxFile.English.NonStringKeys);
        Assert.Empty(ResxFile.Chinese.NonStringKeys);
    }

    [Fact]
    public void No_text_is_empty_or_padded()
    {
        var bad = ResxFile.English.Texts.Select(e => (File: "en", e.Key, e.Value))
            .Concat(ResxFile.Chinese.Texts.Select(e => (File: "zh-CN", e.Key, e.Value)))
            .Where(e => string.IsNullOrWhiteSpace(e.Value) || e.Value != e.Value.Trim())
            .Select(e => $"{e.File} {e.Key}");
        Assert.Empty(bad);
    }

    [Fact]
    public void Chinese_texts_are_written_in_chinese() =>
        Assert.Empty(ResxFile.Chinese.Texts.Where(e => !ResxFile.HasChinese(e.Value)).Select(e => e.Key));

    [Fact]
    public void English_texts_are_not_written_in_chinese() =>
        Assert.Empty(ResxFile.English.Texts
            .Where(e => ResxFile.HasChinese(ChineseNamesAllowedInEnglish.Aggregate(e.Value, (text, name) => text.Replace(name, ""))))
            .Select(e => e.Key));

    [Fact]
    public void Translations_differ_from_the_english_text() =>
        Assert.Empty(ResxFile.English.Texts.Where(e => ResxFile.Chinese.Texts.GetValueOrDefault(e.Key) == e.Value).Select(e => e.Key));

    [Fact]
    public void The_library_serves_each_file_for_its_language()
    {
        foreach (var (key, text) in ResxFile.English.Texts)
        {
            Assert.Equal(text, LogLens.Localization.Texts.Get(key, LogLens.Localization.Texts.English));
        }

        foreach (var (key, text) in ResxFile.Chinese.Texts)
        {
            Assert.Equal(text, LogLens.Localization.Texts.Get(key, LogLens.Localization.Texts.Chinese));
        }
    }
}
