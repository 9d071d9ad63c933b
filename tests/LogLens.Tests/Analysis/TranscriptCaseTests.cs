using LogLens.Analysis;
using LogLens.Parsing;
using LogLens.Tests.Support;

namespace LogLens.Tests.Analysis;

/// <summary>
/// The seed's transcripts, one file each under <c>Cases/&lt;format&gt;/</c>, run through the whole
/// pipeline: every session must end as the file's header says.
/// </summary>
public class TranscriptCaseTests
{
    public static TheoryData<string> Cases => new(TranscriptCase.Names());

    public static TheoryData<string> ChineseCases => new(TranscriptCase.Names().Where(n => n.StartsWith("cuteftp-zh/", StringComparison.Ordinal)));

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_session_ends_as_the_case_header_says_with_the_format_forced(string name)
    {
        var c = TranscriptCase.Load(name);

        var analysis = Transcript.AnalyzeText(c.Text, c.Format);

        AssertSessions(c, analysis);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Each_case_is_detected_as_the_format_of_its_folder_and_ends_the_same(string name)
    {
        var c = TranscriptCase.Load(name);

        var analysis = Transcript.AnalyzeText(c.Text);

        Assert.Equal(c.Format, analysis.Format);
        AssertSessions(c, analysis);
    }

    [Theory]
    [MemberData(nameof(ChineseCases))]
    public void A_chinese_case_saved_by_chinese_windows_in_gb18030_ends_the_same(string name)
    {
        var c = TranscriptCase.Load(name);

        var analysis = Transcript.AnalyzeText(c.Text, encoding: Sources.Gb18030);

        Assert.Equal("gb18030", analysis.Encoding);
        Assert.Equal(c.Format, analysis.Format);
        AssertSessions(c, analysis);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Every_line_of_a_case_is_recognized(string name)
    {
        var c = TranscriptCase.Load(name);

        var analysis = Transcript.AnalyzeText(c.Text, c.Format);

        Assert.Empty(analysis.Unrecognized);
        Assert.Equal(c.FileLines.Count(l => !string.IsNullOrWhiteSpace(l) && !l.StartsWith('#')), analysis.Lines.Recognized);
    }

    [Theory]
    [InlineData("cuteftp-zh")]
    [InlineData("cuteftp-en")]
    public void Every_outcome_has_a_case_in_both_transcript_languages(string format)
    {
        var shown = TranscriptCase.Names()
            .Where(n => n.StartsWith(format + "/", StringComparison.Ordinal))
            .SelectMany(n => TranscriptCase.Load(n).Sessions)
            .Select(s => s.Outcome)
            .ToHashSet();

        Assert.Empty(Enum.GetValues<OutcomeKind>().Select(OutcomeIds.ToId).Except(shown));
    }

    [Fact]
    public void The_cases_show_the_seed_errors_in_the_timestamped_style_too()
    {
        var shown = TranscriptCase.Names()
            .Where(n => n.StartsWith("timestamped/", StringComparison.Ordinal))
            .SelectMany(n => TranscriptCase.Load(n).Sessions)
            .Select(s => s.Outcome)
            .ToHashSet();

        Assert.Superset(new HashSet<string> { "succeeded", "anonymous-denied", "login-failed", "too-many-users", "transfer-failed", "timed-out", "incomplete" }, shown);
    }

    private static void AssertSessions(TranscriptCase c, FileAnalysis analysis)
    {
        var expected = c.Sessions.Select(Describe).ToArray();
        var actual = analysis.Sessions.Select(Describe).ToArray();
        Assert.Equal(expected, actual);

        foreach (var session in analysis.Sessions)
        {
            Assert.Equal(session.Outcome.Evidence, session.EvidenceLines.Select(e => e.Line));
            Assert.All(session.EvidenceLines, e => Assert.Equal(Redaction.RedactLine(c.FileLines[(int)e.Line - 1]), e.Text));
            Assert.All(session.Outcome.Evidence, line => Assert.InRange(line, session.FirstLine, session.LastLine));
        }
    }

    // One comparable line per session, in the header's own words, so that a failure shows the whole difference.
    private static string Describe(ExpectedSession s) =>
        Describe(s.Outcome, s.Reason, s.Code, s.Evidence.Select(n => (long)n), s.RetryOf, s.RetryAfter, s.Hammering, s.RetryOf is not null);

    private static string Describe(FtpSession s) =>
        Describe(s.Outcome.Id, s.Outcome.Reason, s.Outcome.ReplyCode, s.Outcome.Evidence, s.Retry?.Of, s.Retry?.AfterSeconds, s.Retry?.Hammering, s.Retry is not null);

    private static string Describe(string outcome, string? reason, int? code, IEnumerable<long> evidence, string? retryOf, double? after, bool? hammering, bool isRetry)
    {
        var text = $"outcome={outcome} reason={reason ?? "-"} code={code?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "-"} evidence={string.Join(",", evidence)}";
        return isRetry
            ? text + $" retry={retryOf} after={after?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"} hammering={hammering?.ToString().ToLowerInvariant() ?? "?"}"
            : text;
    }
}
