using LogLens.Analysis;
using LogLens.Ftp;
using LogLens.Tests.Analysis;
using LogLens.Tests.Support;

namespace LogLens.Tests.Ftp;

/// <summary>
/// <c>loglens explain CODE</c> never disagrees with the analysis: every outcome and reason a session
/// gets with a reply code (or a client's socket error), over every sample and case file, is one the
/// catalog lists for that code.
/// </summary>
public class CatalogAgreementTests
{
    public static TheoryData<string> Inputs()
    {
        var data = new TheoryData<string>();
        foreach (var sample in Directory.GetFiles(Path.GetDirectoryName(SampleLogs.PathOf("vsftpd.log"))!, "*.log").Order(StringComparer.Ordinal))
        {
            data.Add("sample:" + Path.GetFileName(sample));
        }

        foreach (var name in TranscriptCase.Names())
        {
            data.Add("case:" + name);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Inputs))]
    public void Explain_lists_every_outcome_the_analysis_gives_for_a_code(string input)
    {
        var analysis = input.StartsWith("sample:", StringComparison.Ordinal)
            ? LogAnalyzer.AnalyzeFile(SampleLogs.PathOf(input["sample:".Length..]))
            : Case(input["case:".Length..]);

        foreach (var session in analysis.Sessions)
        {
            var outcome = session.Outcome;
            var code = outcome.ReplyCode ?? SocketError(outcome.Reason);
            if (code is not { } c)
            {
                continue;
            }

            var info = ReplyCodes.Find(c);
            Assert.True(info is not null, $"{input} session {session.Id}: code {c} is not in the catalog");
            Assert.True(
                info.Signals.Contains(new ReplySignal(outcome.Kind, outcome.Reason)),
                $"{input} session {session.Id}: explain {c} does not list {outcome.Id} ({outcome.Reason}); it lists {string.Join(", ", info.Signals)}");
        }
    }

    private static FileAnalysis Case(string name)
    {
        var c = TranscriptCase.Load(name);
        return Transcript.AnalyzeText(c.Text, c.Format);
    }

    private static int? SocketError(string? reason) => reason switch
    {
        OutcomeReasons.Socket10060 => 10060,
        OutcomeReasons.Socket10061 => 10061,
        _ => null,
    };
}
