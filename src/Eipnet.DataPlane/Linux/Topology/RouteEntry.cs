namespace Eipnet.DataPlane.Linux.Topology;

/// <summary>A route in a namespace; the key is (Namespace, Table, Destination), so a change is one "replace".</summary>
/// <remarks>Table 0 is the main table. Via is null for a device route; with Via the route is "onlink", because gateway ends
/// carry no address (proxy ARP). Every route we install carries our routing protocol number, so observation finds ours.</remarks>
public sealed record RouteEntry(string Namespace, string Destination, string Device, string? Via, int Table = 0)
{
    public (string Namespace, int Table, string Destination) Key => (Namespace, Table, Destination);
}
