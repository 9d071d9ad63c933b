using System.Globalization;
using System.Text;
using LogLens;
using LogLens.Reporting;
using SharpFuzz;

// The whole pipeline on whatever afl-fuzz makes: bytes in, every output written, the invariants checked.
// A broken invariant is thrown, which afl-fuzz records as a crash with the input that caused it.
Fuzzer.OutOfProcess.Run(input =>
{
    using var copy = new MemoryStream();
    input.CopyTo(copy);
    copy.Position = 0;
    var analysis = LogAnalyzer.AnalyzeStream(copy, "fuzz.log");

    var lines = analysis.Lines;
    if (lines.Recognized + lines.Unrecognized + lines.Blank + lines.Other != lines.Total)
    {
        throw new InvalidOperationException($"the line counts do not add up: {lines}");
    }

    using var json = new MemoryStream();
    JsonReportWriter.Write(json, [analysis], CultureInfo.InvariantCulture);
    using var csv = new MemoryStream();
    using (var writer = new CsvReportWriter(csv))
    {
        foreach (var session in analysis.Sessions)
        {
            writer.WriteSession(session);
        }
    }

    // The fuzzer's seeds plant this password (tests/LogLens.Fuzz/seeds): it must never come out.
    const string Planted = "Zq314159wv";
    if (Encoding.UTF8.GetString(json.ToArray()).Contains(Planted, StringComparison.Ordinal)
        || Encoding.UTF8.GetString(csv.ToArray()).Contains(Planted, StringComparison.Ordinal))
    {
        throw new InvalidOperationException("a planted password reached an output");
    }
});
