using System.Net;
using System.Net.Sockets;

namespace Clients.Sandbox;

/// <summary>
/// A response body that delivers its first half, then fails as <paramref name="fault"/> says: a connection reset
/// (<see cref="IOException"/>), a stall of <paramref name="stall"/> before the rest (cancellable), or a chunked body
/// ended early (<see cref="HttpIOException"/>). Both buffered (<see cref="HttpContent.LoadIntoBufferAsync()"/>) and
/// streamed (<see cref="HttpContent.ReadAsStreamAsync()"/>) readers see the fault.
/// </summary>
internal sealed class SandboxFaultContent(byte[] body, SandboxFault fault, TimeSpan stall, TimeProvider time) : HttpContent
{
    protected override Task SerializeToStreamAsync(Stream stream, TransportContext? context) =>
        SerializeToStreamAsync(stream, context, CancellationToken.None);

    protected override async Task SerializeToStreamAsync(Stream stream, TransportContext? context, CancellationToken cancellationToken)
    {
        var source = new FaultyStream(body, fault, stall, time);
        await using (source.ConfigureAwait(false))
        {
            await source.CopyToAsync(stream, cancellationToken).ConfigureAwait(false);
        }
    }

    protected override Task<Stream> CreateContentReadStreamAsync() => Task.FromResult<Stream>(new FaultyStream(body, fault, stall, time));

    protected override Task<Stream> CreateContentReadStreamAsync(CancellationToken cancellationToken) => CreateContentReadStreamAsync();

    protected override bool TryComputeLength(out long length)
    {
        length = body.Length;
        return fault != SandboxFault.TruncatedChunked;
    }

    private sealed class FaultyStream(byte[] body, SandboxFault fault, TimeSpan stall, TimeProvider time) : Stream
    {
        private readonly int _cut = body.Length / 2;
        private int _position;
        private bool _stalled;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => _position;
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        // A synchronous reader stalls synchronously (on the same TimeProvider), never by blocking on the async path.
        public override int Read(Span<byte> buffer)
        {
            if (StallDue())
            {
                using var elapsed = new ManualResetEventSlim();
                using (time.CreateTimer(static state => ((ManualResetEventSlim)state!).Set(), elapsed, stall, Timeout.InfiniteTimeSpan))
                {
                    elapsed.Wait();
                }

                _stalled = true;
            }

            return Copy(buffer);
        }

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            if (StallDue())
            {
                await Task.Delay(stall, time, cancellationToken).ConfigureAwait(false);
                _stalled = true;
            }

            return Copy(buffer.Span);
        }

        /// <summary>At the cut: throws the drop or the truncation; says whether the stall is still to come.</summary>
        private bool StallDue()
        {
            if (_position < _cut)
            {
                return false;
            }

            return fault switch
            {
                SandboxFault.MidBodyDrop => throw new IOException(
                    "Unable to read data from the transport connection: Connection reset by peer (sandbox fault).",
                    new SocketException((int)SocketError.ConnectionReset)),
                SandboxFault.TruncatedChunked => throw new HttpIOException(HttpRequestError.ResponseEnded, "The response ended prematurely (sandbox fault: chunked body truncated)."),
                SandboxFault.Stall => !_stalled,
                _ => false,
            };
        }

        private int Copy(Span<byte> buffer)
        {
            var end = _position < _cut ? _cut : body.Length;
            var count = Math.Min(buffer.Length, end - _position);
            body.AsSpan(_position, count).CopyTo(buffer);
            _position += count;
            return count;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
