using System.Globalization;
using LogLens.Localization;

namespace LogLens.Tests.Localization;

public class TextsTests
{
    [Theory]
    [InlineData(null, true, "en")]
    [InlineData("", true, "en")]
    [InlineData("en", true, "en")]
    [InlineData("EN-us", true, "en")]
    [InlineData("en-GB", true, "en")]
    [InlineData("english", true, "en")]
    [InlineData("zh", true, "zh-CN")]
    [InlineData("zh-CN", true, "zh-CN")]
    [InlineData(" zh-cn ", true, "zh-CN")]
    [InlineData("zh-Hans", true, "zh-CN")]
    [InlineData("Chinese", true, "zh-CN")]
    [InlineData("cn", true, "zh-CN")]
    [InlineData("fr", false, "en")]
    [InlineData("zh-TW", false, "en")]
    [InlineData("de-DE", false, "en")]
    public void TryGetLanguage_maps_names_to_the_languages_LogLens_speaks(string? name, bool known, string culture)
    {
        Assert.Equal(known, Texts.TryGetLanguage(name, out var result));
        Assert.Equal(culture, result.Name);
    }

    [Fact]
    public void Every_advertised_language_name_parses() =>
        Assert.All(Texts.LanguageNames, name => Assert.True(Texts.TryGetLanguage(name, out _), name));

    [Fact]
    public void Get_answers_in_the_language_asked_for()
    {
        Assert.Equal("login failed", Texts.Get("Outcome.login-failed.Title", Texts.English));
        Assert.Equal("登录失败", Texts.Get("Outcome.login-failed.Title", Texts.Chinese));
    }

    [Fact]
    public void A_language_without_its_own_texts_falls_back_to_english() =>
        Assert.Equal("login failed", Texts.Get("Outcome.login-failed.Title", CultureInfo.GetCultureInfo("fr")));

    [Fact]
    public void Format_fills_placeholders_in_each_language()
    {
        Assert.Equal("Session 12", Texts.Format("Ui.Session", Texts.English, 12));
        Assert.Equal("3 个文件，7 个会话", Texts.Format("Ui.Summary", Texts.Chinese, Texts.Count("Ui.Count.Files", Texts.Chinese, 3), Texts.Count("Ui.Count.Sessions", Texts.Chinese, 7)));
    }

    [Fact]
    public void Get_throws_for_a_key_that_does_not_exist() =>
        Assert.Throws<KeyNotFoundException>(() => Texts.Get("Outcome.no-such-thing.Title", Texts.English));

    [Fact]
    public void Find_gives_null_for_a_key_that_does_not_exist() =>
        Assert.Null(Texts.Find("Ui.NoSuchLabel", Texts.Chinese));

    [Theory]
    [InlineData("Ui.Count.Files", "en", 1, "1 file")]
    [InlineData("Ui.Count.Files", "en", 0, "0 files")]
    [InlineData("Ui.Count.Files", "en", 85, "85 files")]
    [InlineData("Ui.Count.Lines", "en", 13691, "13,691 lines")]
    [InlineData("Ui.Count.Sessions", "en", 1, "1 session")]
    [InlineData("Ui.Count.FailedLogins", "en", 1, "1 failed login")]
    [InlineData("Ui.Count.FailedLogins", "en", 10, "10 failed logins")]
    [InlineData("Ui.Count.UserNames", "en", 1, "1 user name tried")]
    [InlineData("Ui.Count.UserNames", "en", 3, "3 user names tried")]
    [InlineData("Ui.Count.Files", "zh-CN", 1, "1 个文件")]
    [InlineData("Ui.Count.Files", "zh-CN", 2, "2 个文件")]
    [InlineData("Ui.Count.FailedLogins", "zh-CN", 1, "登录失败 1 次")]
    [InlineData("Ui.Count.UserNames", "zh-CN", 4, "尝试了 4 个用户名")]
    public void Count_puts_the_noun_in_the_form_the_number_takes(string key, string language, long count, string expected) =>
        Assert.Equal(expected, Texts.Count(key, CultureInfo.GetCultureInfo(language), count));
}
