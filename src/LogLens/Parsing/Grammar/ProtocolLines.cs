using System.Collections.Frozen;
using Pidgin;
using static LogLens.Parsing.Grammar.Primitives;
using static Pidgin.Parser;
using static Pidgin.Parser<char>;

namespace LogLens.Parsing.Grammar;

/// <summary>A server reply line: its code, whether it ends the reply, and its text.</summary>
/// <param name="Code">The three-digit code.</param>
/// <param name="IsFinal"><see langword="false"/> for <c>230-</c> continuation form.</param>
/// <param name="Message">The text after the code.</param>
internal readonly record struct ReplyLine(int Code, bool IsFinal, string Message);

/// <summary>A command line: its verb (upper case) and argument, with PASS already redacted.</summary>
/// <param name="Verb">The command verb.</param>
/// <param name="Argument">The argument or null.</param>
internal readonly record struct CommandLine(string Verb, string? Argument);

/// <summary>The FTP protocol's own lines, shared by every dialect that logs them.</summary>
internal static class ProtocolLines
{
    /// <summary>Every command verb of RFC 959 and its common extensions.</summary>
    public static readonly FrozenSet<string> KnownVerbs = new[]
    {
        "USER", "PASS", "ACCT", "CWD", "CDUP", "SMNT", "QUIT", "REIN", "PORT", "PASV", "TYPE", "STRU",
        "MODE", "RETR", "STOR", "STOU", "APPE", "ALLO", "REST", "RNFR", "RNTO", "ABOR", "DELE", "RMD",
        "MKD", "PWD", "LIST", "NLST", "SITE", "SYST", "STAT", "HELP", "NOOP", "FEAT", "OPTS", "AUTH",
        "PBSZ", "PROT", "CCC", "EPSV", "EPRT", "LPSV", "LPRT", "MDTM", "SIZE", "MLSD", "MLST", "LANG",
        "HOST", "CLNT", "XPWD", "XCWD", "XCUP", "XMKD", "XRMD", "MFMT", "MFCT", "MFF", "HASH", "AVBL",
        "XCRC", "XMD5", "XSHA1", "CSID", "ADAT", "MIC", "CONF", "ENC",
    }.ToFrozenSet(StringComparer.OrdinalIgnoreCase);

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
            Letter.Or(Digit).AtLeastOnceString().Assert(KnownVerbs.Contains, "an FTP command"),
            Spaces.Then(Rest).Optional().Before(End));

    private static CommandLine MakeCommand(string verb, Maybe<string> argument)
    {
        var upper = verb.ToUpperInvariant();
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
}
