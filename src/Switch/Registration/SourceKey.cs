using System.Buffers.Binary;
using System.Net;

namespace Centrex.Switch.Registration;

/// <summary>
/// Whom failures are counted against: an IPv4 address, or an IPv6 /64 (one subscriber's usual allocation, RFC 6177,
/// so an attacker cannot step through the addresses of its own prefix). Never the port. A value, so looking a source up
/// allocates nothing.
/// </summary>
internal readonly record struct SourceKey(ulong High, ulong Low)
{
    public static SourceKey Of(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        Span<byte> bytes = stackalloc byte[16];
        if (address.AddressFamily == System.Net.Sockets.AddressFamily.InterNetwork)
        {
            address.TryWriteBytes(bytes, out _);
            return new SourceKey(0, 0xFFFF_0000_0000UL | BinaryPrimitives.ReadUInt32BigEndian(bytes)); // as ::ffff:a.b.c.d
        }

        address.TryWriteBytes(bytes, out _);
        return new SourceKey(BinaryPrimitives.ReadUInt64BigEndian(bytes), 0);
    }
}
