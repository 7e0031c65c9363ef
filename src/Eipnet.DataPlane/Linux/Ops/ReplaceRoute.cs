using Eipnet.DataPlane.Linux.Topology;

namespace Eipnet.DataPlane.Linux.Ops;

/// <summary>Add or change a route ("ip route replace": the destination is the key, so moving it to another device is one step).</summary>
public sealed record ReplaceRoute(RouteEntry Route) : HostOp
{
    public override string ToString() =>
        $"route replace {Route.Namespace} {Route.Destination} dev {Route.Device}" + (Route.Via is null ? "" : $" via {Route.Via} onlink")
        + (Route.Table == 0 ? "" : $" table {Route.Table}");
}
