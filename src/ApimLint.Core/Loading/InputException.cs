namespace ApimLint.Loading;

/// <summary>The command's input cannot be used at all (a missing folder or file): a one-line error, exit 2.</summary>
public sealed class InputException(string message) : Exception(message);
