using System.Reflection;

namespace Clients.Sandbox.Hosting;

/// <summary>The provider documents embedded in the sandbox assembly.</summary>
internal static class SandboxResources
{
    /// <summary>The bytes of an embedded resource, or null when the build did not embed it.</summary>
    public static byte[]? Load(string logicalName)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(logicalName);
        if (stream is null)
        {
            return null;
        }

        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        return buffer.ToArray();
    }
}
