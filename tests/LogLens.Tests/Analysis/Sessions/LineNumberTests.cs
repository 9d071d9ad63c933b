using LogLens.Analysis;
using LogLens.Input;
using LogLens.Parsing;

namespace LogLens.Tests.Analysis.Sessions;

/// <summary>Line numbers are 64-bit: a log of more than 2³¹ lines (a few hundred GB) keeps its numbers and totals.</summary>
public class LineNumberTests
{
    [Fact]
    public void Lines_past_two_to_the_31st_keep_their_numbers_through_the_session_stage()
    {
        const long far = 3_000_000_000L;
        var format = FormatRegistry.Find("servu")!;
        var parser = format.CreateParser();
        string[] lines =
        [
            "[2] Mon 11Mar02 09:00:01 - (000021) Connected to 198.51.100.7 (Local address 192.0.2.10)",
            "[5] Mon 11Mar02 09:00:03 - (000021) USER alice",
            "[5] Mon 11Mar02 09:00:04 - (000021) PASS ****",
            "[6] Mon 11Mar02 09:00:04 - (000021) 530 Not logged in.",
            "[2] Mon 11Mar02 09:00:05 - (000021) Closed session",
        ];
        var events = lines.Select((text, i) => parser.Parse(new LogLine(far + i, 0, text))).ToList();

        var session = Assert.Single(new SessionAnalyzer("huge.log", format.Name).Analyze(events));

        Assert.Equal((far, far + 4), (session.FirstLine, session.LastLine));
        Assert.Equal(far + 3, Assert.Single(session.Logins).Line);
        Assert.Contains(far + 3, session.Outcome.Evidence);
    }
}
