using System.Diagnostics.Tracing;

namespace LogLens.Benchmarks;

/// <summary>
/// What a scan of one file allocates, by type: the runtime reports a sample every ~100 KB allocated
/// (its allocation tick), which is enough to see which types dominate. A look, not a benchmark.
/// </summary>
internal static class Allocations
{
    public static void Run(string path, int top)
    {
        using var listener = new AllocationTicks();
        var scan = Scanning.LogScan.Find([path], new Scanning.ScanOptions { Jobs = 1 });
        using (var writer = new Reporting.CsvReportWriter(Stream.Null))
        {
            foreach (var session in scan.SessionsAsync().ToBlockingEnumerable())
            {
                writer.WriteSession(session);
            }
        }

        var byType = listener.Snapshot();
        var total = byType.Values.Sum();
        Console.WriteLine($"{total / 1e6:0} MB sampled in all");
        foreach (var (type, bytes) in byType.OrderByDescending(t => t.Value).Take(top))
        {
            Console.WriteLine($"{bytes * 100.0 / total,5:0.0}% {bytes / 1e6,7:0} MB  {type}");
        }
    }

    private sealed class AllocationTicks : EventListener
    {
        private const EventKeywords GcKeyword = (EventKeywords)0x1;
        private readonly Dictionary<string, long> byType = new(StringComparer.Ordinal);

        public Dictionary<string, long> Snapshot()
        {
            lock (byType)
            {
                return new Dictionary<string, long>(byType, StringComparer.Ordinal);
            }
        }

        protected override void OnEventSourceCreated(EventSource eventSource)
        {
            if (eventSource.Name == "Microsoft-Windows-DotNETRuntime")
            {
                EnableEvents(eventSource, EventLevel.Verbose, GcKeyword);
            }
        }

        protected override void OnEventWritten(EventWrittenEventArgs eventData)
        {
            if (eventData.EventName?.StartsWith("GCAllocationTick", StringComparison.Ordinal) != true || eventData.PayloadNames is not { } names)
            {
                return;
            }

            var type = eventData.Payload![names.IndexOf("TypeName")] as string ?? "?";
            var amount = Convert.ToInt64(eventData.Payload[names.IndexOf("AllocationAmount")], System.Globalization.CultureInfo.InvariantCulture);
            lock (byType)
            {
                byType[type] = byType.GetValueOrDefault(type) + amount;
            }
        }
    }
}
