using LogLens.Input;
using LogLens.Tests.Localization;

namespace LogLens.Tests.Input;

public class DiagnosticTests
{
    [Theory]
    [InlineData("ftp.log", 12, "ftp.log:12: line of 70000 bytes cut")]
    [InlineData("ftp.log", null, "ftp.log: line of 70000 bytes cut")]
    [InlineData(@"C:\logs\ftp.log", 1, @"C:\logs\ftp.log:1: line of 70000 bytes cut")]
    public void Formats_as_compilers_do(string file, int? line, string expected)
    {
        var diagnostic = new Diagnostic(file, line, DiagnosticSeverity.Warning, "line-too-long", "line of 70000 bytes cut");

        Assert.Equal(expected, diagnostic.ToString());
    }

    public static TheoryData<Diagnostic, int?, DiagnosticSeverity, string, string> Messages => new()
    {
        { DiagnosticMessages.NotFound("a.log"), null, DiagnosticSeverity.Error, "not-found", "no such file or folder" },
        { DiagnosticMessages.Unreadable("a.log", "access denied"), null, DiagnosticSeverity.Error, "unreadable", "cannot be read: access denied" },
        { DiagnosticMessages.ReadFailed("a.log", 41, "bad data"), 42, DiagnosticSeverity.Error, "read-failed", "reading stopped after line 41: bad data" },
        { DiagnosticMessages.Binary("a.log"), null, DiagnosticSeverity.Error, "binary", "not a text log: its start is binary data (NUL and control bytes) rather than lines of text; skipped" },
        { DiagnosticMessages.NulBytes("a.log", 40, 4096), 40, DiagnosticSeverity.Warning, "nul-bytes", "4096 NUL bytes removed (such runs are what a crash or a preallocated file leaves)" },
        { DiagnosticMessages.NulBytesNotListed("a.log", 12, 3000), null, DiagnosticSeverity.Warning, "nul-bytes-not-listed", "12 more runs of NUL bytes (3000 bytes in all) were removed; not listed one by one" },
        { DiagnosticMessages.LinesTooLongNotListed("a.log", 12, 65_536), null, DiagnosticSeverity.Warning, "line-too-long-not-listed", "12 more lines were cut to their first 65536 bytes; not listed one by one" },
        { DiagnosticMessages.Empty("a.log"), null, DiagnosticSeverity.Info, "empty", "the file is empty" },
        { DiagnosticMessages.LineTooLong("a.log", 7, 1_234_567, 65_536), 7, DiagnosticSeverity.Warning, "line-too-long", "line of 1234567 bytes cut to its first 65536 bytes" },
        { DiagnosticMessages.EncodingSwitched("a.log", 9, "GB18030"), 9, DiagnosticSeverity.Info, "encoding-switched", "the first bytes that are not ASCII read as GB18030: the file is read as GB18030 from this line on" },
        { DiagnosticMessages.LineEncoding("a.log", 9, "UTF-8", "GB18030"), 9, DiagnosticSeverity.Warning, "line-encoding", "this line is not UTF-8 like the file; read on its own as GB18030" },
        { DiagnosticMessages.LineEncodingNotListed("a.log", 12), null, DiagnosticSeverity.Warning, "line-encoding-not-listed", "12 more lines were read in an encoding of their own; not listed one by one" },
        { DiagnosticMessages.UnrecognizedNotListed("a.log", 1500), null, DiagnosticSeverity.Warning, "unrecognized-not-listed", "1500 more unrecognized lines are counted but not listed" },
        { DiagnosticMessages.FormatNotRecognized("a.log"), null, DiagnosticSeverity.Warning, "format-unknown", "no known FTP log format recognized in the first lines; all lines reported as unrecognized (try --format)" },
    };

    [Theory]
    [MemberData(nameof(Messages))]
    public void Each_message_has_its_code_severity_and_line(Diagnostic diagnostic, int? line, DiagnosticSeverity severity, string code, string message)
    {
        Assert.Equal(new Diagnostic("a.log", line, severity, code, message), diagnostic);
    }

    public static TheoryData<string> Codes => new(Messages.Select(row => ((Diagnostic)row[0]).Code));

    [Theory]
    [MemberData(nameof(Codes))]
    public void Each_message_is_told_in_both_languages_by_the_resources(string code)
    {
        Assert.False(string.IsNullOrWhiteSpace(ResxFile.English.Texts.GetValueOrDefault("Diagnostic." + code)), $"en lacks Diagnostic.{code}");
        Assert.False(string.IsNullOrWhiteSpace(ResxFile.Chinese.Texts.GetValueOrDefault("Diagnostic." + code)), $"zh-CN lacks Diagnostic.{code}");
    }

    [Fact]
    public void Codes_are_kebab_case()
    {
        foreach (var row in Messages)
        {
            Assert.Matches("^[a-z]+(-[a-z0-9]+)*$", ((Diagnostic)row[0]).Code);
        }
    }
}
