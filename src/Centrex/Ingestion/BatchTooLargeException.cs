namespace Centrex.Ingestion;

/// <summary>A batch over <see cref="IngestionLimits"/>: answered 413 and not applied.</summary>
internal sealed class BatchTooLargeException(string message) : Exception(message);
