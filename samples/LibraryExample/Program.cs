// Uses the LogLens library the way a program would: analyse one log, then scan a folder.
//   dotnet run --project samples/LibraryExample -- samples/servu.log
//   dotnet run --project samples/LibraryExample -- samples/
using LogLens;
using LogLens.Localization;
using LogLens.Scanning;

var path = args.Length > 0 ? args[0] : "samples/servu.log";

if (File.Exists(path))
{
    var analysis = LogAnalyzer.AnalyzeFile(path);
    Console.WriteLine($"{analysis.Path}: {analysis.Format ?? "unknown format"}, {analysis.Encoding}, {analysis.Lines.Total} lines");
    foreach (var session in analysis.Sessions)
    {
        var outcome = session.Outcome;
        Console.WriteLine($"  session {session.Id} {session.Client ?? session.Server} {session.User}: {outcome.Id} {outcome.Reason}");
        Console.WriteLine($"    {outcome.Advice(Texts.English)}");
    }

    return analysis.HasErrors ? 1 : 0;
}

// A folder: every session of every log in it, in order, as an async stream.
var scan = LogScan.Find([path], new ScanOptions { Jobs = 2 });
var failed = 0;
await foreach (var session in scan.SessionsAsync())
{
    if (session.Logins.Any(l => !l.Succeeded))
    {
        failed++;
        Console.WriteLine($"{session.File}:{session.FirstLine} {session.Client} {session.User}: {session.Outcome.Id}");
    }
}

Console.WriteLine($"{scan.Inputs.Count} files, {failed} sessions with failed logins");
return scan.Problems.Count > 0 ? 1 : 0;
