using System.Runtime.CompilerServices;
using System.Threading.Channels;
using LogLens.Analysis;
using LogLens.Input;

namespace LogLens.Scanning;

/// <summary>
/// A scan of files and folders: the files found, what could not be read, and the sessions of all
/// files as one ordered async stream (by file path, then first line), the same whatever the number
/// of parallel jobs. Each file is read once, streaming; memory follows open sessions, not file sizes.
/// </summary>
public sealed class LogScan
{
    // How far a file read in parallel may run ahead of the output, which takes files in order: about a
    // 25 MB log's sessions (some 16 MB held at the most); beyond it its reader waits for the output.
    private const int SessionsBufferedPerFile = 16384;

    private readonly ScanOptions options;
    private readonly FileAnalysis?[] files;
    private readonly object progressLock = new();
    private long bytesDone;
    private int filesDone;
    private int started;

    private LogScan(IReadOnlyList<ScanInput> inputs, IReadOnlyList<Diagnostic> problems, ScanOptions options)
    {
        Inputs = inputs;
        Problems = problems;
        this.options = options;
        files = new FileAnalysis?[inputs.Count];
    }

    /// <summary>The files to read, sorted by path.</summary>
    public IReadOnlyList<ScanInput> Inputs { get; }

    /// <summary>
    /// Entries named while looking for files: errors for those that could not be read (missing, a broken
    /// link, a link cycle, no permission), warnings for those left out on purpose (a link to a folder the
    /// walk is inside of).
    /// </summary>
    public IReadOnlyList<Diagnostic> Problems { get; }

    /// <summary>
    /// Per file, once its sessions have been read: format, encoding, line counts and diagnostics
    /// (its <see cref="FileAnalysis.Sessions"/> is empty: the sessions went to the stream).
    /// </summary>
    public IReadOnlyList<FileAnalysis> Files => files.OfType<FileAnalysis>().ToArray();

    /// <summary>Finds the files to read under the given paths.</summary>
    /// <param name="paths">Files and folders.</param>
    /// <param name="options">What to take and how to read it.</param>
    /// <returns>The scan, ready to read.</returns>
    /// <exception cref="ArgumentException">A glob of <see cref="ScanOptions.Include"/> or <see cref="ScanOptions.Exclude"/> is empty or not a glob.</exception>
    public static LogScan Find(IEnumerable<string> paths, ScanOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(paths);
        options ??= new ScanOptions();
        var (inputs, problems) = LogFileFinder.Find(paths, options);
        return new LogScan(inputs, problems, options);
    }

