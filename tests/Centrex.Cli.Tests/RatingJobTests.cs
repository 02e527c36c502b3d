using Centrex.Rating;
using Centrex.Rating.Numbering;
using Centrex.Rating.Tariffs;
using Centrex.RatingRun;
using Centrex.Samples;
using NodaTime;

namespace Centrex.Cli.Tests;

public sealed class RatingJobTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public void Run_Cancelled_LeavesNoOutputFiles()
    {
        var files = GenerateCommand.Generate(_folder.Path, 100, new CdrSampleSpec(20_000, 2, new YearMonth(2026, 10)), seed: 1);
        var options = new RatingRunOptions(files.Cdrs, _folder.File("rated.csv"), _folder.File("rejects.csv")) { ChunkBytes = 4_096, RingSize = 2 };
        var job = new CdrFileRatingJob(new Rater(TariffLoader.Load(files.Tariff), NumberingPlan.Default), options);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        Assert.Throws<OperationCanceledException>(() => job.Run(cancelled.Token));
        Assert.Empty(Directory.GetFiles(_folder.Path, "rate*.csv*"));
        Assert.Empty(Directory.GetFiles(_folder.Path, "*.partial"));
    }

    [Fact]
    public void Run_ReportsProgressUpToTheWholeFile()
    {
        var files = GenerateCommand.Generate(_folder.Path, 100, new CdrSampleSpec(5_000, 2, new YearMonth(2026, 10)), seed: 2);
        var options = new RatingRunOptions(files.Cdrs, _folder.File("rated.csv"), _folder.File("rejects.csv")) { ChunkBytes = 8_192 };
        var job = new CdrFileRatingJob(new Rater(TariffLoader.Load(files.Tariff), NumberingPlan.Default), options);
        var result = job.Run();
        Assert.Equal(new FileInfo(files.Cdrs).Length, job.Progress!.BytesDone);
        Assert.Equal(job.Progress.TotalBytes, job.Progress.BytesDone);
        Assert.Equal(result.Tally.Read, job.Progress.RowsDone);
    }
}
