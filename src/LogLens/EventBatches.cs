using System.Collections.Concurrent;
using System.Runtime.ExceptionServices;
using LogLens.Events;

namespace LogLens;

/// <summary>
/// Runs a file's reading and parsing on a thread of its own, handing its events to the caller's
/// thread in batches, so that parsing one part of a file and grouping the part before into sessions
/// go on at once on two cores.
/// </summary>
internal static class EventBatches
{
    // Large enough that handing over costs nothing per event, small enough that the two threads stay busy together.
    private const int BatchSize = 1024;

    // How many batches the reading thread may be ahead: a few MB of events at the most.
    private const int BatchesAhead = 16;

    /// <summary>
    /// The events of <paramref name="events"/>, in order, enumerated on another thread. Whatever that
    /// enumeration throws is thrown here, with its own stack trace; stopping early stops it.
    /// </summary>
    /// <param name="events">The events; enumerated once, on a thread of its own.</param>
    /// <param name="cancellationToken">Stops both threads.</param>
    /// <returns>The same events.</returns>
    public static IEnumerable<FtpEvent> OnThreadOfTheirOwn(IEnumerable<FtpEvent> events, CancellationToken cancellationToken)
    {
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        using var batches = new BlockingCollection<FtpEvent[]>(BatchesAhead);
        ExceptionDispatchInfo? failure = null;
        var reader = Task.Factory.StartNew(
            () =>
            {
                var batch = new FtpEvent[BatchSize];
                var count = 0;
                try
                {
                    foreach (var e in events)
                    {
                        batch[count++] = e;
                        if (count == BatchSize)
                        {
                            batches.Add(batch, stop.Token);
                            batch = new FtpEvent[BatchSize];
                            count = 0;
                        }
                    }
                }
                catch (OperationCanceledException) when (stop.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
                {
                    // The caller stopped reading: nothing to report.
                }
                catch (Exception e)
                {
                    failure = ExceptionDispatchInfo.Capture(e);
                }
                finally
                {
                    // The events read before the end, or before a failure, as a sequential reading would have
                    // passed them on (unless the caller has gone: then no one waits for them).
                    try
                    {
                        if (count > 0)
                        {
                            batches.Add(batch[..count], stop.Token);
                        }
                    }
                    catch (OperationCanceledException)
                    {
                        // stopped while waiting for room
                    }

                    batches.CompleteAdding();
                }
            },
            // Not the token: a task cancelled before it starts would never complete the hand-over.
            CancellationToken.None,
            TaskCreationOptions.LongRunning,
            TaskScheduler.Default);

        try
        {
            foreach (var batch in batches.GetConsumingEnumerable())
            {
                foreach (var e in batch)
                {
                    yield return e;
                }
            }

            // Completed: what the reading thread wrote (counts, diagnostics) is visible to this one.
            reader.Wait(CancellationToken.None);
            failure?.Throw();
        }
        finally
        {
            // Left early, or failed: the reading thread stops at its next hand-over and ends (it throws nothing).
            stop.Cancel();
            reader.Wait(CancellationToken.None);
        }
    }
}
