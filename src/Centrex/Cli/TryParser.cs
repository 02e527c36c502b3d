namespace Centrex.Cli;

/// <summary>Reads an option's text into a value; false when the text is not one.</summary>
internal delegate bool TryParser<T>(string text, out T value);
