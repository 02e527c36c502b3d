namespace Centrex.Switch.Calls;

/// <summary>Receives exactly one <see cref="CallEnd"/> per call attempt, refused ones included. Called under the switch's lock.</summary>
public interface ICdrSink
{
    /// <summary>A call attempt ended.</summary>
    void Emit(CallEnd end);
}
