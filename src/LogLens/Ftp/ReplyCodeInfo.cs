using System.Globalization;
using LogLens.Analysis;
using LogLens.Localization;

namespace LogLens.Ftp;

/// <summary>
/// One FTP reply code LogLens knows (RFC 959 section 4.2): its meaning in each language, its class,
/// and what a session that ends on it can mean.
/// </summary>
public sealed record ReplyCodeInfo
{
    internal ReplyCodeInfo(int code, IReadOnlyList<OutcomeKind> outcomes)
    {
        Code = code;
        Outcomes = outcomes;
    }

    /// <summary>The three-digit code, for example <c>530</c>.</summary>
    public int Code { get; }

    /// <summary>
    /// The outcomes a session ending on this reply can have (<c>530</c>: anonymous denied, login failed,
    /// too many connections from one IP, IP denied). Empty when the code decides no outcome on its own.
    /// </summary>
    public IReadOnlyList<OutcomeKind> Outcomes { get; }

    /// <summary>What the code means, in <paramref name="culture"/> (the <c>Reply.&lt;code&gt;</c> text).</summary>
    /// <param name="culture">The language, for example <see cref="Texts.English"/> or <see cref="Texts.Chinese"/>.</param>
    /// <returns>The meaning, for example "Not logged in." or "账号或密码错误".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string Meaning(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Texts.Get(string.Create(CultureInfo.InvariantCulture, $"Reply.{Code}"), culture);
    }

    /// <summary>The class the first digit gives the code (1 positive preliminary … 5 permanent negative), in <paramref name="culture"/>.</summary>
    /// <param name="culture">The language.</param>
    /// <returns>The class name, for example "permanent negative" or "永久否定完成应答".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string ClassName(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Texts.Get(string.Create(CultureInfo.InvariantCulture, $"Ui.ReplyClass{Code / 100}"), culture);
    }
}
