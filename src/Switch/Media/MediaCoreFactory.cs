namespace Centrex.Switch.Media;

/// <summary>Builds the media core the configuration names.</summary>
public static class MediaCoreFactory
{
    /// <summary>A <see cref="RelayMediaCore"/> or a <see cref="DirectMediaCore"/>.</summary>
    public static IMediaCore Create(MediaOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return options.Mode switch
        {
            MediaMode.Direct => new DirectMediaCore(),
            MediaMode.Relay => new RelayMediaCore(options),
            _ => throw new ArgumentException($"unknown media mode {options.Mode}", nameof(options)),
        };
    }
}
