using ApimLint.Text;

namespace ApimLint.Fixing;

/// <summary>A file a fix run changes or creates: its bytes as read (null for a new file) and its new text.</summary>
public sealed record FileChange(string Path, byte[]? OriginalBytes, string OriginalText, string NewText, SourceEncoding Encoding)
{
    public bool IsCreation => OriginalBytes is null;

    public byte[] NewBytes => Encoding.GetBytes(NewText);
}

/// <summary>A fix run could not write its changes; every file was left as it was.</summary>
public sealed class FixWriteException(string message, Exception? inner = null) : Exception(message, inner);