    /// <summary>
    /// Reads every file, <see cref="ScanOptions.Jobs"/> at a time, and yields their sessions in
    /// order of file path, then first line. Can be enumerated once.
    /// </summary>
    /// <exception cref="InvalidOperationException">When enumerated a second time.</exception>
    /// <param name="progress">Told of files and bytes done, from any thread, one report at a time and in order.</param>
    /// <param name="cancellationToken">Stops the scan.</param>
    /// <returns>The sessions.</returns>
    public async IAsyncEnumerable<FtpSession> SessionsAsync(
        IProgress<ScanProgress>? progress = null,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref started, 1) != 0)
        {
            // A second pass would add to the first one's progress and results.
            throw new InvalidOperationException("The sessions of a scan can be read only once; call LogScan.Find again.");
        }

        var total = Inputs.Sum(i => i.Length);
        if (Math.Min(options.Jobs, Inputs.Count) <= 1)
        {
            // One job: read each file on this thread, with no hand-off between threads at all.
            for (var i = 0; i < Inputs.Count; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();
                foreach (var session in Read(i, total, progress, cancellationToken))
                {
                    yield return session;
                }
            }

            cancellationToken.ThrowIfCancellationRequested();
            yield break;
        }

        var channels = Inputs.Select(_ => Channel.CreateBounded<FtpSession>(new BoundedChannelOptions(SessionsBufferedPerFile)
        {
            SingleReader = true,
            SingleWriter = true,
            FullMode = BoundedChannelFullMode.Wait,
        })).ToArray();

        using var gate = new SemaphoreSlim(Math.Max(1, options.Jobs));
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var workers = Task.Run(() => StartWorkers(channels, gate, total, progress, stop.Token), stop.Token);
        try
        {
            for (var i = 0; i < channels.Length; i++)
            {
                await foreach (var session in channels[i].Reader.ReadAllAsync(stop.Token).ConfigureAwait(false))
                {
                    yield return session;
                }
            }

            await workers.ConfigureAwait(false);
        }
        finally
        {
            await stop.CancelAsync().ConfigureAwait(false);
            try
            {
                await workers.ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                // stopping early is fine
            }
        }
    }

    /// <summary>
    /// Reads every file as <see cref="SessionsAsync"/> does and feeds a writer: each file begun, its
    /// sessions, its end, in the order of the files (a file without sessions too), then completes it.
    /// </summary>
    /// <param name="writer">The output.</param>
    /// <param name="progress">Told of files and bytes done.</param>
    /// <param name="cancellationToken">Stops the scan.</param>
    /// <returns>When all is written.</returns>
    public async Task WriteToAsync(Reporting.ISessionWriter writer, IProgress<ScanProgress>? progress = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var next = 0; // the next input to begin
        var open = -1; // the input begun last and not yet ended
        await foreach (var session in SessionsAsync(progress, cancellationToken).ConfigureAwait(false))
        {
            if (open < 0 || !string.Equals(Inputs[open].Path, session.File, StringComparison.Ordinal))
            {
                End(open);
                open = -1;

                // The files before this one had no sessions: they are begun and ended in their turn.
                while (next < Inputs.Count && !string.Equals(Inputs[next].Path, session.File, StringComparison.Ordinal))
                {
                    Begin(next);
                    End(next++);
                }

                if (next < Inputs.Count)
                {
                    Begin(next);
                    open = next++;
                }
            }

            writer.WriteSession(session);
        }

        End(open);
        while (next < Inputs.Count)
        {
            Begin(next);
            End(next++);
        }

        writer.Complete();

        void Begin(int index) => writer.BeginFile(Inputs[index].Path);

        void End(int index)
        {
            if (index >= 0 && files[index] is FileAnalysis file)
            {
                writer.EndFile(file);
            }
        }
    }

    private async Task StartWorkers(Channel<FtpSession>[] channels, SemaphoreSlim gate, long total, IProgress<ScanProgress>? progress, CancellationToken token)
    {
        var running = new List<Task>(channels.Length);
        try
        {
            for (var i = 0; i < channels.Length; i++)
            {
                await gate.WaitAsync(token).ConfigureAwait(false);
                var index = i;
                // A thread of its own: a file's analysis is long, synchronous work, and the pool's few
                // threads (one per core) must stay free for the consumer's continuations.
                running.Add(Task.Factory.StartNew(
                    () =>
                    {
                        try
                        {
                            Analyze(index, channels[index].Writer, total, progress, token);
                        }
                        finally
                        {
                            channels[index].Writer.TryComplete();
                            gate.Release();
                        }
                    },
                    token,
                    TaskCreationOptions.LongRunning,
                    TaskScheduler.Default));
            }
        }
        finally
        {
            // Cancelled while waiting for a free job: the files already started must still end
            // before the scan does (they use the gate, the channels and the results array).
            await Task.WhenAll(running).ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        }

        await Task.WhenAll(running).ConfigureAwait(false);
    }

    private void Analyze(int index, ChannelWriter<FtpSession> writer, long total, IProgress<ScanProgress>? progress, CancellationToken token)
    {
        foreach (var session in Read(index, total, progress, token))
        {
            while (!writer.TryWrite(session))
            {
                if (!writer.WaitToWriteAsync(token).AsTask().GetAwaiter().GetResult())
                {
                    return;
                }
            }
        }
    }

    /// <summary>One file's sessions, in order; its summary is kept and its progress reported as it goes.</summary>
    private IEnumerable<FtpSession> Read(int index, long total, IProgress<ScanProgress>? progress, CancellationToken token)
    {
        var input = Inputs[index];
        using var source = LogSource.Open(input.Path, LogAnalyzer.SourceOptions(options.Analysis));
        long reported = 0;

        // Plain files report their progress as lines are read (every MB), whether or not sessions
        // end on the way; compressed ones when done (what was read is counted decompressed).
        var run = new AnalysisRun(source, options.Analysis, token)
        {
            ReadProgress = source.IsCompressed || progress is null ? null : read =>
            {
                if (read - reported > (1 << 20))
                {
                    var step = Math.Min(read, input.Length) - reported;
                    reported += step;
                    Report(progress, step, 0, total);
                }
            },
        };
        // With cores to spare (one large file and two jobs, say), a file is parsed on one thread and
        // grouped into sessions on another.
        foreach (var session in run.Sessions(twoThreads: options.Jobs >= 2 * Inputs.Count))
        {
            yield return session;
        }

        files[index] = run.Result([]);
        Report(progress, input.Length - reported, 1, total);
    }

    /// <summary>
    /// Counts and reports under one lock, so that each report is a consistent snapshot and reports
    /// arrive in order: two separate atomic counters let the last file's report miss the last bytes.
    /// </summary>
    private void Report(IProgress<ScanProgress>? progress, long bytes, int filesFinished, long total)
    {
        lock (progressLock)
        {
            bytesDone += bytes;
            filesDone += filesFinished;
            progress?.Report(new ScanProgress(filesDone, Inputs.Count, bytesDone, total));
        }
    }
}
