using System.Buffers.Binary;

namespace Eipnet.Agent.Kernel.Netlink;

/// <summary>Links, addresses, routes, policy rules and neighbour parameters through rtnetlink, each request written as the
/// one iproute2 sends for the same command (same header fields, same attributes), so the kernel ends up in the same state.</summary>
internal sealed class Rtnetlink(NetlinkSocket socket, string ns)
{
    private const ushort NewLink = 16, DelLink = 17, GetLink = 18, NewAddr = 20, DelAddr = 21, NewRoute = 24, DelRoute = 25;
    private const ushort NewRule = 32, DelRule = 33, SetNeighTable = 67;
    private const byte AfInet = 2;
    private const ushort IflaAddress = 1, IflaIfname = 3, IflaLink = 5, IflaLinkinfo = 18, IflaNetNsFd = 28, IflaLinkNetnsid = 37, IflaTargetNetnsid = 46;
    private const ushort IflaInfoKind = 1, IflaInfoData = 2, VethInfoPeer = 1, IflaMtu = 4;
    private const ushort IflaVxlanId = 1, IflaVxlanLearning = 7, IflaVxlanPort = 15;
    private const ushort NewNeigh = 28, DelNeigh = 29, NdaDst = 1, NdaLladdr = 2;
    private const byte AfBridge = 7, NtfSelf = 0x02;
    private const ushort NudPermanent = 0x80, NudNoarp = 0x40;
    private const ushort IfaAddress = 1, IfaLocal = 2;
    private const ushort RtaDst = 1, RtaOif = 4, RtaGateway = 5, RtaTable = 15;
    private const ushort FraSrc = 2, FraPriority = 6, FraFwmark = 10, FraTable = 15, FraProtocol = 21;
    private const ushort NdtaName = 1, NdtaParms = 6, NdtpaIfindex = 1, NdtpaProxyDelay = 13;
    private const byte RtnUnicast = 1, ScopeUniverse = 0, ScopeLink = 253, ScopeNowhere = 255, FrActToTable = 1;
    private const uint IffUp = 1, RtnhOnlink = 4;
    private const int MainTable = 254;

    /// <summary>The namespace this socket lives in.</summary>
    public string Namespace => ns;

    /// <summary>The index of a device; <see cref="NetlinkException"/> with ENODEV when there is none ("Cannot find device").</summary>
    public int LinkIndex(string device)
    {
        var message = new NetlinkMessage(GetLink, NetlinkMessage.Request | NetlinkMessage.Ack, $"ip -n {ns} link show {device}")
            .Bytes(LinkHeader(0, 0, 0)).String(IflaIfname, device);
        var index = 0;
        socket.Exchange(message, (type, payload) =>
        {
            if (type == NewLink && payload.Length >= 16)
                index = BinaryPrimitives.ReadInt32LittleEndian(payload[4..]);
        });
        return index != 0 ? index : throw new NetlinkException(message.Description, NetlinkException.ENODEV, null);
    }

    /// <summary>"ip link set DEVICE up" for a veth end that was just moved here, with the kernel's link watch brought up to
    /// date for both ends before and after.</summary>
    /// <remarks>Moving an end takes it down, and its peer loses carrier; the kernel acts on that (the peer's namespace
    /// forgets its neighbours through the peer) in link-watch work that needs the RTNL lock, which the move holds. An up
    /// sent at once can take the lock first, and then link watch sees carrier on both times and forgets nothing: the
    /// peer's namespace keeps a neighbour entry that has been failing while the ENI was parked, and the first packet waits
    /// for its next probe, up to a second. An ip process per step left link watch the milliseconds it needed; reading a
    /// link (RTM_GETLINK) runs its pending link watch at once (Linux 6.8), so this asks for the peer before the up, and
    /// for both ends after it (their qdiscs then pass packets without waiting for link watch either).</remarks>
    public void SetUpMoved(string device)
    {
        var peer = Peer(device);
        if (peer is { } before)
            Read(before.Index, before.Netnsid);
        SetUp(device);
        LinkIndex(device);
        if (peer is { } after)
            Read(after.Index, after.Netnsid);
    }

