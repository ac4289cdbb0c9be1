using System.Globalization;
using System.Text;

namespace Clients.SpecTools.Reading;

/// <summary>Finds a document's text encoding from its byte-order mark: UTF-8 (with or without BOM), UTF-16 and UTF-32 with BOM.</summary>
internal static class TextDecoding
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The encoding's name and the length of its BOM. Refuses BOM-less UTF-16/32, which cannot be told apart reliably.</summary>
    public static (string Name, Encoding Encoding, int BomLength) Detect(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            return ("UTF-8 with BOM", StrictUtf8, 3);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
        {
            return ("UTF-32 LE with BOM", new UTF32Encoding(bigEndian: false, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x00, 0x00, 0xFE, 0xFF]))
        {
            return ("UTF-32 BE with BOM", new UTF32Encoding(bigEndian: true, byteOrderMark: false, throwOnInvalidCharacters: true), 4);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return ("UTF-16 LE with BOM", new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return ("UTF-16 BE with BOM", new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true), 2);
        }

        if (bytes.Length >= 2 && (bytes[0] == 0 || bytes[1] == 0))
        {
            throw new SpecReadException("the document looks like UTF-16 or UTF-32 without a byte-order mark (a NUL byte in its first characters); save it as UTF-8, or with a byte-order mark");
        }

        return ("UTF-8", StrictUtf8, 0);
    }

    /// <summary>The document's text, without its BOM; a clear error naming the byte offset of invalid input.</summary>
    public static string Decode(ReadOnlySpan<byte> bytes, (string Name, Encoding Encoding, int BomLength) detected)
    {
        try
        {
            return detected.Encoding.GetString(bytes[detected.BomLength..]);
        }
        catch (DecoderFallbackException exception)
        {
            var at = exception.Index >= 0 ? string.Create(CultureInfo.InvariantCulture, $" at byte {exception.Index + detected.BomLength}") : string.Empty;
            throw new SpecReadException(
                $"the document is not valid {detected.Name}{at} (a Windows-1252 or Latin-1 file? save it as UTF-8)", null, exception);
        }
    }
}
