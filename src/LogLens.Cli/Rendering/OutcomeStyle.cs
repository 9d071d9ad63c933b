using LogLens.Analysis;

namespace LogLens.Cli.Rendering;

/// <summary>How outcomes look on a terminal.</summary>
internal static class OutcomeStyle
{
    /// <summary>The colour of an outcome: green for success, red for refusals and failures, yellow for dropped or timed-out, grey when undecided.</summary>
    public static string Colour(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Succeeded => "green",
        OutcomeKind.ConnectionClosed or OutcomeKind.TimedOut or OutcomeKind.TooManyUsers => "yellow",
        OutcomeKind.Incomplete or OutcomeKind.Unknown => "grey",
        _ => "red",
    };

    /// <summary>A one-character mark that survives without colour.</summary>
    public static string Mark(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Succeeded => "✓",
        OutcomeKind.Incomplete or OutcomeKind.Unknown => "?",
        _ => "✗",
    };
}
