namespace LogLens.Parsing.Formats.Timestamped;

/// <summary>
/// The seed's second transcript style: every line a ctime timestamp, then the command the client
/// sent or the reply it received (<c>Thu Mar 07 11:46:30 2004 530 Not logged in.</c>). One stream,
/// no session key.
/// </summary>
public sealed class TimestampedTranscriptFormat : LogFormat
{
    private static readonly string[] Samples =
    [
        "Sat Mar 09 09:12:04 2002 USER anonymous",
        "Sat Mar 09 09:12:04 2002 530 Sorry, no ANONYMOUS access allowed",
        "Mon Mar 08 20:03:11 2004 USER mirror",
        "Mon Mar 08 20:03:11 2004 331 User name okay, need password.",
        "Mon Mar 08 20:03:12 2004 PASS ***",
        "Mon Mar 08 20:03:12 2004 530 Not logged in.",
        "Mon Mar 08 20:09:45 2004 421 Too many users - please try again later.",
        "Tue Mar  9 08:00:01 2004 230-Welcome, archive user.",
        "Tue Mar  9 08:00:01 2004 230 User logged in, proceed.",
        "Tue Mar  9 08:00:02 2004 PWD",
        "Tue Mar  9 08:00:02 2004 257 \"/\" is current directory.",
    ];

    /// <summary>A client's transcript: one stream, split into attempts by what the client says.</summary>
    internal override Analysis.SessionContract Sessions => Analysis.SessionContract.Transcript;

    /// <inheritdoc />
    public override string Name => "timestamped";

    /// <inheritdoc />
    public override string Description => "Client transcript with a ctime timestamp on every line: Thu Mar 07 11:46:29 2004 USER name";

    /// <inheritdoc />
    public override IReadOnlyList<string> SampleLines => Samples;

    /// <inheritdoc />
    public override ILineParser CreateParser() => new TimestampedLineParser();
}
