namespace LogLens.Analysis;

/// <summary>Facts read from a line's words that are not verdicts (those are the rule table's: <see cref="Outcomes.OutcomeRules"/>).</summary>
internal static class ReplyTexts
{
    /// <summary>Whether a user name is one of the anonymous ones.</summary>
    public static bool IsAnonymousUser(string? user) =>
        user is not null && (user.Equals("anonymous", StringComparison.OrdinalIgnoreCase) || user.Equals("ftp", StringComparison.OrdinalIgnoreCase));

    /// <summary>The byte count a 150 reply announces (<c>(1048576 bytes)</c>), if any.</summary>
    public static long? AnnouncedBytes(string text)
    {
        var at = text.LastIndexOf(" bytes)", StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var open = text.LastIndexOf('(', at);
        return open >= 0 && long.TryParse(text.AsSpan(open + 1, at - open - 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : null;
    }
}
