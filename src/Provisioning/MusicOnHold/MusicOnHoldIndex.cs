namespace Centrex.Provisioning.MusicOnHold;

/// <summary>A customer's music-on-hold files and the one its calls on hold hear (null: none, the feature is off).</summary>
/// <param name="Chosen">The id of the chosen file, or null.</param>
/// <param name="Files">The files, oldest first.</param>
public sealed record MusicOnHoldIndex(string? Chosen, IReadOnlyList<MusicFile> Files)
{
    /// <summary>No files, nothing chosen.</summary>
    public static MusicOnHoldIndex Empty { get; } = new(null, []);
}
