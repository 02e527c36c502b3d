using Centrex.Provisioning.MusicOnHold;

namespace Centrex.Provisioning.Tests;

/// <summary>
/// Customers' music-on-hold files (seed 004): each customer's own folder, never one outside the store whatever the id;
/// the first upload chosen; a file of another customer not found; deleting the chosen one turns music on hold off.
/// </summary>
public sealed class MusicOnHoldStoreTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Theory]
    [InlineData("CUST-QC", "CUST-QC")]
    [InlineData("..", "x-2e2e")]
    [InlineData("../CUST-QC", "x-2e2e2f435553542d5143")]
    [InlineData("a/b", "x-612f62")]
    public void ACustomersFolder_IsInsideTheStore_WhateverItsId(string customer, string folder)
    {
        var store = new MusicOnHoldStore(_folder.Path);

        Assert.Equal(Path.Combine(_folder.Path, MusicOnHoldStore.FolderName, folder), store.Folder(customer));
    }

    [Fact]
    public void TheFirstFileIsChosen_AnotherCustomersIsNotFound_AndDeletingTheChosenOneTurnsItOff()
    {
        var store = new MusicOnHoldStore(_folder.Path);

        var first = store.Add("C1", "Lobby", [1, 2, 3], "2026-12-05T06:00:00Z", 3000, "PCM 8000 Hz 16 bit mono")!;
        var second = store.Add("C1", "Jingle", [4, 5], "2026-12-05T06:01:00Z", 2000, "PCM 8000 Hz 16 bit mono")!;

        Assert.Equal(first.Id, store.Read("C1").Chosen);
        Assert.Equal(Path.Combine(store.Folder("C1"), first.Id + ".wav"), store.ChosenPath("C1"));
        Assert.False(store.Choose("C2", first.Id));
        Assert.False(store.Delete("C2", first.Id));
        Assert.Null(store.PathOf("C2", first.Id));
        Assert.True(store.Delete("C1", first.Id));
        Assert.Null(store.Read("C1").Chosen);
        Assert.Equal([second.Id], store.Read("C1").Files.Select(f => f.Id));
        Assert.False(File.Exists(Path.Combine(store.Folder("C1"), first.Id + ".wav")));
        Assert.Equal([4, 5], File.ReadAllBytes(store.PathOf("C1", second.Id)!));
    }
}
