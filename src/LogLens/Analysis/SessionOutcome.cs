using System.Globalization;
using LogLens.Localization;

namespace LogLens.Analysis;

/// <summary>What became of a session: a kind, the reason, the decisive reply code, and the lines that show it.</summary>
/// <param name="Kind">The outcome.</param>
/// <param name="Reason">A kebab-case reason from <see cref="OutcomeReasons"/>, or null.</param>
/// <param name="ReplyCode">The decisive server reply code, when a reply decided it.</param>
/// <param name="Evidence">The evidence line numbers, ascending.</param>
public sealed record SessionOutcome(OutcomeKind Kind, string? Reason, int? ReplyCode, IReadOnlyList<long> Evidence)
{
    /// <summary>The outcome's id (<c>login-failed</c>).</summary>
    public string Id => OutcomeIds.ToId(Kind);

    /// <summary>The outcome's short title in a language.</summary>
    /// <param name="culture">The language.</param>
    /// <returns>For example "login failed" or "登录失败".</returns>
    public string Title(CultureInfo culture) => Texts.Get($"Outcome.{Id}.Title", culture);

    /// <summary>Why the session ended so, in a language: the reason's explanation when it has one, else the outcome's.</summary>
    /// <param name="culture">The language.</param>
    /// <returns>The explanation.</returns>
    public string Explanation(CultureInfo culture) =>
        (Reason is null ? null : Texts.Find($"Reason.{Reason}.Explanation", culture)) ?? Texts.Get($"Outcome.{Id}.Explanation", culture);

    /// <summary>
    /// Whom the advice is for: the user at the client, for a client's transcript; the server's
    /// administrator, for a session read from a server's log.
    /// </summary>
    public AdviceAudience Audience { get; init; } = AdviceAudience.User;

    /// <summary>What to do about it, in a language, for its <see cref="Audience"/>.</summary>
    /// <param name="culture">The language.</param>
    /// <returns>The advice.</returns>
    public string Advice(CultureInfo culture) => Audience == AdviceAudience.Administrator
        ? (Reason is null ? null : Texts.Find($"Reason.{Reason}.AdminAdvice", culture)) ?? Texts.Get($"Outcome.{Id}.AdminAdvice", culture)
        : (Reason is null ? null : Texts.Find($"Reason.{Reason}.Advice", culture)) ?? Texts.Get($"Outcome.{Id}.Advice", culture);
}

/// <summary>Whom a session's advice speaks to.</summary>
public enum AdviceAudience
{
    /// <summary>The user at the FTP client (the session was read from the client's transcript).</summary>
    User,

    /// <summary>The server's administrator (the session was read from the server's log).</summary>
    Administrator,
}
