using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using LogLens.Analysis;
using LogLens.Benchmarks.Generators;
using LogLens.Events;
using LogLens.Input;
using LogLens.Parsing;

namespace LogLens.Tests.Analysis.Sessions;

/// <summary>
/// LogLens against generated server logs whose ground truth is known: the connection every line
/// truly belongs to (see <c>tests/LogLens.Benchmarks/Generators</c>). Each log has a few thousand
/// interleaved connections, with shared addresses, parallel connections, failed logins, refusals,
/// transfers, hang-ups and timeouts, and session keys that come back (pids that wrap, ids after a
/// restart). Every line must be read, every line of a connection must be in one session of its own,
/// and there must be as many sessions as connections. With <c>LOGLENS_GROUND_TRUTH_DIR</c> set, each
/// generated log and its truth are also written there, to look at.
/// </summary>
public class GroundTruthTests
{
    private const int Connections = 3000;
    private const int Shown = 8;

    private static readonly ConcurrentDictionary<(string Format, int Seed), Lazy<Verdict>> Verdicts = new();

    public static TheoryData<string, int> Logs()
    {
        var data = new TheoryData<string, int>();
        foreach (var format in LogGenerators.Formats)
        {
            for (var seed = 1; seed <= 5; seed++)
            {
                data.Add(format, seed);
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void No_generated_line_is_unrecognized(string format, int seed)
    {
        var verdict = Check(format, seed);

        Assert.True(
            verdict.Unrecognized == 0,
            $"{verdict.Title}: {verdict.Unrecognized} generated lines unrecognized, for example:\n  {string.Join("\n  ", verdict.UnrecognizedExamples)}");
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Every_line_is_in_its_true_session(string format, int seed)
    {
        var verdict = Check(format, seed);

        Assert.True(verdict.Misplaced == 0, verdict.Report());
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void There_is_one_session_per_connection(string format, int seed)
    {
        var verdict = Check(format, seed);

        Assert.True(
            verdict.Connections == verdict.Sessions,
            $"{verdict.Connections} connections but {verdict.Sessions} sessions. {verdict.Report()}");
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void Every_session_of_a_log_with_connect_lines_starts_at_its_connect(string format, int seed)
    {
        var verdict = Check(format, seed);

        Assert.True(verdict.NotStartingAtConnect.Count == 0, $"{verdict.Title}: sessions not starting at a connect line:\n  {string.Join("\n  ", verdict.NotStartingAtConnect)}");
    }

    [Theory]
    [MemberData(nameof(Logs))]
    public void No_session_silent_longer_than_its_idle_timeout_before_the_end_is_incomplete(string format, int seed)
    {
        var verdict = Check(format, seed);

        Assert.True(verdict.IncompleteButIdle.Count == 0, $"{verdict.Title}: incomplete sessions idle past the timeout at the end:\n  {string.Join("\n  ", verdict.IncompleteButIdle)}");
    }

    private static Verdict Check(string format, int seed) =>
        Verdicts.GetOrAdd((format, seed), key => new Lazy<Verdict>(() => Verdict.Of(key.Format, key.Seed))).Value;

    /// <summary>What LogLens made of one generated log, against its truth: counts, and the first few lines it got wrong.</summary>
    private sealed record Verdict
    {
        public required string Title { get; init; }

        public required int Lines { get; init; }

        public required int Connections { get; init; }

        public required int Sessions { get; init; }

        public required int Unrecognized { get; init; }

        public required IReadOnlyList<string> UnrecognizedExamples { get; init; }

        /// <summary>Lines not in their true session (those in no session included).</summary>
        public required int Misplaced { get; init; }

        /// <summary>Lines of a connection that are in no session.</summary>
        public required int NotPlaced { get; init; }

        /// <summary>Connections whose lines are spread over several sessions.</summary>
        public required int Split { get; init; }

        /// <summary>Sessions holding lines of several connections.</summary>
        public required int Merged { get; init; }

        public required IReadOnlyList<string> MisplacedExamples { get; init; }

        /// <summary>Sessions whose first line is not a connect line, in a log whose connections all have one.</summary>
        public required IReadOnlyList<string> NotStartingAtConnect { get; init; }

        /// <summary>Sessions called incomplete though silent for longer than the format's idle timeout before the log's last time.</summary>
        public required IReadOnlyList<string> IncompleteButIdle { get; init; }

        public static Verdict Of(string format, int seed)
        {
            var options = new GeneratorOptions { Seed = seed, Connections = GroundTruthTests.Connections, PidMax = 3000 + (seed * 600) };
            var log = new StringWriter(CultureInfo.InvariantCulture);
            var truthLog = new StringWriter(CultureInfo.InvariantCulture);
            var generated = LogGenerators.Generate(format, options, log, truthLog);
            if (Environment.GetEnvironmentVariable("LOGLENS_GROUND_TRUTH_DIR") is { Length: > 0 } folder)
            {
                Directory.CreateDirectory(folder);
                var path = Path.Combine(folder, $"{format}-seed{seed}.log");
                File.WriteAllText(path, log.ToString());
                File.WriteAllText(path + ".truth", truthLog.ToString());
            }

            var lines = log.ToString().Split('\n')[..^1];
            var truth = truthLog.ToString().Split('\n')[..^1];
            Assert.Equal(lines.Length, truth.Length);

            var logFormat = FormatRegistry.Find(format) ?? throw new InvalidOperationException($"no format {format}");
            var parser = logFormat.CreateParser();
            var events = lines.Select((text, i) => parser.Parse(new LogLine(i + 1, 0, text))).ToArray();
            var placed = new string?[lines.Length];
            var sessions = new SessionAnalyzer("gen.log", logFormat.Name) { Placed = (line, id) => placed[line - 1] = id }
                .Analyze(events)
                .ToList();
            TellApartReusedIds(sessions, placed);

            var unrecognized = events.Where(e => e is UnrecognizedLine).ToArray();
            var connects = events.Where(e => e is ConnectEvent).Select(e => e.Line).ToHashSet();
            var lastTime = events.Where(e => e.Time is not null).Max(e => e.Time!.Value);
            var idle = SessionContract.Of(logFormat).IdleTimeout.TotalSeconds;
            var (misplaced, notPlaced, split, merged, examples) = Compare(lines, truth, placed, events);
            return new Verdict
            {
                Title = $"{format}, seed {seed} (pid_max {options.PidMax})",
                Lines = lines.Length,
                Connections = generated.Connections,
                Sessions = sessions.Count,
                Unrecognized = unrecognized.Length,
                UnrecognizedExamples = unrecognized.Take(Shown).Select(e => $"line {e.Line}: {e.Text}").ToArray(),
                Misplaced = misplaced,
                NotPlaced = notPlaced,
                Split = split,
                Merged = merged,
                MisplacedExamples = examples,
                NotStartingAtConnect = connects.Count == 0 ? [] : sessions.Where(s => !connects.Contains(s.FirstLine)).Select(s => $"{s.Id} at line {s.FirstLine}: {lines[s.FirstLine - 1]}").ToArray(),
                IncompleteButIdle = sessions
                    .Where(s => s.Outcome.Kind == OutcomeKind.Incomplete && s.End is { } end && lastTime.SecondsSince(end) > idle)
                    .Select(s => $"{s.Id} (lines {s.FirstLine}-{s.LastLine}), silent since {s.End}, log ends {lastTime}").ToArray(),
            };
        }

        public string Report()
        {
            var text = new StringBuilder()
                .Append(CultureInfo.InvariantCulture, $"{Title}: {Lines} lines, {Connections} connections, {Sessions} sessions found; ")
                .Append(CultureInfo.InvariantCulture, $"{Misplaced} lines misplaced ({NotPlaced} of them in no session); ")
                .Append(CultureInfo.InvariantCulture, $"{Split} connections spread over several sessions, {Merged} sessions holding lines of several connections");
            foreach (var example in MisplacedExamples)
            {
                text.Append("\n  ").Append(example);
            }

            return text.ToString();
        }

        /// <summary>
        /// An id names one session of a file, but one LogLens no longer remembers may be given again:
        /// such sessions are told apart by their lines (<c>id@first line</c>).
        /// </summary>
        private static void TellApartReusedIds(List<FtpSession> sessions, string?[] placed)
        {
            foreach (var same in sessions.GroupBy(s => s.Id).Where(g => g.Count() > 1))
            {
                foreach (var session in same)
                {
                    for (var line = session.FirstLine; line <= session.LastLine; line++)
                    {
                        if (placed[line - 1] == session.Id)
                        {
                            placed[line - 1] = $"{session.Id}@{session.FirstLine}";
                        }
                    }
                }
            }
        }

        /// <summary>
        /// Each connection's home is the session holding most of its lines, each session's owner the
        /// connection with most lines in it; a line is in its true session when its session is its
        /// connection's home and its connection that session's owner. A line of no connection must be
        /// in no session.
        /// </summary>
        private static (int Misplaced, int NotPlaced, int Split, int Merged, string[] Examples) Compare(string[] lines, string[] truth, string?[] placed, FtpEvent[] events)
        {
            var counts = new Dictionary<(string Connection, string Session), int>();
            for (var i = 0; i < lines.Length; i++)
            {
                if (truth[i] != LogWriter.NoConnection && placed[i] is { } session)
                {
                    counts[(truth[i], session)] = counts.GetValueOrDefault((truth[i], session)) + 1;
                }
            }

            // Most lines first.
            var sessionsOf = counts.GroupBy(c => c.Key.Connection).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Value).Select(c => c.Key.Session).ToArray());
            var connectionsIn = counts.GroupBy(c => c.Key.Session).ToDictionary(g => g.Key, g => g.OrderByDescending(c => c.Value).Select(c => c.Key.Connection).ToArray());
            string Sessions(string connection) => sessionsOf.TryGetValue(connection, out var found) ? string.Join(", ", found) : "none";

            var misplaced = 0;
            var notPlaced = 0;
            var examples = new List<string>();
            var shown = new HashSet<string>(StringComparer.Ordinal);
            for (var i = 0; i < lines.Length; i++)
            {
                var connection = truth[i];
                var session = placed[i];
                string? wrong = null;
                if (connection == LogWriter.NoConnection)
                {
                    if (session is not null)
                    {
                        wrong = $"of no connection, found in session {session} (of {string.Join(", ", connectionsIn.GetValueOrDefault(session) ?? [])})";
                    }
                }
                else if (session is null)
                {
                    notPlaced++;
                    wrong = $"truth {connection}, in no session ({events[i].GetType().Name}); {connection} is in {Sessions(connection)}";
                }
                else if (sessionsOf[connection][0] != session || connectionsIn[session][0] != connection)
                {
                    wrong = $"truth {connection}, found in session {session} (of {string.Join(", ", connectionsIn[session])}); {connection} is in {Sessions(connection)}";
                }

                if (wrong is not null)
                {
                    misplaced++;

                    // The first wrong line of each of the first few connections concerned.
                    if (examples.Count < Shown && (connection == LogWriter.NoConnection || shown.Add(connection)))
                    {
                        examples.Add($"line {i + 1}: {wrong} | {lines[i]}");
                    }
                }
            }

            return (misplaced, notPlaced, sessionsOf.Count(c => c.Value.Length > 1), connectionsIn.Count(s => s.Value.Length > 1), examples.ToArray());
        }
    }
}
