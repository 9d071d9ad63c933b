using LogLens.Input;
using LogLens.Scanning;
using LogLens.Tests.Support;

namespace LogLens.Tests.Scanning;

public sealed class LogScanFindTests : IDisposable
{
    private readonly ScanFolder folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public void A_folder_gives_every_log_under_it_rotated_and_gzipped_included_hidden_entries_and_link_loops_skipped()
    {
        var scan = LogScan.Find([folder.Root]);

        Assert.Equal([ScanFolder.BinaryFile, .. ScanFolder.ReadableFiles], Relative(scan));
    }

    [Fact]
    public void Inputs_are_sorted_by_path_and_carry_their_size()
    {
        var scan = LogScan.Find([folder.Root]);

        Assert.Equal(scan.Inputs.Select(i => i.Path).Order(StringComparer.Ordinal), scan.Inputs.Select(i => i.Path));
        Assert.All(scan.Inputs, i => Assert.Equal(new FileInfo(i.Path).Length, i.Length));
    }

    [Fact]
    public void A_broken_link_is_a_problem_named_by_its_path_not_an_input()
    {
        var scan = LogScan.Find([folder.Root]);

        var problem = Assert.Single(scan.Problems);
        Assert.Equal(folder.Path(ScanFolder.BrokenLink), problem.File);
        Assert.Equal("broken-link", problem.Code);
        Assert.Equal(DiagnosticSeverity.Error, problem.Severity);
    }

    [Fact]
    public void A_broken_link_named_on_the_command_line_is_a_problem_too()
    {
        var scan = LogScan.Find([folder.Path(ScanFolder.BrokenLink), folder.Path("servu.log")]);

        Assert.Equal("broken-link", Assert.Single(scan.Problems).Code);
        Assert.Equal(["servu.log"], Relative(scan));
    }

    [Fact]
    public void A_missing_path_is_a_problem_and_the_others_are_still_found()
    {
        var missing = folder.Path("gone/ftp.log");

        var scan = LogScan.Find([missing, folder.Path("servu.log")]);

        var problem = Assert.Single(scan.Problems);
        Assert.Equal((missing, "not-found"), (problem.File, problem.Code));
        Assert.Equal(["servu.log"], Relative(scan));
    }

    public static TheoryData<string[], string[], string[]> Globs => new()
    {
        // include, exclude, files taken
        { ["*.log"], [], [ScanFolder.BinaryFile, "servu.log", ScanFolder.UsersLog, ScanFolder.ChineseFolder + "/cuteftp-zh-retry.log"] },
        { ["*.gz"], [], ["xferlog.2.gz"] },
        { ["*.log.*"], [], ["nested/deeper/vsftpd.log.1"] },
        { ["vsftpd.log.1"], [], ["nested/deeper/vsftpd.log.1"] },
        { ["deeper/*"], [], [] },
        { ["nested/**/*"], [], ["nested/deeper/vsftpd.log.1"] },
        { ["*.gz", "servu.*"], [], ["servu.log", "xferlog.2.gz"] },
        { [], ["*.gz", "*.1"], [ScanFolder.BinaryFile, "servu.log", ScanFolder.UsersLog, ScanFolder.ChineseFolder + "/cuteftp-zh-retry.log"] },
        { [], [ScanFolder.ChineseFolder + "/**", "nested/**", ScanFolder.BinaryFile], ["servu.log", ScanFolder.UsersLog, "xferlog.2.gz"] },
        { [], ["deeper"], [ScanFolder.BinaryFile, "servu.log", ScanFolder.UsersLog, "xferlog.2.gz", ScanFolder.ChineseFolder + "/cuteftp-zh-retry.log"] },
        { ["*.log*"], ["u*"], [ScanFolder.BinaryFile, "nested/deeper/vsftpd.log.1", "servu.log", ScanFolder.ChineseFolder + "/cuteftp-zh-retry.log"] },
    };

    [Theory]
    [MemberData(nameof(Globs))]
    public void Include_and_exclude_globs_choose_the_files_inside_folders_and_a_pattern_without_a_slash_matches_at_any_depth(
        string[] include, string[] exclude, string[] expected)
    {
        var scan = LogScan.Find([folder.Root], new ScanOptions { Include = include, Exclude = exclude });

        Assert.Equal(expected, Relative(scan));
    }

    [Fact]
    public void A_file_named_on_the_command_line_is_taken_even_when_no_include_glob_matches_it()
    {
        var scan = LogScan.Find([folder.Path("servu.log")], new ScanOptions { Include = ["*.gz"] });

        Assert.Equal(["servu.log"], Relative(scan));
    }

    [Fact]
    public void No_recurse_takes_only_the_files_directly_inside_the_folder()
    {
        var scan = LogScan.Find([folder.Root], new ScanOptions { Recurse = false });

        Assert.Equal([ScanFolder.BinaryFile, "servu.log", ScanFolder.UsersLog, "xferlog.2.gz"], Relative(scan));
    }

    [Fact]
    public void Skipped_files_such_as_the_scans_own_output_are_not_inputs()
    {
        var scan = LogScan.Find([folder.Root], new ScanOptions { SkipFiles = [folder.Path("servu.log")] });

        Assert.DoesNotContain("servu.log", Relative(scan));
        Assert.Contains(ScanFolder.UsersLog, Relative(scan));
    }

