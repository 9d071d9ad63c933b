using System.Collections.Concurrent;
using System.Text;
using LogLens.Analysis;
using LogLens.Reporting;
using LogLens.Scanning;
using LogLens.Tests.Support;

namespace LogLens.Tests.Scanning;

public sealed class LogScanSessionsTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);
    private readonly ScanFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(8)]
    public async Task The_scan_yields_the_sessions_of_each_file_as_analysing_it_alone_would_in_file_then_line_order(int jobs)
    {
        var scan = LogScan.Find([folder.Root], new ScanOptions { Jobs = jobs });
        var expected = scan.Inputs.SelectMany(i => LogAnalyzer.AnalyzeFile(i.Path).Sessions).Select(SessionRow.From).ToArray();

        var sessions = await Collect(scan);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, sessions.Select(SessionRow.From));
        Assert.Equal(sessions.OrderBy(s => s.File, StringComparer.Ordinal).ThenBy(s => s.FirstLine), sessions);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task A_file_alone_reads_the_same_whether_parsed_on_the_scans_thread_or_on_one_of_its_own(int jobs)
    {
        foreach (var input in LogScan.Find([folder.Root]).Inputs)
        {
            var alone = LogAnalyzer.AnalyzeFile(input.Path);
            var scan = LogScan.Find([input.Path], new ScanOptions { Jobs = jobs });

            var sessions = await Collect(scan);

            Assert.Equal(alone.Sessions.Select(SessionRow.From), sessions.Select(SessionRow.From));
            Assert.Equal(alone.Sessions.Select(s => string.Join(",", s.Outcome.Evidence)), sessions.Select(s => string.Join(",", s.Outcome.Evidence)));
            var file = Assert.Single(scan.Files);
            Assert.Equal((alone.Lines, alone.Format), (file.Lines, file.Format));
            Assert.Equal(alone.Diagnostics, file.Diagnostics);
        }
    }

    [Fact]
    public async Task Sessions_keep_their_outcome_evidence_and_retry_links()
    {
        var path = folder.Path(ScanFolder.ChineseFolder + "/cuteftp-zh-retry.log");
        var alone = LogAnalyzer.AnalyzeFile(path).Sessions;

        var sessions = await Collect(LogScan.Find([path]));

        Assert.Equal(alone.Select(s => (s.Outcome.Kind, s.Outcome.Reason, s.Retry?.AfterSeconds)), sessions.Select(s => (s.Outcome.Kind, s.Outcome.Reason, s.Retry?.AfterSeconds)));
        Assert.Equal(alone.Select(s => string.Join(",", s.Outcome.Evidence)), sessions.Select(s => string.Join(",", s.Outcome.Evidence)));
    }

    [Fact]
    public async Task After_the_sessions_every_file_has_its_line_counts_format_and_diagnostics()
    {
        var scan = LogScan.Find([folder.Root], new ScanOptions { Jobs = 3 });

        await Collect(scan);

        Assert.Equal(scan.Inputs.Select(i => i.Path), scan.Files.Select(f => f.Path));
        foreach (var file in scan.Files)
        {
            var alone = LogAnalyzer.AnalyzeFile(file.Path);
            Assert.Equal(alone.Lines, file.Lines);
            Assert.Equal(alone.Format, file.Format);
            Assert.Equal(alone.IsCompressed, file.IsCompressed);
            Assert.Equal(alone.Diagnostics, file.Diagnostics);
            Assert.Empty(file.Sessions);
        }

        Assert.True(scan.Files.Single(f => f.Path.EndsWith(".gz", StringComparison.Ordinal)).IsCompressed);
        Assert.Equal("binary", Assert.Single(scan.Files.Single(f => f.Path == folder.Path(ScanFolder.BinaryFile)).Diagnostics).Code);
    }

    [Fact]
    public async Task Unreadable_lists_the_broken_link_and_the_binary_file_and_nothing_else()
    {
        var scan = LogScan.Find([folder.Root]);

        await Collect(scan);

        Assert.Equal(
            [folder.Path(ScanFolder.BrokenLink), folder.Path(ScanFolder.BinaryFile)],
            ScanSummary.Unreadable(scan).Select(d => d.File));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Progress_reaches_all_files_and_all_bytes_and_never_goes_past_them(int jobs)
    {
        var scan = LogScan.Find([folder.Root], new ScanOptions { Jobs = jobs });
        var reports = new ConcurrentQueue<ScanProgress>();

        await Collect(scan, new Recorder(reports.Enqueue));

        var total = scan.Inputs.Sum(i => i.Length);
        Assert.All(reports, r => Assert.Equal((scan.Inputs.Count, total), (r.FilesTotal, r.BytesTotal)));
        Assert.All(reports, r => Assert.InRange(r.BytesDone, 0, total));
        Assert.Contains(reports, r => r.FilesDone == r.FilesTotal && r.BytesDone == r.BytesTotal);
    }

    [Fact]
    public async Task Progress_reports_of_parallel_jobs_come_in_order_and_the_last_has_every_file_and_byte()
    {
        Directory.CreateDirectory(folder.Path("tiny"));
        for (var i = 0; i < 64; i++)
        {
            File.WriteAllText(folder.Path($"tiny/{i:00}.log"), "x\n");
        }

        // A race, so several rounds: each must end on the totals, never going back on the way.
        for (var round = 0; round < 20; round++)
        {
            var scan = LogScan.Find([folder.Path("tiny")], new ScanOptions { Jobs = 16 });
            var reports = new ConcurrentQueue<ScanProgress>();

            await Collect(scan, new Recorder(reports.Enqueue));

            var list = reports.ToArray();
            Assert.Equal((64, scan.Inputs.Sum(i => i.Length)), (list[^1].FilesDone, list[^1].BytesDone));
            Assert.All(list.Zip(list.Skip(1)), p => Assert.True(p.Second.FilesDone >= p.First.FilesDone && p.Second.BytesDone >= p.First.BytesDone));
        }
    }

    public static TheoryData<string> LargeFiles => new() { "many sessions", "one long session", "no known format" };

    [Theory]
    [MemberData(nameof(LargeFiles))]
    public async Task Progress_of_a_large_plain_file_is_reported_before_it_ends(string kind)
    {
        var path = folder.Path("big.log");
        File.WriteAllText(path, LargeLog(kind), new UTF8Encoding(false));
        var scan = LogScan.Find([path]);
        var reports = new ConcurrentQueue<ScanProgress>();

        await Collect(scan, new Recorder(reports.Enqueue));

        Assert.True(reports.Count(r => r.FilesDone == 0 && r.BytesDone > 0) >= 5, $"{reports.Count} reports");
        Assert.Equal(reports.Select(r => r.BytesDone).Order(), reports.Select(r => r.BytesDone));
        Assert.Equal(new FileInfo(path).Length, reports.Last().BytesDone);
    }

    [Fact]
    public async Task The_sessions_of_a_scan_can_be_read_only_once()
    {
        var scan = LogScan.Find([folder.Path("servu.log")]);
        await Collect(scan);

        await Assert.ThrowsAsync<InvalidOperationException>(() => Collect(scan));
        Assert.Single(scan.Files);
    }

    [Fact]
    public async Task An_empty_scan_yields_nothing_and_ends()
    {
        var scan = LogScan.Find([folder.Root], new ScanOptions { Include = ["*.nothing"] });

        Assert.Empty(await Collect(scan).WaitAsync(Patience));
        Assert.Empty(scan.Files);
    }

    [Fact]
    public async Task Cancelling_before_the_start_throws_operation_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        await cancel.CancelAsync();
        var scan = LogScan.Find([folder.Root]);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Collect(scan, token: cancel.Token).WaitAsync(Patience));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(4)]
    public async Task Cancelling_mid_scan_stops_it_with_operation_cancelled_without_hanging(int jobs)
    {
        for (var i = 0; i < 6; i++)
        {
            File.WriteAllText(folder.Path($"big{i}.log"), ManyServUSessions(5_000), new UTF8Encoding(false));
        }

        var scan = LogScan.Find([folder.Root], new ScanOptions { Jobs = jobs });
        using var cancel = new CancellationTokenSource();
        var read = 0;

        async Task Read()
        {
            await foreach (var unused in scan.SessionsAsync(cancellationToken: cancel.Token))
            {
                if (++read == 10)
                {
                    await cancel.CancelAsync();
                }
            }
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => Read().WaitAsync(Patience));
        Assert.InRange(read, 10, (6 * 5_000) - 1); // stopped well before the end
    }

    [Fact]
    public async Task A_cancelled_scan_does_not_end_while_one_of_its_files_is_still_being_read()
    {
        var scan = LogScan.Find([folder.Path("servu.log"), folder.Path(ScanFolder.UsersLog)], new ScanOptions { Jobs = 1 });
        using var cancel = new CancellationTokenSource();
        using var inReport = new ManualResetEventSlim();
        using var release = new ManualResetEventSlim();

        // The first file's worker is held inside its last progress report, after cancellation.
        var progress = new Recorder(_ =>
        {
            if (!inReport.IsSet)
            {
                cancel.Cancel();
                inReport.Set();
                release.Wait(Patience);
            }
        });
        var run = Task.Run(() => Collect(scan, progress, cancel.Token));
        Assert.True(inReport.Wait(Patience));

        var endedWhileBusy = await Task.WhenAny(run, Task.Delay(300)) == run;
        release.Set();

        Assert.False(endedWhileBusy, "the scan ended while a worker was still reading");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run.WaitAsync(Patience));
    }

    [Fact]
    public async Task Leaving_the_stream_early_stops_the_workers()
    {
        for (var i = 0; i < 4; i++)
        {
            File.WriteAllText(folder.Path($"big{i}.log"), ManyServUSessions(5_000), new UTF8Encoding(false));
        }

        var scan = LogScan.Find([folder.Root], new ScanOptions { Jobs = 2 });

        async Task<FtpSession?> First()
        {
            await foreach (var session in scan.SessionsAsync())
            {
                return session;
            }

            return null;
        }

        Assert.NotNull(await First().WaitAsync(Patience));
    }

    private static async Task<List<FtpSession>> Collect(LogScan scan, IProgress<ScanProgress>? progress = null, CancellationToken token = default)
    {
        var sessions = new List<FtpSession>();
        await foreach (var session in scan.SessionsAsync(progress, token))
        {
            sessions.Add(session);
        }

        return sessions;
    }

    /// <summary>About 8 MB of log, in one of three shapes.</summary>
    private static string LargeLog(string kind) => kind switch
    {
        "many sessions" => ManyServUSessions(14_000),
        "one long session" => "[2] Tue 12Mar02 10:00:01 - (000031) Connected to 192.0.2.31 (Local address 192.0.2.10)\n" + string.Concat(Enumerable.Repeat(
            "[5] Tue 12Mar02 10:00:02 - (000031) NOOP\n[6] Tue 12Mar02 10:00:02 - (000031) 200 NOOP command successful.\n", 80_000)),
        _ => string.Concat(Enumerable.Range(0, 150_000).Select(i => $"noise line {i:000000} that no FTP log format knows about\n")),
    };

    /// <summary>A Serv-U log of that many short sessions (about 7 lines each).</summary>
    private static string ManyServUSessions(int count)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            var id = $"({i % 999_999:000000})";
            var second = i % 60;
            text.Append($"[2] Tue 12Mar02 11:{i / 60 % 60:00}:{second:00} - {id} Connected to 198.51.100.{i % 250} (Local address 192.0.2.10)\n");
            text.Append($"[6] Tue 12Mar02 11:{i / 60 % 60:00}:{second:00} - {id} 220 Serv-U FTP Server v6.0 for WinSock ready...\n");
            text.Append($"[5] Tue 12Mar02 11:{i / 60 % 60:00}:{second:00} - {id} USER user{i}\n");
            text.Append($"[6] Tue 12Mar02 11:{i / 60 % 60:00}:{second:00} - {id} 331 User name okay, need password.\n");
            text.Append($"[5] Tue 12Mar02 11:{i / 60 % 60:00}:{second:00} - {id} PASS ****\n");
            text.Append($"[6] Tue 12Mar02 11:{i / 60 % 60:00}:{second:00} - {id} 530 Not logged in.\n");
            text.Append($"[2] Tue 12Mar02 11:{i / 60 % 60:00}:{second:00} - {id} Closing connection for 198.51.100.{i % 250} (00:00:00 connected)\n");
        }

        return text.ToString();
    }

    /// <summary>Calls back on the reporting thread itself (unlike <see cref="Progress{T}"/>), so nothing is lost or reordered.</summary>
    private sealed class Recorder(Action<ScanProgress> report) : IProgress<ScanProgress>
    {
        public void Report(ScanProgress value) => report(value);
    }
}
