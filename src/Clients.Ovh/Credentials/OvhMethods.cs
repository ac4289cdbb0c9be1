namespace Clients.Ovh;

/// <summary>The method sets of the official clients (python-ovh <c>API_READ_ONLY</c>, <c>API_READ_WRITE</c>, <c>API_READ_WRITE_SAFE</c>).</summary>
public static class OvhMethods
{
    /// <summary><c>GET</c>.</summary>
    public static IReadOnlyList<string> ReadOnly { get; } = ["GET"];

    /// <summary><c>GET</c>, <c>POST</c>, <c>PUT</c>, <c>DELETE</c>.</summary>
    public static IReadOnlyList<string> ReadWrite { get; } = ["GET", "POST", "PUT", "DELETE"];

    /// <summary><c>GET</c>, <c>POST</c>, <c>PUT</c>: everything but <c>DELETE</c>.</summary>
    public static IReadOnlyList<string> ReadWriteSafe { get; } = ["GET", "POST", "PUT"];
}
