namespace Eipnet.Agent.Kernel.Netlink;

/// <summary>The conntrack table through ctnetlink: what <c>conntrack -D -s/-d/-r/-q ADDRESS</c> does, without the process.</summary>
/// <remarks>The kernel filters a dump by family only, so the entries are read whole (IPCTNL_MSG_CT_GET with NLM_F_DUMP)
/// and matched here, then each match is deleted by its original tuple, zone and id, as the conntrack tool deletes what its
/// dump found. An entry that ended in between answers ENOENT, which is what we wanted.</remarks>
internal sealed class Ctnetlink(NetlinkSocket socket, string ns)
{
    private const ushort Subsystem = 1 << 8; // NFNL_SUBSYS_CTNETLINK
    private const ushort New = Subsystem | 0, Get = Subsystem | 1, Delete = Subsystem | 2; // a dump answers with "new" messages
    private const byte AfInet = 2;
    private const ushort TupleOrig = 1, TupleReply = 2, Id = 12, Zone = 18;
    private const ushort TupleIp = 1, Ipv4Src = 1, Ipv4Dst = 2;

    /// <summary>Deletes every IPv4 entry with one of <paramref name="addresses"/> as the source or destination of its
    /// original or reply tuple; returns how many it deleted.</summary>
    /// <remarks>One dump serves them all: a dump walks the kernel's conntrack hash, which every namespace shares and which
    /// is sized by memory, not by how many entries there are (milliseconds on an idle host).</remarks>
    public int DeleteWithAddresses(IReadOnlyCollection<string> addresses)
    {
        var wanted = addresses.Select(Ipv4Prefix.ParseAddress).ToList();
        var matches = new List<byte[]>();
        socket.Exchange(new NetlinkMessage(Get, NetlinkMessage.Request | NetlinkMessage.Dump, $"conntrack -L (ctnetlink in {ns})").Bytes(Header()),
            (type, payload) =>
            {
                if (type != New || payload.Length < 4)
                    return;
                var attributes = payload[4..];
                if (Has(attributes, TupleOrig, Ipv4Src, wanted) || Has(attributes, TupleOrig, Ipv4Dst, wanted)
                    || Has(attributes, TupleReply, Ipv4Src, wanted) || Has(attributes, TupleReply, Ipv4Dst, wanted))
                    matches.Add(DeleteRequest(attributes));
            });
        var deleted = 0;
        foreach (var keys in matches)
        {
            try
            {
                socket.Exchange(new NetlinkMessage(Delete, NetlinkMessage.Request | NetlinkMessage.Ack, $"conntrack -D (ctnetlink in {ns}) {string.Join(' ', addresses)}")
                    .Bytes(Header()).Bytes(keys));
                deleted++;
            }
            catch (NetlinkException e) when (e.Errno == NetlinkException.ENOENT)
            {
                // ended (or replaced by another with a new id) since the dump
            }
        }
        return deleted;
    }

    private static bool Has(ReadOnlySpan<byte> attributes, ushort tuple, ushort field, List<byte[]> addresses)
    {
        if (!NetlinkAttributes.TryFindPath(attributes, [tuple, TupleIp, field], out var value))
            return false;
        foreach (var address in addresses)
        {
            if (value.SequenceEqual(address))
                return true;
        }
        return false;
    }

    // The attributes that name the entry, copied as the kernel sent them: its original tuple, its zone, its id.
    private static byte[] DeleteRequest(ReadOnlySpan<byte> attributes)
    {
        var keys = new List<byte>();
        foreach (var type in (ReadOnlySpan<ushort>)[TupleOrig, Zone, Id])
        {
            if (NetlinkAttributes.TryFindRaw(attributes, type, out var raw))
            {
                keys.AddRange(raw);
                while (keys.Count % 4 != 0)
                    keys.Add(0);
            }
        }
        return [.. keys];
    }

    private static byte[] Header() => [AfInet, 0, 0, 0]; // nfgenmsg: family, version 0, resource id 0
}