    // A veth end's peer: its index, and its namespace's id as seen from here (null when in this namespace); null for a
    // device without a peer.
    private (int Index, int? Netnsid)? Peer(string device)
    {
        var message = new NetlinkMessage(GetLink, NetlinkMessage.Request | NetlinkMessage.Ack, $"ip -n {ns} link show {device}")
            .Bytes(LinkHeader(0, 0, 0)).String(IflaIfname, device);
        (int Index, int? Netnsid)? peer = null;
        socket.Exchange(message, (type, payload) =>
        {
            if (type != NewLink || payload.Length < 16)
                return;
            var index = BinaryPrimitives.ReadInt32LittleEndian(payload[4..]);
            var attributes = payload[16..];
            if (!NetlinkAttributes.TryFind(attributes, IflaLink, out var link) || link.Length < 4)
                return;
            var peerIndex = BinaryPrimitives.ReadInt32LittleEndian(link);
            int? netnsid = NetlinkAttributes.TryFind(attributes, IflaLinkNetnsid, out var id) && id.Length >= 4 ? BinaryPrimitives.ReadInt32LittleEndian(id) : null;
            if (peerIndex != 0 && (peerIndex != index || netnsid is not null))
                peer = (peerIndex, netnsid is < 0 ? null : netnsid);
        });
        return peer;
    }

    private void Read(int index, int? netnsid)
    {
        var message = new NetlinkMessage(GetLink, NetlinkMessage.Request | NetlinkMessage.Ack, $"ip -n {ns} link show index {index} (netns id {netnsid})")
            .Bytes(LinkHeader(index, 0, 0));
        if (netnsid is { } id)
            message.U32(IflaTargetNetnsid, (uint)id);
        socket.Exchange(message);
    }

    /// <summary>"ip link set DEVICE up".</summary>
    public void SetUp(string device) =>
        socket.Exchange(new NetlinkMessage(NewLink, NetlinkMessage.Request | NetlinkMessage.Ack, $"ip -n {ns} link set {device} up")
            .Bytes(LinkHeader(0, IffUp, IffUp)).String(IflaIfname, device));

    /// <summary>"ip link del DEVICE" (a veth takes its peer along).</summary>
    public void Delete(string device) =>
        socket.Exchange(new NetlinkMessage(DelLink, NetlinkMessage.Request | NetlinkMessage.Ack, $"ip -n {ns} link del {device}")
            .Bytes(LinkHeader(0, 0, 0)).String(IflaIfname, device));

    /// <summary>"ip link set DEVICE netns TO": the device leaves this namespace (down, without its addresses and routes).</summary>
    public void Move(string device, string to)
    {
        var description = $"ip -n {ns} link set {device} netns {to}";
        using var target = OpenNamespace(to, description);
        socket.Exchange(new NetlinkMessage(NewLink, NetlinkMessage.Request | NetlinkMessage.Ack, description)
            .Bytes(LinkHeader(0, 0, 0)).String(IflaIfname, device).U32(IflaNetNsFd, (uint)target.DangerousGetHandle()));
    }

    /// <summary>"ip link add NAME address MAC type veth peer name PEER address PEERMAC netns PEERNS".</summary>
    public void CreateVeth(string name, string mac, string peer, string peerMac, string peerNamespace)
    {
        var description = $"ip -n {ns} link add {name} address {mac} type veth peer name {peer} address {peerMac} netns {peerNamespace}";
        using var target = OpenNamespace(peerNamespace, description);
        var message = new NetlinkMessage(NewLink, NetlinkMessage.Request | NetlinkMessage.Ack | NetlinkMessage.Create | NetlinkMessage.Exclusive, description);
        message.Bytes(LinkHeader(0, 0, 0)).String(IflaIfname, name).Attribute(IflaAddress, Mac(mac));
        var info = message.BeginNested(IflaLinkinfo);
        message.String(IflaInfoKind, "veth");
        var data = message.BeginNested(IflaInfoData);
        var peerInfo = message.BeginNested(VethInfoPeer);
        message.Bytes(LinkHeader(0, 0, 0)).String(IflaIfname, peer).Attribute(IflaAddress, Mac(peerMac))
            .U32(IflaNetNsFd, (uint)target.DangerousGetHandle());
        message.EndNested(peerInfo).EndNested(data).EndNested(info);
        socket.Exchange(message);
    }

