using System.Globalization;
using System.Text;
using LogLens.Analysis;
using LogLens.Localization;
using LogLens.Reporting;
using LogLens.Tests.Support;

namespace LogLens.Tests.Reporting;

/// <summary>
/// The writers are fed as the analysis goes (begin file, each session, end file, complete), so that an
/// output never needs the whole log's sessions in memory, and say the same as when handed them all.
/// </summary>
[Collection(MemoryMeasurement.Name)]
public class StreamingWriterTests
{
    public static TheoryData<string> Samples => new(Directory.GetFiles(Path.GetDirectoryName(SampleLogs.PathOf("vsftpd.log"))!, "*.log").Select(Path.GetFileName).Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Samples))]
    public void A_writer_is_told_the_file_then_each_session_in_order_then_its_end(string sample)
    {
        var path = SampleLogs.PathOf(sample);
        var whole = LogAnalyzer.AnalyzeFile(path);
        var writer = new RecordingWriter();

        var streamed = LogAnalyzer.AnalyzeFileTo(path, writer);

        Assert.Equal(["begin " + path, .. whole.Sessions.Select(s => "session " + s.Id), "end " + path], writer.Calls);
        Assert.Empty(streamed.Sessions);
        Assert.Equal(whole.Lines, streamed.Lines);
        Assert.Equal(whole.Format, streamed.Format);
        Assert.Same(streamed, writer.Ended);
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void The_json_document_is_the_same_streamed_as_written_whole(string sample)
    {
        var path = SampleLogs.PathOf(sample);
        using var whole = new MemoryStream();
        JsonReportWriter.Write(whole, [LogAnalyzer.AnalyzeFile(path)], Texts.Chinese);

        using var streamed = new MemoryStream();
        using (var writer = new JsonReportWriter(streamed, Texts.Chinese))
        {
            LogAnalyzer.AnalyzeFileTo(path, writer);
            writer.Complete();
        }

        Assert.Equal(Encoding.UTF8.GetString(whole.ToArray()), Encoding.UTF8.GetString(streamed.ToArray()));
    }

    [Fact]
    public void A_session_from_standard_input_streams_like_one_from_a_file()
    {
        var bytes = File.ReadAllBytes(SampleLogs.PathOf("cuteftp-en-banned.log"));
        var writer = new RecordingWriter();

        var result = LogAnalyzer.AnalyzeStreamTo(new MemoryStream(bytes), "(standard input)", writer);

        Assert.Equal("begin (standard input)", writer.Calls[0]);
        Assert.Equal("end (standard input)", writer.Calls[^1]);
        Assert.Equal("cuteftp-en", result.Format);
        Assert.Contains(writer.Calls, c => c.StartsWith("session ", StringComparison.Ordinal));
    }

    public static TheoryData<string> Writers => new() { "json", "csv" };

    [Theory]
    [MemberData(nameof(Writers))]
    public void A_long_log_reaches_the_output_while_it_is_being_read(string kind)
    {
        // 3,000 short sessions, one after another: most of the document is out before the log ends.
        var log = new StringBuilder();
        for (var i = 0; i < 3000; i++)
        {
            var at = new DateTime(2015, 11, 26, 8, 0, 0).AddSeconds(i * 10);
            var id = (i + 1).ToString("000000", CultureInfo.InvariantCulture);
            var prefix = string.Create(CultureInfo.InvariantCulture, $"({id}) {at:M/d/yyyy H:mm:ss} - (not logged in) (198.51.100.{i % 250})>");
            log.Append(prefix).Append(" Connected, sending welcome message...\n");
            log.Append(prefix).Append(" USER bob\n");
            log.Append(prefix).Append(" 530 Login or password incorrect!\n");
            log.Append(prefix).Append(" disconnected.\n");
        }

        using var output = new MemoryStream();
        ISessionWriter inner = kind == "json" ? new JsonReportWriter(output, Texts.English) : new CsvReportWriter(output);
        var watching = new RecordingWriter(inner, () => output.Length);

        LogAnalyzer.AnalyzeStreamTo(new MemoryStream(Encoding.UTF8.GetBytes(log.ToString())), "server.log", watching);
        var beforeEnd = watching.OutputAtLastSession;
        inner.Complete();
        ((IDisposable)inner).Dispose();

        Assert.Equal(3000, watching.Calls.Count(c => c.StartsWith("session ", StringComparison.Ordinal)));
        Assert.True(beforeEnd > output.Length / 2, $"{beforeEnd} of {output.Length} bytes were written before the log ended");
    }

    [Fact]
    public void Live_memory_follows_the_open_sessions_not_the_length_of_the_log()
    {
        // 100,000 short sessions one after another, through the JSON writer: what is alive on the heap
        // after the 100,000th session is about what was alive after the 5,000th.
        var log = new GeneratedLog(100_000);
        long early = 0;
        long late = 0;
        var watching = new RecordingWriter(new JsonReportWriter(Stream.Null, Texts.English), keepCalls: false)
        {
            AtSession = n =>
            {
                if (n == 5_000)
                {
                    early = GC.GetTotalMemory(forceFullCollection: true);
                }
                else if (n == 100_000)
                {
                    late = GC.GetTotalMemory(forceFullCollection: true);
                }
            },
        };

        LogAnalyzer.AnalyzeStreamTo(log, "server.log", watching);

        Assert.True(early > 0 && late > 0, "the sessions were not all written");
        Assert.True(late - early < 8 << 20, $"live heap grew by {(late - early) >> 10} KiB from the 5,000th session to the 100,000th");
    }

    /// <summary>A FileZilla Server log of failed logins, one short session after another, made as it is read.</summary>
    private sealed class GeneratedLog(int sessions) : LogLens.Input.ForwardOnlyStream
    {
        private byte[] pending = [];
        private int offset;
        private int next;

        public override int Read(Span<byte> destination)
        {
            if (offset == pending.Length)
            {
                if (next == sessions)
                {
                    return 0;
                }

                var at = new DateTime(2015, 11, 26, 8, 0, 0).AddSeconds(next * 10.0);
                var id = (next + 1).ToString("000000", CultureInfo.InvariantCulture);
                var prefix = string.Create(CultureInfo.InvariantCulture, $"({id}) {at:M/d/yyyy H:mm:ss} - (not logged in) (198.51.100.{next % 250})>");
                pending = Encoding.UTF8.GetBytes($"{prefix} Connected, sending welcome message...\n{prefix} USER bob\n{prefix} 530 Login or password incorrect!\n{prefix} disconnected.\n");
                offset = 0;
                next++;
            }

            var n = Math.Min(destination.Length, pending.Length - offset);
            pending.AsSpan(offset, n).CopyTo(destination);
            offset += n;
            return n;
        }
    }

    /// <summary>Notes each call, and passes it on to another writer if given one.</summary>
    private sealed class RecordingWriter(ISessionWriter? inner = null, Func<long>? outputLength = null, bool keepCalls = true) : ISessionWriter
    {
        private int sessions;

        public List<string> Calls { get; } = [];

        public Action<int>? AtSession { get; init; }

        public FileAnalysis? Ended { get; private set; }

        public long OutputAtLastSession { get; private set; }

        public void BeginFile(string path)
        {
            Calls.Add("begin " + path);
            inner?.BeginFile(path);
        }

        public void WriteSession(FtpSession session)
        {
            if (keepCalls)
            {
                Calls.Add("session " + session.Id);
            }

            inner?.WriteSession(session);
            OutputAtLastSession = outputLength?.Invoke() ?? 0;
            AtSession?.Invoke(++sessions);
        }

        public void EndFile(FileAnalysis file)
        {
            Calls.Add("end " + file.Path);
            Ended = file;
            inner?.EndFile(file);
        }

        public void Complete() => inner?.Complete();
    }
}

/// <summary>Tests that measure the process's live heap run alone: other tests' objects would count.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class MemoryMeasurement
{
    /// <summary>The collection's name.</summary>
    public const string Name = "Memory measurement";
}
