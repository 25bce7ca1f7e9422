namespace Jixiao.Formats.Import;

/// <summary>
/// A binary file (xlsx, xls, PDF) that cannot be read as a whole. The message is in Chinese and shown to the user as
/// it is, after the file's name; it never carries a stack trace.
/// </summary>
public sealed class UnreadableFileException(string message) : Exception(message);
