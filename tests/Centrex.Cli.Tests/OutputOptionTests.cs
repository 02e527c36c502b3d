namespace Centrex.Cli.Tests;

/// <summary>Issue 13: every command's output option is checked while parsing: a folder or a missing folder is exit 2, the option named.</summary>
public sealed class OutputOptionTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string[]> Commands => new()
    {
        { ["report", "xdr", "--customer", "C", "--from", "2026-10-01", "--to", "2026-10-31", "--out"] },
        { ["cdr", "export", "--out"] },
        { ["provision", "export", "--out"] },
    };

    [Theory]
    [MemberData(nameof(Commands))]
    public void Output_IsAFolder_ExitsTwoNamingOut(string[] command)
    {
        var run = CliRun.Invoke([.. command, _folder.Path, "--data", _folder.File("data")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"centrex: --out '{_folder.Path}' is a folder", run.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(_folder.File("data"))); // refused before the data directory was opened
    }

    [Theory]
    [MemberData(nameof(Commands))]
    public void Output_InAMissingFolder_ExitsTwoNamingOut(string[] command)
    {
        var target = Path.Combine(_folder.File("missing"), "x.csv");
        var run = CliRun.Invoke([.. command, target, "--data", _folder.File("data")]);

        Assert.Equal(2, run.ExitCode);
        Assert.Contains($"centrex: --out '{target}' cannot be written: the folder", run.Error, StringComparison.Ordinal);
    }
}
