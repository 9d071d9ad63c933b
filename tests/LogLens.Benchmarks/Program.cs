using BenchmarkDotNet.Running;
using LogLens.Benchmarks;

// dotnet run -c Release --project tests/LogLens.Benchmarks -- stages FILE|FOLDER [FORMAT]   (JOBS=n, STAGES=name,… to pick)
// dotnet run -c Release --project tests/LogLens.Benchmarks -- allocations FILE [TOP]
// dotnet run -c Release --project tests/LogLens.Benchmarks -- generate-vsftpd FILE MEGABYTES
// dotnet run -c Release --project tests/LogLens.Benchmarks -- [BenchmarkDotNet arguments]
switch (args)
{
    case ["generate-vsftpd", var file, var megabytes]:
        VsftpdLogGenerator.Write(file, long.Parse(megabytes, System.Globalization.CultureInfo.InvariantCulture));
        return 0;
    case ["allocations", var file, .. var rest]:
        Allocations.Run(file, rest.Length > 0 ? int.Parse(rest[0], System.Globalization.CultureInfo.InvariantCulture) : 25);
        return 0;
    case ["stages", var file, .. var rest]:
        Stages.Run(file, rest.FirstOrDefault());
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Stages).Assembly).Run(args);
        return 0;
}
