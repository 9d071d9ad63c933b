using System.Runtime.CompilerServices;
using PublicApiGenerator;

namespace LogLens.Tests.PublicApi;

/// <summary>
/// The library's public API is a deliberate choice: any change to it shows here, as a difference from
/// the approved text, so that it is made on purpose and recorded in the changelog.
/// </summary>
public class PublicApiTests
{
    [Fact]
    public void The_public_api_is_the_approved_one()
    {
        var api = typeof(LogAnalyzer).Assembly.GeneratePublicApi(new ApiGeneratorOptions { IncludeAssemblyAttributes = false }).ReplaceLineEndings("\n");
        var approved = Path.Combine(Here(), "LogLens.approved.txt");
        var received = Path.Combine(Here(), "LogLens.received.txt");
        if (File.Exists(approved) && File.ReadAllText(approved).ReplaceLineEndings("\n") == api)
        {
            File.Delete(received);
            return;
        }

        File.WriteAllText(received, api);
        Assert.Fail(
            $"The public API of LogLens changed. Compare {received} with {approved}; if the change is meant, "
            + "copy the received file over the approved one and say what changed in CHANGELOG.md.");
    }

    private static string Here([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}
