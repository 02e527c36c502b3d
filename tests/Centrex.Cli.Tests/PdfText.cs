using System.Diagnostics;

namespace Centrex.Cli.Tests;

/// <summary>Reads a PDF back as text with poppler's <c>pdftotext</c> (Debian poppler-utils, installed by ./test.sh).</summary>
internal static class PdfText
{
    public static string Of(string path)
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
}
