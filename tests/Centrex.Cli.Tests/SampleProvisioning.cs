namespace Centrex.Cli.Tests;

/// <summary>The repository's samples/provisioning.json, found from the test binaries' folder.</summary>
internal static class SampleProvisioning
{
    public static string Path
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "samples", "provisioning.json")))
            {
                dir = dir.Parent;
            }

            return System.IO.Path.Combine(dir?.FullName ?? throw new InvalidOperationException("samples/provisioning.json not found"), "samples", "provisioning.json");
        }
    }
}
