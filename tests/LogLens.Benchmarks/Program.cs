using System.Globalization;
using BenchmarkDotNet.Running;
using LogLens.Benchmarks;
using LogLens.Benchmarks.Generators;

// dotnet run -c Release --project tests/LogLens.Benchmarks -- stages FILE|FOLDER [FORMAT]   (JOBS=n, STAGES=name,… to pick)
// dotnet run -c Release --project tests/LogLens.Benchmarks -- allocations FILE [TOP]
// dotnet run -c Release --project tests/LogLens.Benchmarks -- generate-vsftpd FILE MEGABYTES [SEED]
// dotnet run -c Release --project tests/LogLens.Benchmarks -- generate FORMAT FILE MEGABYTES [SEED]   (vsftpd, servu, filezilla-server, proftpd)
//   (both write FILE and, beside it, FILE.truth: each line's true connection)
// dotnet run -c Release --project tests/LogLens.Benchmarks -- [BenchmarkDotNet arguments]
switch (args)
{
    case ["generate-vsftpd", var file, var megabytes, .. var rest]:
        Generate("vsftpd", file, megabytes, rest);
        return 0;
    case ["generate", var format, var file, var megabytes, .. var rest]:
        Generate(format, file, megabytes, rest);
        return 0;
    case ["allocations", var file, .. var rest]:
        Allocations.Run(file, rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 25);
        return 0;
    case ["stages", var file, .. var rest]:
        Stages.Run(file, rest.FirstOrDefault());
        return 0;
    default:
        BenchmarkSwitcher.FromAssembly(typeof(Stages).Assembly).Run(args);
        return 0;
}

static void Generate(string format, string file, string megabytes, string[] rest)
{
    var options = new GeneratorOptions
    {
        Bytes = long.Parse(megabytes, CultureInfo.InvariantCulture) * 1_000_000,
        Seed = rest.Length > 0 ? int.Parse(rest[0], CultureInfo.InvariantCulture) : 20161108,
    };
    LogGenerators.GenerateFiles(format, file, options);
}
