using System.Buffers;
using System.Net.Http.Headers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Refit;

namespace Clients.Core.Wire;

/// <summary>
/// Refit's <see cref="SystemTextJsonContentSerializer"/> for everything (request bodies, streams, field names, strings),
/// except reading a UTF-8 JSON response body: Refit has always read that body whole into the content's buffer before it
/// asks for it, so it is deserialized straight from those bytes, synchronously, with the same options and contracts.
/// Saved per call: the <c>Content-Type</c> header parsed into objects (only its charset is looked for, in the raw
/// value), the read-only stream over the buffer and its task, the resumable (stream) deserializer's state.
/// </summary>
/// <remarks>
/// A body whose charset is not UTF-8 (which <c>ReadFromJsonAsync</c> would transcode) goes to Refit's serializer as it
/// is. A body not buffered yet (read by another caller) is buffered first, as <c>ReadFromJsonAsync</c> would read it
/// all anyway. What Refit does only for its own serializer type, it does not do here: the source-generated form fields
/// of a <c>[Body(BodySerializationMethod.UrlEncoded)]</c> body (the reflection path, which writes the same fields, is
/// taken), the element-typed JSON Lines writer (the object-typed one, which writes the same JSON), and
/// <c>SystemTextJsonQueryConverter</c>; none is used by the providers' interfaces.
/// </remarks>
internal sealed class BufferedJsonContentSerializer(SystemTextJsonContentSerializer inner, JsonSerializerOptions options)
    : IHttpContentSerializer, IJsonTypeInfoContentSerializer, ISynchronousContentSerializer, ISynchronousContentDeserializer, IStreamingContentSerializer
{
    /// <summary>The serializer everything but the reading of a UTF-8 JSON body goes to.</summary>
    public SystemTextJsonContentSerializer Inner { get; } = inner;

    /// <inheritdoc />
    public Task<T?> FromHttpContentAsync<T>(HttpContent content, CancellationToken cancellationToken = default) =>
        FromHttpContentAsync(content, (JsonTypeInfo<T>)options.GetTypeInfo(typeof(T)), cancellationToken);

    /// <inheritdoc />
    public Task<T?> FromHttpContentAsync<T>(HttpContent content, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(typeInfo);
        if (!IsUtf8(content.Headers))
        {
            return Inner.FromHttpContentAsync(content, typeInfo, cancellationToken);
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return Task.FromCanceled<T?>(cancellationToken);
        }

        // Completed at once when Refit has buffered the body, as it does before every deserialization.
        var buffering = content.LoadIntoBufferAsync(cancellationToken);
        if (!buffering.IsCompletedSuccessfully)
        {
            return DeserializeWhenBufferedAsync(buffering, content, typeInfo, cancellationToken);
        }

        try
        {
            return Task.FromResult(Deserialize(content, typeInfo, cancellationToken));
        }
        catch (Exception exception)
        {
            return Task.FromException<T?>(exception);
        }
    }

    /// <inheritdoc />
    public HttpContent ToHttpContent<T>(T item) => Inner.ToHttpContent(item);

    /// <inheritdoc />
    public HttpContent ToHttpContent<T>(T item, JsonTypeInfo<T> typeInfo) => Inner.ToHttpContent(item, typeInfo);

    /// <inheritdoc />
    public HttpContent ToHttpContentSynchronous<T>(T item) => Inner.ToHttpContentSynchronous(item);

    /// <inheritdoc />
    public HttpContent ToHttpContentSynchronous<T>(T item, JsonTypeInfo<T> typeInfo) => Inner.ToHttpContentSynchronous(item, typeInfo);

    /// <inheritdoc />
    public HttpContent ToStreamingHttpContent<T>(T item) => Inner.ToStreamingHttpContent(item);

    /// <inheritdoc />
    public HttpContent ToStreamingHttpContent<T>(T item, JsonTypeInfo<T> typeInfo) => Inner.ToStreamingHttpContent(item, typeInfo);

    /// <inheritdoc />
    public T? DeserializeFromString<T>(string content) => Inner.DeserializeFromString<T>(content);

    /// <inheritdoc />
    public T? DeserializeFromString<T>(string content, JsonTypeInfo<T> typeInfo) => Inner.DeserializeFromString(content, typeInfo);

    /// <inheritdoc />
    public IAsyncEnumerable<T?> DeserializeStreamAsync<T>(Stream stream, StreamingContentFormat format, CancellationToken cancellationToken = default) =>
        Inner.DeserializeStreamAsync<T>(stream, format, cancellationToken);

    /// <inheritdoc />
    public IAsyncEnumerable<T?> DeserializeStreamAsync<T>(Stream stream, StreamingContentFormat format, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken = default) =>
        Inner.DeserializeStreamAsync(stream, format, typeInfo, cancellationToken);

    /// <inheritdoc />
    public string? GetFieldNameForProperty(PropertyInfo propertyInfo) => Inner.GetFieldNameForProperty(propertyInfo);

    private static async Task<T?> DeserializeWhenBufferedAsync<T>(Task buffering, HttpContent content, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        await buffering.ConfigureAwait(false);
        return Deserialize(content, typeInfo, cancellationToken);
    }

    // The buffered body is handed to the capture stream as one array segment (HttpContent.CopyTo writes its buffer in one
    // call): read in place, not copied.
    private static T? Deserialize<T>(HttpContent content, JsonTypeInfo<T> typeInfo, CancellationToken cancellationToken)
    {
        var capture = BodyCapture.Rent();
        try
        {
            content.CopyTo(capture, null, cancellationToken);
            var body = capture.Written;
            if (body.StartsWith(Utf8Bom))
            {
                body = body[Utf8Bom.Length..];
            }

            return JsonSerializer.Deserialize(body, typeInfo);
        }
        finally
        {
            BodyCapture.Return(capture);
        }
    }

    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Whether <c>ReadFromJsonAsync</c> would read the body as UTF-8 without transcoding: no charset, or <c>utf-8</c>.
    /// Looked for in the raw header, which is not parsed into objects.
    /// </summary>
    /// <param name="headers">The content's headers.</param>
    /// <returns><see langword="true"/> for UTF-8.</returns>
    internal static bool IsUtf8(HttpContentHeaders headers)
    {
        if (!headers.NonValidated.TryGetValues("Content-Type", out var values))
        {
            return true;
        }

        if (values.Count != 1)
        {
            return false;
        }

        foreach (var value in values)
        {
            return CharsetIsUtf8(value);
        }

        return true;
    }

    private static bool CharsetIsUtf8(ReadOnlySpan<char> contentType)
    {
        // type/subtype *( ";" name "=" value ); a quoted value with a ';' in it is no charset we read here.
        var rest = contentType;
        var semicolon = rest.IndexOf(';');
        while (semicolon >= 0)
        {
            rest = rest[(semicolon + 1)..];
            semicolon = rest.IndexOf(';');
            var parameter = (semicolon < 0 ? rest : rest[..semicolon]).Trim();
            var equals = parameter.IndexOf('=');
            if (equals < 0 || !parameter[..equals].TrimEnd().Equals("charset", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            var charset = parameter[(equals + 1)..].TrimStart();
            if (charset.Length >= 2 && charset[0] == '"' && charset[^1] == '"')
            {
                charset = charset[1..^1];
            }

            return charset.Equals("utf-8", StringComparison.OrdinalIgnoreCase) || charset.Equals("utf8", StringComparison.OrdinalIgnoreCase);
        }

        return true;
    }

    /// <summary>
    /// A write-only stream that keeps the one array segment written to it (no copy); a second write (content that was
    /// not buffered) gathers everything into a pooled array. One instance per thread is reused.
    /// </summary>
    private sealed class BodyCapture : Stream
    {
        [ThreadStatic]
        private static BodyCapture? _cached;

        private byte[]? _array;
        private int _offset;
        private int _count;
        private byte[]? _pooled;

        public ReadOnlySpan<byte> Written => _array is null ? default : _array.AsSpan(_offset, _count);

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _count;

        public override long Position
        {
            get => _count;
            set => throw new NotSupportedException();
        }

        public static BodyCapture Rent()
        {
            var capture = _cached ?? new BodyCapture();
            _cached = null;
            return capture;
        }

        public static void Return(BodyCapture capture)
        {
            if (capture._pooled is { } pooled)
            {
                ArrayPool<byte>.Shared.Return(pooled);
            }

            capture._array = null;
            capture._pooled = null;
            capture._offset = 0;
            capture._count = 0;
            _cached = capture;
        }

        public override void Write(byte[] buffer, int offset, int count)
        {
            ArgumentNullException.ThrowIfNull(buffer);
            if (_array is null)
            {
                _array = buffer;
                _offset = offset;
                _count = count;
                return;
            }

            Append(buffer.AsSpan(offset, count));
        }

        public override void Write(ReadOnlySpan<byte> buffer)
        {
            if (_array is null)
            {
                _array = _pooled = ArrayPool<byte>.Shared.Rent(Math.Max(buffer.Length, 256));
                _offset = 0;
                _count = 0;
            }

            Append(buffer);
        }

        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken)
        {
            Write(buffer, offset, count);
            return Task.CompletedTask;
        }

        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
        {
            Write(buffer.Span);
            return ValueTask.CompletedTask;
        }

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        private void Append(ReadOnlySpan<byte> data)
        {
            // Gather into a pooled array big enough for what is written so far and what comes.
            if (_pooled is null || _offset + _count + data.Length > _pooled.Length)
            {
                var grown = ArrayPool<byte>.Shared.Rent(Math.Max(_count + data.Length, _count * 2));
                Written.CopyTo(grown);
                if (_pooled is not null)
                {
                    ArrayPool<byte>.Shared.Return(_pooled);
                }

                _array = _pooled = grown;
                _offset = 0;
            }

            data.CopyTo(_pooled.AsSpan(_offset + _count));
            _count += data.Length;
        }
    }
}
