namespace LogLens.Parsing;

/// <summary>
/// Numbers one file's connections as a format's stitching tells them apart: each number is unique in
/// the file, so the session stage groups by it, and names the sessions after their key (<c>4711</c>,
/// then <c>4711-2</c> for the next connection under the same key), one scheme for every format.
/// </summary>
internal sealed class ConnectionNumbers
{
    private long last;

    /// <summary>The next connection's number.</summary>
    /// <returns>A number not given before in this file.</returns>
    public long Next() => ++last;
}
