using System.Globalization;
using LogLens.Analysis;
using LogLens.Localization;

namespace LogLens.Ftp;

/// <summary>
/// One FTP reply code LogLens knows (RFC 959 section 4.2), or a socket error a client prints: its
/// meaning in each language, its class, and what a session that ends on it can mean.
/// </summary>
public sealed record ReplyCodeInfo
{
    internal ReplyCodeInfo(int code)
    {
        Code = code;
        Signals = global::LogLens.Analysis.Outcomes.OutcomeRules.SignalsFor(code).Select(s => new ReplySignal(s.Outcome, s.Reason)).ToArray();
        Outcomes = Signals.Select(s => s.Outcome).Distinct().ToArray();
    }

    /// <summary>The code, for example <c>530</c>; or a socket error, for example <c>10060</c>.</summary>
    public int Code { get; }

    /// <summary>Whether this is a Windows socket error a client prints (10060, 10061), not a server's reply.</summary>
    public bool IsSocketError => Code > 999;

    /// <summary>
    /// The outcomes a session ending on this code can have (<c>530</c>: IP denied, too many connections
    /// from one IP, server full, anonymous denied, login failed, encryption required), in the order the
    /// analysis tries them. Empty when the code decides no outcome on its own.
    /// </summary>
    public IReadOnlyList<OutcomeKind> Outcomes { get; }

    /// <summary>Each outcome with the reason the analysis gives it for this code (a code may signal one outcome for several reasons).</summary>
    public IReadOnlyList<ReplySignal> Signals { get; }

    /// <summary>What the code means, in <paramref name="culture"/> (the <c>Reply.&lt;code&gt;</c> text).</summary>
    /// <param name="culture">The language, for example <see cref="Texts.English"/> or <see cref="Texts.Chinese"/>.</param>
    /// <returns>The meaning, for example "Not logged in." or "账号或密码错误".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string Meaning(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Texts.Get(string.Create(CultureInfo.InvariantCulture, $"Reply.{Code}"), culture);
    }

    /// <summary>The class the first digit gives the code (1 positive preliminary … 5 permanent negative), or "socket error", in <paramref name="culture"/>.</summary>
    /// <param name="culture">The language.</param>
    /// <returns>The class name, for example "permanent negative" or "永久否定完成应答".</returns>
    /// <exception cref="ArgumentNullException"><paramref name="culture"/> is null.</exception>
    public string ClassName(CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        return Texts.Get(IsSocketError ? "Ui.ReplyClassSocket" : string.Create(CultureInfo.InvariantCulture, $"Ui.ReplyClass{Code / 100}"), culture);
    }
}

/// <summary>An outcome a code can signal, and the reason the analysis then gives.</summary>
/// <param name="Outcome">The outcome.</param>
/// <param name="Reason">The reason (an <see cref="OutcomeReasons"/> id), or null.</param>
public sealed record ReplySignal(OutcomeKind Outcome, string? Reason)
{
    /// <summary>What this means, in a language: the reason's explanation when it has one, else the outcome's.</summary>
    /// <param name="culture">The language.</param>
    /// <returns>The explanation.</returns>
    public string Explanation(CultureInfo culture) => new SessionOutcome(Outcome, Reason, null, []).Explanation(culture);

    /// <summary>What to do about it, in a language.</summary>
    /// <param name="culture">The language.</param>
    /// <returns>The advice.</returns>
    public string Advice(CultureInfo culture) => new SessionOutcome(Outcome, Reason, null, []).Advice(culture);
}