    [Fact]
    public void A_file_reached_twice_is_taken_once()
    {
        var scan = LogScan.Find([folder.Root, folder.Path("servu.log"), folder.Root]);

        Assert.Equal([ScanFolder.BinaryFile, .. ScanFolder.ReadableFiles], Relative(scan));
    }

    [Fact]
    public void A_file_reached_under_two_spellings_of_its_path_is_taken_once_under_the_first()
    {
        var scan = LogScan.Find([folder.Path("nested/deeper/../../servu.log"), folder.Root + "/./", folder.Path("servu.log")]);

        Assert.Equal(ScanFolder.ReadableFiles.Count + 1, scan.Inputs.Count);
        Assert.Single(scan.Inputs, i => i.Path.EndsWith("servu.log", StringComparison.Ordinal));
        Assert.Contains(scan.Inputs, i => i.Path == folder.Path("nested/deeper/../../servu.log"));
    }

    public static TheoryData<string[]> LinksToFilesAlreadyScanned => new()
    {
        // links made in the folder, "link -> target" (a target without a leading / is relative to the link)
        { ["servu-copy.log -> servu.log"] },
        { ["nested/servu.log -> ../servu.log"] },
        { ["nested/deeper/absolute.log -> /servu.log"] },
        { ["a.log -> b.log", "b.log -> servu.log"] },
        { ["mirror -> nested"] },
        { ["aa -> nested/deeper", "nested/deeper/up.log -> ../../servu.log"] },
        { ["zh -> " + ScanFolder.ChineseFolder, "zh-retry.log -> zh/./cuteftp-zh-retry.log"] },
        { ["nested/deeper/through.log -> ../../nested/../" + ScanFolder.ChineseFolder + "/../xferlog.2.gz"] },
    };

    [Theory]
    [MemberData(nameof(LinksToFilesAlreadyScanned))]
    public void A_file_reached_through_symbolic_links_is_taken_once_under_its_own_name(string[] links)
    {
        var expected = LogScan.Find([folder.Root]).Inputs;
        MakeLinks(links);

        var scan = LogScan.Find([folder.Root]);

        Assert.Equal(expected, scan.Inputs);
    }

    [Fact]
    public void A_file_named_on_the_command_line_and_through_a_link_is_taken_once()
    {
        MakeLinks(["current.log -> servu.log"]);

        var scan = LogScan.Find([folder.Path("current.log"), folder.Path("servu.log")]);

        Assert.Equal(["servu.log"], Relative(scan));
    }

    [Fact]
    public void A_file_reached_only_through_links_is_taken_under_the_first_path_found()
    {
        MakeLinks(["current.log -> servu.log", "latest.log -> servu.log"]);

        var scan = LogScan.Find([folder.Path("latest.log"), folder.Path("current.log")]);

        Assert.Equal(["latest.log"], Relative(scan));
    }

    [Fact]
    public async Task A_link_to_an_ancestor_folder_cannot_trap_the_walk()
    {
        Directory.CreateSymbolicLink(folder.Path("nested/deeper/up"), folder.Root);
        Directory.CreateSymbolicLink(folder.Path("nested/deeper/upup"), "../..");

        var scan = await Task.Run(() => LogScan.Find([folder.Root])).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([ScanFolder.BinaryFile, .. ScanFolder.ReadableFiles], Relative(scan));
    }

    [Fact]
    public void A_link_to_itself_is_named_as_broken_rather_than_followed()
    {
        File.CreateSymbolicLink(folder.Path("self.log"), folder.Path("self.log"));

        var scan = LogScan.Find([folder.Root]);

        Assert.Contains(scan.Problems, p => p.File == folder.Path("self.log") && p.Code == "broken-link");
        Assert.DoesNotContain("self.log", Relative(scan));
    }

    [Fact]
    public void A_hidden_file_or_folder_named_on_the_command_line_is_read()
    {
        var scan = LogScan.Find([folder.Path(".hidden.log"), folder.Path(".archive")]);

        Assert.Equal([".archive/old.log", ".hidden.log"], Relative(scan));
    }

    /// <summary>Makes symbolic links in the folder from "link -> target" (a target starting with / is under the folder's root).</summary>
    private void MakeLinks(IEnumerable<string> links)
    {
        foreach (var link in links)
        {
            var (name, target) = (link.Split(" -> ")[0], link.Split(" -> ")[1]);
            var at = folder.Path(name);
            var where = target.StartsWith('/') ? folder.Path(target[1..]) : Path.Combine(Path.GetDirectoryName(at)!, target);
            target = target.StartsWith('/') ? where : target;
            if (Directory.Exists(where))
            {
                Directory.CreateSymbolicLink(at, target);
            }
            else
            {
                File.CreateSymbolicLink(at, target);
            }
        }
    }

    private IReadOnlyList<string> Relative(LogScan scan) =>
        scan.Inputs.Select(i => Path.GetRelativePath(folder.Root, i.Path).Replace('\\', '/')).ToArray();
}
