using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Grammar;

/// <summary>A server reply line: its code, whether it ends the reply, and its text.</summary>
/// <param name="Code">The three-digit code.</param>
/// <param name="IsFinal"><see langword="false"/> for <c>230-</c> continuation form.</param>
/// <param name="Message">The text after the code.</param>
internal sealed record ReplyLine(int Code, bool IsFinal, string Message);

/// <summary>A command line: its verb (upper case) and argument, with PASS already redacted.</summary>
/// <param name="Verb">The command verb.</param>
/// <param name="Argument">The argument or null.</param>
internal sealed record CommandLine(string Verb, string? Argument);

/// <summary>The FTP protocol's own lines, shared by every dialect that logs them.</summary>
internal static class ProtocolLines
{
    /// <summary>Every command verb of RFC 959 and its common extensions.</summary>
    public static readonly IReadOnlySet<string> KnownVerbs = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "USER", "PASS", "ACCT", "CWD", "CDUP", "SMNT", "QUIT", "REIN", "PORT", "PASV", "TYPE", "STRU",
        "MODE", "RETR", "STOR", "STOU", "APPE", "ALLO", "REST", "RNFR", "RNTO", "ABOR", "DELE", "RMD",
        "MKD", "PWD", "LIST", "NLST", "SITE", "SYST", "STAT", "HELP", "NOOP", "FEAT", "OPTS", "AUTH",
        "PBSZ", "PROT", "CCC", "EPSV", "EPRT", "LPSV", "LPRT", "MDTM", "SIZE", "MLSD", "MLST", "LANG",
        "HOST", "CLNT", "XPWD", "XCWD", "XCUP", "XMKD", "XRMD", "MFMT", "MFCT", "MFF", "HASH", "AVBL",
        "XCRC", "XMD5", "XSHA1", "CSID", "ADAT", "MIC", "CONF", "ENC",
    };

    /// <summary>
    /// A reply: a code 100–599, then a space, a hyphen (not final) or the end of the line, then text.
    /// </summary>
    public static readonly Parser<char, ReplyLine> Reply =
        Map(
            (code, marker, text) => new ReplyLine(code, marker != '-', text.TrimEnd()),
            Digits(3).Assert(c => c is >= 100 and < 600, "a reply code"),
            OneOf(Char(' '), Char('-')).Or(End.ThenReturn(' ')),
            Rest);

    /// <summary>A known command verb and its optional argument; a PASS argument is replaced by the redaction mark.</summary>
    public static readonly Parser<char, CommandLine> Command =
        Map(
            (verb, argument) => MakeCommand(verb, argument),
            new VerbParser(),
            Spaces.Then(Rest).Optional().Before(End));

    // A log repeats its server's replies and many of its clients' commands word for word.
    private static readonly SpanMemo<ReplyLine?> Replies =
        new(12, 160, text => Reply.Parse(text) is { Success: true } result ? result.Value : null);

    private static readonly SpanMemo<CommandLine?> Commands =
        new(12, 160, text => Command.Parse(text) is { Success: true } result ? result.Value : null);

    /// <summary>Reads a reply with <see cref="Reply"/>, remembering the replies met before.</summary>
    /// <param name="text">The reply as logged.</param>
    /// <returns>The reply, or null when the text is none.</returns>
    public static ReplyLine? ReadReply(ReadOnlySpan<char> text) => Replies.Get(text);

    /// <summary>Reads a command with <see cref="Command"/>, remembering the commands met before.</summary>
    /// <param name="text">The command as logged, its password already redacted.</param>
    /// <returns>The command, or null when the text is none.</returns>
    public static CommandLine? ReadCommand(ReadOnlySpan<char> text) => Commands.Get(text);

    /// <summary>Canonical upper-case verbs, so that a verb read from a line is never a new string.</summary>
    private static readonly Dictionary<string, string> CanonicalVerbs =
        KnownVerbs.ToDictionary(v => v, v => v.ToUpperInvariant(), StringComparer.OrdinalIgnoreCase);

    private static CommandLine MakeCommand(string verb, Maybe<string> argument)
    {
        var upper = verb;
        if (!argument.HasValue)
        {
            return new CommandLine(upper, null);
        }

        var text = argument.Value.TrimEnd();
        if (upper == "PASS")
        {
            return new CommandLine(upper, Redaction.Mark);
        }

        return new CommandLine(upper, text.Length == 0 ? null : text);
    }

    /// <summary>A run of ASCII letters and digits that is a known verb, read as a span and returned in its canonical upper-case form.</summary>
    private sealed class VerbParser : Parser<char, string>
    {
#if NET9_0_OR_GREATER
        private static readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> Lookup =
            CanonicalVerbs.GetAlternateLookup<ReadOnlySpan<char>>();
#endif

        public override bool TryParse(ref ParseState<char> state, ref PooledList<Expected<char>> expecteds, out string result)
        {
            var ahead = state.LookAhead(16);
            var length = 0;
            while (length < ahead.Length && char.IsAsciiLetterOrDigit(ahead[length]))
            {
                length++;
            }

            result = string.Empty;
            string? verb = null;
            if (length is > 0 and <= 8)
            {
#if NET9_0_OR_GREATER
                Lookup.TryGetValue(ahead[..length], out verb);
#else
                CanonicalVerbs.TryGetValue(ahead[..length].ToString(), out verb);
#endif
            }

            if (verb is null)
            {
                state.SetError(Maybe.Nothing<char>(), false, state.Location, "an FTP command");
                expecteds.Add(new Expected<char>("an FTP command"));
                return false;
            }

            result = verb;
            state.Advance(length);
            return true;
        }
    }
}