    /// <summary>"ip link add NAME netns TARGET address MAC mtu MTU type vxlan id VNI dstport PORT nolearning": a VXLAN device
    /// whose UDP socket lives in this namespace (the host's underlay) and which itself lives in <paramref name="targetNamespace"/>.</summary>
    public void CreateVxlan(string name, string mac, int mtu, int vni, int port, string targetNamespace)
    {
        var description = $"ip -n {ns} link add {name} netns {targetNamespace} address {mac} mtu {mtu} type vxlan id {vni} dstport {port} nolearning";
        using var target = OpenNamespace(targetNamespace, description);
        var message = new NetlinkMessage(NewLink, NetlinkMessage.Request | NetlinkMessage.Ack | NetlinkMessage.Create | NetlinkMessage.Exclusive, description);
        message.Bytes(LinkHeader(0, 0, 0)).String(IflaIfname, name).Attribute(IflaAddress, Mac(mac)).U32(IflaMtu, (uint)mtu)
            .U32(IflaNetNsFd, (uint)target.DangerousGetHandle());
        var info = message.BeginNested(IflaLinkinfo);
        message.String(IflaInfoKind, "vxlan");
        var data = message.BeginNested(IflaInfoData);
        Span<byte> bigEndianPort = stackalloc byte[2];
        BinaryPrimitives.WriteUInt16BigEndian(bigEndianPort, (ushort)port);
        message.U32(IflaVxlanId, (uint)vni).U8(IflaVxlanLearning, 0).Attribute(IflaVxlanPort, bigEndianPort);
        message.EndNested(data).EndNested(info);
        socket.Exchange(message);
    }

    /// <summary>"ip neigh replace ADDRESS lladdr MAC dev DEVICE nud permanent".</summary>
    public void ReplaceNeighbour(string device, string address, string mac) =>
        socket.Exchange(new NetlinkMessage(NewNeigh, NetlinkMessage.Request | NetlinkMessage.Ack | NetlinkMessage.Create | NetlinkMessage.Replace,
                $"ip -n {ns} neigh replace {address} lladdr {mac} dev {device} nud permanent")
            .Bytes(NeighHeader(AfInet, LinkIndex(device), NudPermanent, 0)).Attribute(NdaDst, Ipv4Prefix.ParseAddress(address)).Attribute(NdaLladdr, Mac(mac)));

    /// <summary>"ip neigh del ADDRESS dev DEVICE".</summary>
    public void DeleteNeighbour(string device, string address) =>
        socket.Exchange(new NetlinkMessage(DelNeigh, NetlinkMessage.Request | NetlinkMessage.Ack, $"ip -n {ns} neigh del {address} dev {device}")
            .Bytes(NeighHeader(AfInet, LinkIndex(device), 0, 0)).Attribute(NdaDst, Ipv4Prefix.ParseAddress(address)));

    /// <summary>"bridge fdb replace MAC dev DEVICE dst REMOTE self permanent".</summary>
    public void ReplaceForwarding(string device, string mac, string remote) =>
        socket.Exchange(new NetlinkMessage(NewNeigh, NetlinkMessage.Request | NetlinkMessage.Ack | NetlinkMessage.Create | NetlinkMessage.Replace,
                $"bridge -n {ns} fdb replace {mac} dev {device} dst {remote} self permanent")
            .Bytes(NeighHeader(AfBridge, LinkIndex(device), NudPermanent | NudNoarp, NtfSelf)).Attribute(NdaLladdr, Mac(mac)).Attribute(NdaDst, Ipv4Prefix.ParseAddress(remote)));

    /// <summary>"bridge fdb del MAC dev DEVICE dst REMOTE self".</summary>
    public void DeleteForwarding(string device, string mac, string remote) =>
        socket.Exchange(new NetlinkMessage(DelNeigh, NetlinkMessage.Request | NetlinkMessage.Ack, $"bridge -n {ns} fdb del {mac} dev {device} dst {remote} self")
            .Bytes(NeighHeader(AfBridge, LinkIndex(device), 0, NtfSelf)).Attribute(NdaLladdr, Mac(mac)).Attribute(NdaDst, Ipv4Prefix.ParseAddress(remote)));

