namespace Eipnet.DataPlane.Linux.Topology;

/// <summary>A route in a namespace's main table; the key is (Namespace, Destination), so a change is one "replace".</summary>
/// <remarks>Via is null for a device route; with Via the route is "onlink", because gateway ends carry no address (proxy ARP).</remarks>
public sealed record RouteEntry(string Namespace, string Destination, string Device, string? Via);
