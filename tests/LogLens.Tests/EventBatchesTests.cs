using LogLens.Events;

namespace LogLens.Tests;

/// <summary>A file parsed on a thread of its own: the same events, in order, its failures and its end passed on.</summary>
public class EventBatchesTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(30);

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1023)]
    [InlineData(1024)]
    [InlineData(1025)]
    [InlineData(50_000)]
    public void The_events_arrive_all_and_in_order_whatever_their_number(int count)
    {
        var events = Numbered(count).ToList();

        var received = EventBatches.OnThreadOfTheirOwn(events, CancellationToken.None).ToList();

        Assert.Equal(events, received);
    }

    [Fact]
    public void The_events_are_read_on_another_thread()
    {
        var caller = Environment.CurrentManagedThreadId;
        var readOn = -1;

        _ = EventBatches.OnThreadOfTheirOwn(Observed(() => readOn = Environment.CurrentManagedThreadId), CancellationToken.None).ToList();

        Assert.NotEqual(caller, readOn);
    }

    [Fact]
    public void A_failure_while_reading_is_thrown_to_the_caller_after_the_events_before_it()
    {
        var received = new List<FtpEvent>();

        var thrown = Assert.Throws<IOException>(() =>
        {
            foreach (var e in EventBatches.OnThreadOfTheirOwn(FailingAfter(3000), CancellationToken.None))
            {
                received.Add(e);
            }
        });

        Assert.Equal("disk gone", thrown.Message);
        Assert.Equal(3000, received.Count);
    }

    [Fact]
    public void Leaving_early_stops_the_reading_thread()
    {
        using var ended = new ManualResetEventSlim();

        foreach (var _ in EventBatches.OnThreadOfTheirOwn(Endless(ended), CancellationToken.None))
        {
            break;
        }

        Assert.True(ended.Wait(Patience), "the reading thread went on after the caller left");
    }

    [Fact]
    public void Cancelling_stops_both_threads_with_operation_cancelled()
    {
        using var cancel = new CancellationTokenSource();
        using var ended = new ManualResetEventSlim();
        var received = 0;

        Assert.ThrowsAny<OperationCanceledException>(() =>
        {
            foreach (var _ in EventBatches.OnThreadOfTheirOwn(Endless(ended, cancel.Token), cancel.Token))
            {
                if (++received == 5000)
                {
                    cancel.Cancel();
                }
            }
        });

        Assert.True(ended.Wait(Patience), "the reading thread went on after the cancellation");
    }

    [Fact]
    public void A_token_cancelled_before_the_start_ends_with_operation_cancelled_not_a_hang()
    {
        using var cancel = new CancellationTokenSource();
        cancel.Cancel();
        using var ended = new ManualResetEventSlim();

        var reading = Task.Run(() => EventBatches.OnThreadOfTheirOwn(Endless(ended, cancel.Token), cancel.Token).ToList());

        Assert.True(((IAsyncResult)reading).AsyncWaitHandle.WaitOne(Patience), "the reading never ended");
        Assert.IsAssignableFrom<OperationCanceledException>(reading.Exception?.InnerException);
    }

    private static IEnumerable<FtpEvent> Numbered(int count) =>
        Enumerable.Range(1, count).Select(n => (FtpEvent)new UnrecognizedLine { Line = n, Text = $"line {n}" });

    private static IEnumerable<FtpEvent> Observed(Action onRead)
    {
        onRead();
        yield return new UnrecognizedLine { Line = 1, Text = "x" };
    }

    private static IEnumerable<FtpEvent> FailingAfter(int count)
    {
        foreach (var e in Numbered(count))
        {
            yield return e;
        }

        throw new IOException("disk gone");
    }

    // A source that never ends by itself, as a reader that checks its token every so often (the real one does, every 1024 lines).
    private static IEnumerable<FtpEvent> Endless(ManualResetEventSlim ended, CancellationToken token = default)
    {
        try
        {
            for (var n = 1; ; n++)
            {
                if (n % 1024 == 0)
                {
                    token.ThrowIfCancellationRequested();
                }

                yield return new UnrecognizedLine { Line = n, Text = "x" };
            }
        }
        finally
        {
            ended.Set();
        }
    }
}
