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
    public void A_broken_link_is_an_error_and_a_link_back_to_its_own_folder_a_warning_each_named_by_its_path_not_an_input()
    {
        var scan = LogScan.Find([folder.Root]);

        Assert.Equal(
            [(ScanFolder.BrokenLink, "broken-link", DiagnosticSeverity.Error), ("nested/loop", "link-to-ancestor", DiagnosticSeverity.Warning)],
            scan.Problems.Select(p => (RelativePath(p.File), p.Code, p.Severity)));
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

    [Theory]
    [InlineData("")]
    [InlineData("servu.log\0.gz")]
    public void A_path_no_file_can_have_is_a_path_not_found_not_an_exception(string path)
    {
        var scan = LogScan.Find([path, folder.Path("servu.log")]);

        Assert.Equal([(path, "not-found")], scan.Problems.Select(p => (p.File, p.Code)));
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

    public static TheoryData<string[], string[], string> UnusableGlobs => new()
    {
        // include, exclude, what the exception says
        { [""], [], "An empty glob in Include would match no file; give a pattern such as *.log." },
        { [], [""], "An empty glob in Exclude would leave every file out; give a pattern such as *.old." },
        { ["*.log", ""], ["*.old"], "An empty glob in Include would match no file; give a pattern such as *.log." },
        { ["a/../b"], [], "'a/../b' is not a glob LogLens can use: " },
    };

    [Theory]
    [MemberData(nameof(UnusableGlobs))]
    public void An_empty_or_unusable_glob_is_a_caller_mistake_refused_before_any_walk(string[] include, string[] exclude, string message)
    {
        var e = Assert.Throws<ArgumentException>(() => LogScan.Find([folder.Path("servu.log")], new ScanOptions { Include = include, Exclude = exclude }));

        Assert.StartsWith(message, e.Message, StringComparison.Ordinal);
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

    public static TheoryData<string, string[], string[]> LinksBackIntoTheWalk => new()
    {
        // folder scanned, links made ("link -> target", a target starting with / is under the root), links named
        { "", ["nested/deeper/up -> /"], ["nested/deeper/up"] },
        { "", ["nested/deeper/upup -> ../.."], ["nested/deeper/upup"] },
        { "", ["nested/deeper/self -> ."], ["nested/deeper/self"] },
        { "", ["nested/deeper/parent -> ../../nested"], ["nested/deeper/parent"] },
        { "", ["nested/deeper/up -> /", "nested/deeper/upup -> ../..", "日志/up -> .."], ["nested/deeper/up", "nested/deeper/upup", "日志/up"] },
        { "", ["nested/deeper/zh -> ../../日志", "日志/deeper -> ../nested/deeper"], ["nested/deeper/zh/deeper"] },
        { "nested/deeper", ["nested/deeper/up -> ../.."], ["nested/deeper/up"] },
    };

    [Theory]
    [MemberData(nameof(LinksBackIntoTheWalk))]
    public async Task A_link_to_a_folder_the_walk_is_inside_of_is_named_and_not_followed_and_each_file_is_still_taken_once(
        string scanned, string[] links, string[] named)
    {
        var expected = LogScan.Find([folder.Path(scanned)]);
        MakeLinks(links);

        var scan = await Task.Run(() => LogScan.Find([folder.Path(scanned)])).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(expected.Inputs, scan.Inputs);
        var added = scan.Problems.Except(expected.Problems).ToArray();
        Assert.Equal(named, added.Select(p => RelativePath(p.File)));
        Assert.All(added, p => Assert.Equal(("link-to-ancestor", DiagnosticSeverity.Warning), (p.Code, p.Severity)));
        Assert.All(added, p => Assert.Contains("a folder it is inside of", p.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_link_to_an_ancestor_names_the_folder_it_leads_to()
    {
        MakeLinks(["nested/deeper/upup -> ../.."]);

        var scan = LogScan.Find([folder.Root]);

        var problem = Assert.Single(scan.Problems, p => p.File == folder.Path("nested/deeper/upup"));
        Assert.Equal($"a symbolic link to {folder.Root}, a folder it is inside of: not followed, as it would lead back into itself", problem.Message);
    }

    public static TheoryData<string[], string[]> LinkCycles => new()
    {
        // links made, paths named as link cycles
        { ["self.log -> self.log"], ["self.log"] },
        { ["a.log -> b.log", "b.log -> a.log"], ["a.log", "b.log"] },
        { ["nested/a.log -> ../b.log", "b.log -> c.log", "c.log -> nested/a.log"], ["b.log", "c.log", "nested/a.log"] },
        { ["nested/in -> ../out", "out -> nested/in"], ["nested/in", "out"] },
        { ["via.log -> loop/x.log", "loop -> loop"], ["loop", "via.log"] },
    };

    [Theory]
    [MemberData(nameof(LinkCycles))]
    public void A_link_cycle_is_named_as_a_cycle_not_as_a_broken_link_and_the_other_files_are_still_found(string[] links, string[] named)
    {
        MakeLinks(links);

        var scan = LogScan.Find([folder.Root]);

        var cycles = scan.Problems.Where(p => p.Code == "link-cycle").ToArray();
        Assert.Equal(named, cycles.Select(p => RelativePath(p.File)));
        Assert.All(cycles, p => Assert.Equal(DiagnosticSeverity.Error, p.Severity));
        Assert.All(cycles, p => Assert.Contains("cycle", p.Message, StringComparison.Ordinal));
        Assert.Equal([(ScanFolder.BrokenLink, "broken-link")], scan.Problems.Where(p => p.Code == "broken-link").Select(p => (RelativePath(p.File), p.Code)));
        Assert.Equal([ScanFolder.BinaryFile, .. ScanFolder.ReadableFiles], Relative(scan));
    }

    [Fact]
    public void A_link_cycle_named_on_the_command_line_is_named_as_a_cycle()
    {
        MakeLinks(["a.log -> b.log", "b.log -> a.log"]);

        var scan = LogScan.Find([folder.Path("a.log"), folder.Path("servu.log")]);

        Assert.Equal([("a.log", "link-cycle")], scan.Problems.Select(p => (RelativePath(p.File), p.Code)));
        Assert.Equal(["servu.log"], Relative(scan));
    }

    public static TheoryData<string, string, string> EntriesThatAreNotFiles => new()
    {
        // kind, where in the folder, what the scan says
        { SpecialEntry.Fifo, "nested/deeper/vsftpd.log", "a named pipe (FIFO), not a file: skipped, as reading it would wait for a writer" },
        { SpecialEntry.Fifo, "ftp.log", "a named pipe (FIFO), not a file: skipped, as reading it would wait for a writer" },
        { SpecialEntry.Socket, "nested/ftp.sock", "a socket, not a file: skipped, as it cannot be read" },
        { SpecialEntry.CharacterDevice, "null.log", "a character device, not a file: skipped" },
    };

    [LinuxTheory]
    [MemberData(nameof(EntriesThatAreNotFiles))]
    public async Task An_entry_in_a_folder_that_is_not_a_regular_file_is_named_and_skipped_never_opened(string kind, string where, string message)
    {
        var expected = LogScan.Find([folder.Root]);
        using var entry = SpecialEntry.Make(kind, folder.Path(where));

        var scan = LogScan.Find([folder.Root]);
        var sessions = await CountSessions(scan).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(expected.Inputs, scan.Inputs);
        Assert.True(sessions > 0);
        var named = Assert.Single(scan.Problems.Except(expected.Problems));
        Assert.Equal((where, "not-a-file", DiagnosticSeverity.Warning, message), (RelativePath(named.File), named.Code, named.Severity, named.Message));
    }

    [LinuxFact]
    public async Task A_link_in_a_folder_to_a_named_pipe_elsewhere_is_named_and_skipped()
    {
        using var elsewhere = new ScanFolder(withUnreadable: false);
        using var fifo = SpecialEntry.Make(SpecialEntry.Fifo, elsewhere.Path("pipe"));
        File.CreateSymbolicLink(folder.Path("piped.log"), fifo.Path);

        var scan = LogScan.Find([folder.Root]);
        await CountSessions(scan).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(scan.Problems, p => p.File == folder.Path("piped.log") && p.Code == "not-a-file");
        Assert.DoesNotContain(scan.Inputs, i => i.Path == folder.Path("piped.log"));
    }

    [BlockDeviceFact]
    public void A_link_in_a_folder_to_a_block_device_is_named_and_skipped()
    {
        using var device = SpecialEntry.Make(SpecialEntry.BlockDevice, folder.Path("disk.log"));

        var scan = LogScan.Find([folder.Root]);

        var named = Assert.Single(scan.Problems, p => p.File == device.Path);
        Assert.Equal(("not-a-file", "a block device, not a file: skipped"), (named.Code, named.Message));
        Assert.DoesNotContain(scan.Inputs, i => i.Path == device.Path);
    }

    [LinuxFact]
    public async Task A_named_pipe_named_on_the_command_line_is_read_as_asked()
    {
        using var fifo = SpecialEntry.Make(SpecialEntry.Fifo, folder.Path("piped.log"));
        var expected = LogAnalyzer.AnalyzeFile(folder.Path("servu.log")).Sessions.Count;

        var scan = LogScan.Find([fifo.Path]);
        var writer = Task.Run(() => SpecialEntry.Write(fifo.Path, File.ReadAllBytes(folder.Path("servu.log"))));
        var sessions = await CountSessions(scan).WaitAsync(TimeSpan.FromSeconds(30));
        await writer.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal([fifo.Path], scan.Inputs.Select(i => i.Path));
        Assert.Equal(expected, sessions);
        Assert.Empty(scan.Problems);
    }

    [LinuxFact]
    public void A_socket_named_on_the_command_line_is_named_as_one()
    {
        using var socket = SpecialEntry.Make(SpecialEntry.Socket, folder.Path("ftp.sock"));

        var scan = LogScan.Find([socket.Path]);

        Assert.Empty(scan.Inputs);
        Assert.Equal([(socket.Path, "not-a-file")], scan.Problems.Select(p => (p.File, p.Code)));
    }

    public static TheoryData<string> NamesWithBackslashes => new()
    {
        "back\\slash.log", "up\\..\\..\\x.log", "\\", "\\\\.log", "trail\\", "c\\..\\d.log", "dir\\x/in.log", "nested/\\x.log",
    };

    [LinuxTheory]
    [MemberData(nameof(NamesWithBackslashes))]
    public void A_name_with_a_backslash_is_an_ordinary_name_on_unix_and_its_file_is_read(string name)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(folder.Path(name))!);
        File.Copy(folder.Path("servu.log"), folder.Path(name));

        var all = LogScan.Find([folder.Root]);
        var logs = LogScan.Find([folder.Root], new ScanOptions { Include = ["*.log"] });
        var notOld = LogScan.Find([folder.Root], new ScanOptions { Exclude = ["*.old"] });

        Assert.Contains(folder.Path(name), all.Inputs.Select(i => i.Path));
        Assert.Equal(name.EndsWith(".log", StringComparison.Ordinal), logs.Inputs.Any(i => i.Path == folder.Path(name)));
        Assert.Contains(folder.Path(name), notOld.Inputs.Select(i => i.Path));
        Assert.Equal(LogScan.Find([folder.Path("servu.log")]).Problems, all.Problems.Except(LogScan.Find([folder.Root]).Problems));
    }

    public static TheoryData<string, string> NamesThatAreNotUtf8 => new()
    {
        // what the shell makes (printf's octal escapes), the path named (U+FFFD for each byte that is not UTF-8;
        // "日志" in GBK is C8 D5 D6 BE, of which D6 BE reads as the UTF-8 of U+05BE)
        { "cp \"$SRC\" \"$(printf 'bad\\377.log')\"", "bad\uFFFD.log" },
        { "cp \"$SRC\" \"$(printf '\\310\\325\\326\\276.log')\"", "\uFFFD\uFFFD\u05BE.log" },
        { "mkdir \"$(printf 'old\\351')\"; cp \"$SRC\" \"$(printf 'old\\351')/in.log\"", "old\uFFFD" },
        { "cp \"$SRC\" \"nested/$(printf 'x\\300\\257.log')\"", "nested/x\uFFFD\uFFFD.log" },
    };

    [LinuxTheory]
    [MemberData(nameof(NamesThatAreNotUtf8))]
    public void A_name_that_is_not_utf8_is_named_as_such_never_skipped_silently(string make, string named)
    {
        var expected = LogScan.Find([folder.Root]);
        SpecialEntry.Shell("cd \"$ROOT\"; " + make, ("ROOT", folder.Root), ("SRC", folder.Path("servu.log")));

        var scan = LogScan.Find([folder.Root]);

        Assert.Equal(expected.Inputs, scan.Inputs);
        var problem = Assert.Single(scan.Problems.Except(expected.Problems));
        Assert.Equal((named, "name-not-utf8", DiagnosticSeverity.Error), (RelativePath(problem.File), problem.Code, problem.Severity));
        Assert.StartsWith("its name is not valid UTF-8", problem.Message, StringComparison.Ordinal);
    }

    [LinuxFact]
    public void A_path_longer_than_the_system_opens_is_named_as_such_never_skipped_silently()
    {
        // Folders down to a path of about 4000 bytes; in the last, a file and a folder whose paths pass 4095.
        var levels = new List<string>();
        for (var length = folder.Root.Length; length + 201 < 4000; length += 201)
        {
            levels.Add(new string('d', 200));
        }

        var last = new string('e', 4000 - folder.Root.Length - (201 * levels.Count) - 1);
        var deep = Path.Combine([folder.Root, .. levels, last]);
        var (file, subfolder) = (new string('f', 200) + ".log", new string('g', 200));
        var expected = LogScan.Find([folder.Root]);
        try
        {
            SpecialEntry.Shell(
                "cd \"$ROOT\"; for d in $LEVELS; do mkdir \"$d\"; cd -P \"$d\"; done; cp \"$SRC\" \"$FILE\"; mkdir \"$SUB\"; cd -P \"$SUB\"; cp \"$SRC\" in.log",
                ("ROOT", folder.Root), ("SRC", folder.Path("servu.log")), ("LEVELS", string.Join(' ', [.. levels, last])), ("FILE", file), ("SUB", subfolder));

            var scan = LogScan.Find([folder.Root]);
            var one = LogScan.Find([Path.Combine(deep, file)]);

            Assert.Equal(expected.Inputs, scan.Inputs);
            Assert.Equal(
                [(Path.Combine(deep, file), "path-too-long"), (Path.Combine(deep, subfolder), "path-too-long")],
                scan.Problems.Except(expected.Problems).Select(p => (p.File, p.Code)));
            Assert.All(scan.Problems.Where(p => p.Code == "path-too-long"), p => Assert.Matches(@"^its path is 4\d{3} bytes long, more than the 4095 the system opens", p.Message));
            Assert.Equal([(Path.Combine(deep, file), "path-too-long")], one.Problems.Select(p => (p.File, p.Code)));
        }
        finally
        {
            SpecialEntry.Shell("rm -rf \"$ROOT\"/dddd*", ("ROOT", folder.Root));
        }
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

    private static async Task<int> CountSessions(LogScan scan)
    {
        var count = 0;
        await foreach (var _ in scan.SessionsAsync())
        {
            count++;
        }

        return count;
    }

    private string RelativePath(string path) => Path.GetRelativePath(folder.Root, path).Replace('\\', '/');

    private IReadOnlyList<string> Relative(LogScan scan) =>
        scan.Inputs.Select(i => Path.GetRelativePath(folder.Root, i.Path).Replace('\\', '/')).ToArray();
}
