using System.Diagnostics;

namespace Centrex.Invoicing.Tests.Support;

/// <summary>Reads a PDF back as text with poppler's <c>pdftotext</c> (Debian poppler-utils, installed by ./test.sh).</summary>
internal static class Pdf
{
    public static string ToText(string path)
    {
        var info = new ProcessStartInfo("pdftotext") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var arg in new[] { "-layout", "-enc", "UTF-8", path, "-" })
        {
            info.ArgumentList.Add(arg);
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException("pdftotext did not start");
        var text = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"pdftotext {path} failed: {error.Result}");
        return text.Result;
    }

    public static int Pages(string text) => text.Split('\f', StringSplitOptions.RemoveEmptyEntries).Count(p => p.Trim().Length > 0);
}
