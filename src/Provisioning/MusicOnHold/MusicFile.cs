namespace Centrex.Provisioning.MusicOnHold;

/// <summary>An uploaded music-on-hold file of a customer (seed 004, Music on Hold: "Music Name", else the file's name).</summary>
/// <param name="Id">Its id: the file is <c>ID.wav</c> in the customer's folder.</param>
/// <param name="Name">The name shown ("Music Name").</param>
/// <param name="Uploaded">When it was uploaded (ISO-8601 UTC).</param>
/// <param name="Bytes">Its size.</param>
/// <param name="DurationMs">How long it plays, in milliseconds.</param>
/// <param name="Format">Its audio format as read (e.g. <c>Pcm 8000 Hz 16 bit mono</c>).</param>
public sealed record MusicFile(string Id, string Name, string Uploaded, long Bytes, long DurationMs, string Format);
