namespace Centrex.RatingRun;

/// <summary>
/// What the evaluate stage decided for one record. <see cref="Rated"/> and <see cref="NoRate"/> are provisional: a
/// record earlier in the file, evaluated later by another handler, may still claim the same id and revoke it to a
/// duplicate (<see cref="CdrChunk.Revoked"/>); the write stage applies that.
/// </summary>
internal enum RecordStatus : byte
{
    Rated = 0,
    NoRate = 1,
    Duplicate = 2,
    Malformed = 3,
}
