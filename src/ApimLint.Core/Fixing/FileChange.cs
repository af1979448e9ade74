using ApimLint.Text;

namespace ApimLint.Fixing;

/// <summary>A file a fix run changes or creates: its bytes as read (null for a new file) and its new text.</summary>
public sealed record FileChange(string Path, byte[]? OriginalBytes, string OriginalText, string NewText, SourceEncoding Encoding)
{
    public bool IsCreation => OriginalBytes is null;

    /// <summary>The folder the file belongs to (its node's home, the nginx folder): no folder between it and the file may be a link.</summary>
    public string? Root { get; init; }

    /// <summary>
    /// The bytes to write: a new file encoded whole; a changed file spliced, its bytes outside the edits
    /// copied as they were. Throws <see cref="FixWriteException"/> when an edit would touch undecodable bytes.
    /// </summary>
    public byte[] NewBytes => IsCreation ? Encoding.GetBytes(NewText) : ByteSplice.Apply(this);
}

/// <summary>A fix run could not write its changes; every file was left as it was.</summary>
public sealed class FixWriteException(string message, Exception? inner = null) : Exception(message, inner);
