using System.Text;
using LogLens.Cli.Tests.Support;
using LogLens.Tests.Support;

namespace LogLens.Cli.Tests;

/// <summary>
/// The CSV replaces the previous report only once it is whole: written beside it under a temporary name
/// and renamed into place, so that an interrupted or failed run leaves the previous report as it was.
/// </summary>
public sealed class OutputFileTests : IDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);
    private readonly ScanFolder folder = new(withUnreadable: false);
    private readonly string place = Directory.CreateTempSubdirectory("loglens-output-").FullName;

    public void Dispose()
    {
        folder.Dispose();
        Directory.Delete(place, recursive: true);
    }

    private string Report => Path.Combine(place, "report.csv");

    /// <summary>What the folder holds besides the report: a temporary file left behind would show here.</summary>
    private string[] Leftovers(string except = "report.csv") =>
        Directory.GetFileSystemEntries(place).Select(Path.GetFileName).Where(n => n != except).Order(StringComparer.Ordinal).ToArray()!;

    [LinuxFact]
    public async Task An_interrupted_scan_leaves_the_previous_report_as_it_was_and_removes_its_temporary_file()
    {
        File.WriteAllText(Report, "the previous report\n");
        using var pipe = SpecialEntry.Make(SpecialEntry.Fifo, Path.Combine(place, "a-pipe.log"));
        using var interrupt = new CancellationTokenSource();

        // The pipe is read first (its path sorts first, one job) and waits for a writer: the run is under way.
        var run = Task.Run(() => CliRunner.RunUntil(interrupt.Token, "scan", pipe.Path, folder.Root, "-o", Report, "--jobs", "1", "--quiet"));
        var temporary = await WhenExists(() => Leftovers().Except(["a-pipe.log"]).SingleOrDefault());

        Assert.Matches(@"^\.report\.csv\.[0-9a-f]{8}\.tmp$", temporary);
        Assert.Equal("the previous report\n", File.ReadAllText(Report));
        await interrupt.CancelAsync();
        await Task.Run(() => SpecialEntry.Write(pipe.Path, [])).WaitAsync(Patience);
        var result = await run.WaitAsync(Patience);

        Assert.Equal(130, result.ExitCode);
        Assert.Contains($"loglens: interrupted; {Report} is left as it was", result.Error);
        Assert.Equal("the previous report\n", File.ReadAllText(Report));
        Assert.Equal(["a-pipe.log"], Leftovers());
    }

    [Fact]
    public void A_finished_scan_replaces_the_report_and_leaves_no_temporary_file()
    {
        File.WriteAllText(Report, "the previous report\n");

        var result = CliRunner.Run("scan", folder.Root, "-o", Report, "--quiet");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("file,session,", File.ReadAllText(Report, Encoding.UTF8), StringComparison.Ordinal);
        Assert.Empty(Leftovers());
    }

    [Fact]
    public void A_report_that_cannot_be_put_in_place_is_named_and_its_temporary_file_removed()
    {
        Directory.CreateDirectory(Report); // a folder of that name: the rename fails once the CSV is written

        var result = CliRunner.Run("scan", folder.Root, "-o", Report, "--quiet");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains($"loglens: {Report}: cannot be written", result.Error);
        Assert.True(Directory.Exists(Report));
        Assert.Empty(Leftovers());
    }

    [LinuxFact]
    [System.Runtime.Versioning.SupportedOSPlatform("linux")]
    public void The_new_report_keeps_the_permissions_of_the_previous_one()
    {
        File.WriteAllText(Report, "the previous report\n");
        File.SetUnixFileMode(Report, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        CliRunner.Run("scan", folder.Root, "-o", Report, "--quiet");

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Report));
        Assert.StartsWith("file,session,", File.ReadAllText(Report, Encoding.UTF8), StringComparison.Ordinal);
    }

    [Fact]
    public void A_report_reached_through_a_link_is_replaced_where_the_link_leads_and_the_link_stays()
    {
        var real = Path.Combine(place, "real.csv");
        File.WriteAllText(real, "the previous report\n");
        File.CreateSymbolicLink(Report, "real.csv");

        CliRunner.Run("scan", folder.Root, "-o", Report, "--quiet");

        Assert.Equal("real.csv", new FileInfo(Report).LinkTarget);
        Assert.StartsWith("file,session,", File.ReadAllText(real, Encoding.UTF8), StringComparison.Ordinal);
        Assert.Equal(["real.csv"], Leftovers());
    }

    [LinuxFact]
    public async Task A_named_pipe_as_the_output_is_written_to_and_stays_a_pipe()
    {
        using var pipe = SpecialEntry.Make(SpecialEntry.Fifo, Path.Combine(place, "out.csv"));
        var reader = Task.Run(() => File.ReadAllText(pipe.Path, Encoding.UTF8));

        var result = await Task.Run(() => CliRunner.Run("scan", folder.Root, "-o", pipe.Path, "--quiet")).WaitAsync(Patience);
        var csv = await reader.WaitAsync(Patience);

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("file,session,", csv, StringComparison.Ordinal);
        SpecialEntry.Shell("test -p \"$P\"", ("P", pipe.Path));
        Assert.Equal(["out.csv"], Leftovers(except: "report.csv"));
    }

    private static async Task<string> WhenExists(Func<string?> find)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < Patience)
        {
            if (find() is { } found)
            {
                return found;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException("the scan did not begin to write");
    }
}