    // struct ndmsg: family, padding, ifindex, state, flags, type.
    private static byte[] NeighHeader(byte family, int index, ushort state, byte flags)
    {
        var header = new byte[12];
        header[0] = family;
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), index);
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(8), state);
        header[10] = flags;
        return header;
    }

    /// <summary>"ip ntable change name arp_cache dev DEVICE proxy_delay MS" (the sysctl net.ipv4.neigh.DEVICE.proxy_delay).</summary>
    public void SetProxyDelay(string device, ulong milliseconds)
    {
        var index = LinkIndex(device);
        var message = new NetlinkMessage(SetNeighTable, NetlinkMessage.Request | NetlinkMessage.Ack,
            $"ip -n {ns} ntable change name arp_cache dev {device} proxy_delay {milliseconds}");
        message.Bytes([AfInet, 0, 0, 0]).String(NdtaName, "arp_cache");
        var parms = message.BeginNested(NdtaParms);
        message.U32(NdtpaIfindex, (uint)index).U64(NdtpaProxyDelay, milliseconds).EndNested(parms);
        socket.Exchange(message);
    }

    /// <summary>"ip addr replace CIDR dev DEVICE".</summary>
    public void ReplaceAddress(string device, string cidr) => Address(NewAddr, NetlinkMessage.Create | NetlinkMessage.Replace, "replace", device, cidr);

    /// <summary>"ip addr del CIDR dev DEVICE"; EADDRNOTAVAIL when it is not there.</summary>
    public void DeleteAddress(string device, string cidr) => Address(DelAddr, 0, "del", device, cidr);

    private void Address(ushort type, ushort flags, string verb, string device, string cidr)
    {
        var description = $"ip -n {ns} addr {verb} {cidr} dev {device}";
        var local = Ipv4Prefix.Parse(cidr);
        var index = LinkIndex(device);
        Span<byte> header = stackalloc byte[8]; // ifaddrmsg: family, prefix length, flags, scope, index
        header[0] = AfInet;
        header[1] = (byte)local.Length;
        header[3] = local.Address[0] == 127 ? (byte)254 : ScopeUniverse; // ip's default scope: host for 127/8
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], index);
        socket.Exchange(new NetlinkMessage(type, (ushort)(NetlinkMessage.Request | NetlinkMessage.Ack | flags), description)
            .Bytes(header).Attribute(IfaLocal, local.Address).Attribute(IfaAddress, local.Address));
    }

    /// <summary>"ip route replace DESTINATION dev DEVICE [via VIA onlink] table TABLE proto PROTOCOL" (table 0: main); a
    /// route without a gateway has scope link, as ip gives it.</summary>
    public void ReplaceRoute(string destination, string device, string? via, int table, byte protocol)
    {
        var description = $"ip -n {ns} route replace {destination} dev {device}" + (via is null ? "" : $" via {via} onlink") + $" table {TableName(table)} proto {protocol}";
        var dst = Ipv4Prefix.Parse(destination);
        var index = LinkIndex(device);
        var message = new NetlinkMessage(NewRoute, NetlinkMessage.Request | NetlinkMessage.Ack | NetlinkMessage.Create | NetlinkMessage.Replace, description);
        message.Bytes(RouteHeader(dst.Length, table, protocol, via is null ? ScopeLink : ScopeUniverse, RtnUnicast, via is null ? 0 : RtnhOnlink));
        if (Id(table) >= 256)
            message.U32(RtaTable, (uint)Id(table));
        if (!dst.IsAny)
            message.Attribute(RtaDst, dst.Address);
        if (via is not null)
            message.Attribute(RtaGateway, Ipv4Prefix.ParseAddress(via));
        message.U32(RtaOif, (uint)index);
        socket.Exchange(message);
    }

    /// <summary>"ip route del DESTINATION table TABLE proto PROTOCOL"; ESRCH when there is no such route.</summary>
    public void DeleteRoute(string destination, int table, byte protocol)
    {
        var dst = Ipv4Prefix.Parse(destination);
        var message = new NetlinkMessage(DelRoute, NetlinkMessage.Request | NetlinkMessage.Ack,
            $"ip -n {ns} route del {destination} table {TableName(table)} proto {protocol}");
        message.Bytes(RouteHeader(dst.Length, table, protocol, ScopeNowhere, 0, 0));
        if (Id(table) >= 256)
            message.U32(RtaTable, (uint)Id(table));
        if (!dst.IsAny)
            message.Attribute(RtaDst, dst.Address);
        socket.Exchange(message);
    }

    /// <summary>"ip rule add from FROM [fwmark MARK] table TABLE priority PRIORITY protocol PROTOCOL"; EEXIST when the same
    /// rule is there (ip asks for an exclusive create).</summary>
    public void AddRule(string from, uint fwmark, int table, int priority, byte protocol) =>
        Rule(NewRule, NetlinkMessage.Create | NetlinkMessage.Exclusive, "add", from, fwmark, table, priority, protocol);

    /// <summary>"ip rule del from FROM [fwmark MARK] table TABLE priority PRIORITY"; ENOENT when there is no such rule.</summary>
    public void DeleteRule(string from, uint fwmark, int table, int priority) =>
        Rule(DelRule, 0, "del", from, fwmark, table, priority, protocol: null);

    private void Rule(ushort type, ushort flags, string verb, string from, uint fwmark, int table, int priority, byte? protocol)
    {
        var description = $"ip -n {ns} rule {verb} from {from}" + (fwmark == 0 ? "" : $" fwmark 0x{fwmark:x}") + $" table {TableName(table)} priority {priority}"
            + (protocol is null ? "" : $" protocol {protocol}");
        var src = Ipv4Prefix.Parse(from);
        Span<byte> header = stackalloc byte[12]; // fib_rule_hdr: family, dst_len, src_len, tos, table, res1, res2, action, flags
        header[0] = AfInet;
        header[2] = (byte)src.Length;
        header[4] = Id(table) < 256 ? (byte)Id(table) : (byte)0;
        header[7] = type == NewRule ? FrActToTable : (byte)0;
        var message = new NetlinkMessage(type, (ushort)(NetlinkMessage.Request | NetlinkMessage.Ack | flags), description).Bytes(header);
        if (!src.IsAny)
            message.Attribute(FraSrc, src.Address);
        message.U32(FraPriority, (uint)priority);
        if (fwmark != 0)
            message.U32(FraFwmark, fwmark);
        if (Id(table) >= 256)
            message.U32(FraTable, (uint)Id(table));
        if (protocol is { } p)
            message.U8(FraProtocol, p);
        socket.Exchange(message);
    }

    private static byte[] RouteHeader(int dstLength, int table, byte protocol, byte scope, byte type, uint flags)
    {
        var header = new byte[12]; // rtmsg: family, dst_len, src_len, tos, table, protocol, scope, type, flags
        header[0] = AfInet;
        header[1] = (byte)dstLength;
        header[4] = Id(table) < 256 ? (byte)Id(table) : (byte)0;
        header[5] = protocol;
        header[6] = scope;
        header[7] = type;
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), flags);
        return header;
    }

    private static byte[] LinkHeader(int index, uint flags, uint change)
    {
        var header = new byte[16]; // ifinfomsg: family, pad, type, index, flags, change
        BinaryPrimitives.WriteInt32LittleEndian(header.AsSpan(4), index);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(8), flags);
        BinaryPrimitives.WriteUInt32LittleEndian(header.AsSpan(12), change);
        return header;
    }

    // A missing target namespace is ENOENT, as ip reports it ("Cannot open network namespace ...: No such file or directory").
    private static Microsoft.Win32.SafeHandles.SafeFileHandle OpenNamespace(string name, string description)
    {
        try
        {
            return File.OpenHandle(Path.Combine("/run/netns", name));
        }
        catch (FileNotFoundException)
        {
            throw new NetlinkException(description, NetlinkException.ENOENT, $"the namespace {name} does not exist");
        }
    }

    private static byte[] Mac(string text) => Convert.FromHexString(text.Replace(":", "", StringComparison.Ordinal));

    // Table 0 in our plans is the main table (254), as "table main" is for ip.
    private static int Id(int table) => table == 0 ? MainTable : table;

    private static string TableName(int table) => table == 0 ? "main" : table.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
