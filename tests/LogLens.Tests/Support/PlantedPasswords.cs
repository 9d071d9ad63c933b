using System.Globalization;
using System.Text.RegularExpressions;
using LogLens.Parsing;

namespace LogLens.Tests.Support;

/// <summary>
/// A password planted in every format's sample lines, in every shape a password is logged in, for the
/// tests that no event and no output ever shows one. Shared by the library tests and (linked) the CLI tests.
/// </summary>
public static partial class PlantedPasswords
{
    /// <summary>The password planted; no sample holds it.</summary>
    public const string Secret = "Pl4ntedS3cret";

    /// <summary>The passwords put where a sample holds a (masked) one: alone, and with blanks in it.</summary>
    public static IReadOnlyList<string> Passwords { get; } = [Secret, "my " + Secret, Secret + " and more words"];

    /// <summary>How a PASS command and its argument are logged; <c>{0}</c> is the password.</summary>
    public static IReadOnlyList<string> PassShapes { get; } =
    [
        "PASS {0}", "pass {0}", "Pass {0}", "PASS\t{0}", "PASS  {0}", "PASS={0}", "PASS:{0}", "PASS: {0}", "Pass: {0}",
        "PASS my {0} too", "\"PASS {0}\"", "\"PASS a\"{0}\"", "> PASS {0}", "(PASS {0})",
        "Command [pass] [{0}]", "Command [pass][{0}]", "Command  [pass] [{0} x]",
    ];

    /// <summary>The other shapes a password is logged in: URLs, password fields, anonymous logins.</summary>
    public static IReadOnlyList<string> OtherShapes { get; } =
    [
        "ftp://bob:{0}@ftp.example.com/pub", "sftp://bob:{0}@192.0.2.7:22/", "FTP://bob:x{0}@host", "\"ftp://bob:{0}@host/a b\"",
        "password: \"{0}\"", "Password: {0}", "password={0}", "anon password \"{0}\"", "anon password \"a \"{0}\" b\"",
        "ANONYMOUS FTP LOGIN FROM client.example.net [192.0.2.7], {0}@",
        "ANONYMOUS FTP login from client.example.net with ID {0}@",
        "ANONYMOUS FTP LOGIN REFUSED (anonymous ftp denied) FROM client.example.net [192.0.2.7], {0}@",
        "anonymous({0}@) of client.example.net [192.0.2.7] tried to download /etc/passwd",
    ];

    /// <summary>Each sample line of the format followed by its planted variants: headers still lead, and a wrapped line's pieces follow each other.</summary>
    /// <param name="format">The format whose samples to plant in.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> Lines(ILogFormat format) => format.SampleLines.SelectMany(sample => Variants(sample).Prepend(sample));

    /// <summary>The planted variants of one sample line.</summary>
    /// <param name="sample">The line.</param>
    /// <returns>The sample with the password where it holds one (PASS's argument, a password field, an
    /// anonymous login's e-mail), with a URL that carries it in place of its paths, and with every shape
    /// as the rest of the line.</returns>
    public static IEnumerable<string> Variants(string sample)
    {
        foreach (var line in InPlace(sample))
        {
            yield return line;
        }

        if (PathPlace().IsMatch(sample))
        {
            yield return PathPlace().Replace(sample, string.Format(CultureInfo.InvariantCulture, OtherShapes[0], Secret));
        }

        foreach (var shape in PassShapes.Concat(OtherShapes))
        {
            yield return sample + " " + string.Format(CultureInfo.InvariantCulture, shape, Secret);
        }
    }

    /// <summary>The sample with each of <see cref="Passwords"/> where it holds a password; none when it holds none.</summary>
    /// <param name="sample">The line.</param>
    /// <returns>The lines.</returns>
    public static IEnumerable<string> InPlace(string sample) =>
        PasswordPlace().IsMatch(sample) ? Passwords.Select(p => PasswordPlace().Replace(sample, p)) : [];

    /// <summary>
    /// Where a sample holds a password, masked: after <c>PASS</c> (<c>***</c>, <c>*****</c>, vsftpd's
    /// <c>&lt;password&gt;</c>, IIS's <c>-</c>), in Serv-U's <c>password: "***"</c>, and an anonymous login's
    /// e-mail address in ftpd's and xferlog's lines.
    /// </summary>
    [GeneratedRegex("""(?<=\b(?:PASS|pass|Pass:?)[ \t]+)(?:\*+|<password>|-)|(?<=password: ")\*+|(?<=\], )guest@example\.org$|(?<= a )visitor@example\.com(?= ftp)""")]
    private static partial Regex PasswordPlace();

    /// <summary>A path: an absolute one after a blank or quote, or a transfer command's argument.</summary>
    [GeneratedRegex("""(?<=[ "])/[^ "]+|(?<=\b(?:RETR|STOR|DELE|CWD) )[^ /][^ ]*""")]
    private static partial Regex PathPlace();
}
