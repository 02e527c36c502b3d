namespace Centrex.Switch.Registration;

/// <summary>What <see cref="NonceCounter.Use"/> decided about a verified digest response.</summary>
internal enum NonceUse : byte
{
    /// <summary>A count above every one accepted before for this nonce (or the nonce's first use): good.</summary>
    Accepted,

    /// <summary>A count already accepted or lower, or a second use of a nonce without qop: a replay.</summary>
    Replayed,

    /// <summary>Issued no later than an entry dropped at the table's capacity: answered as stale.</summary>
    Forgotten,
}
