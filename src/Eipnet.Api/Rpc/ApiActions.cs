using Eipnet.Api.Eips;
using Eipnet.Api.Regions;
using Eipnet.Api.SecurityGroups;
using Eipnet.Api.Vpcs;

namespace Eipnet.Api.Rpc;

/// <summary>The table of every action this server answers, product by product.</summary>
public static class ApiActions
{
    public static ActionTable All()
    {
        var table = new ActionTable();
        EipActions.Register(table);
        VpcActions.Register(table);
        Tagging.TagActions.Register(table);
        SecurityGroupActions.Register(table);
        RegionActions.Register(table);
        Instances.InstanceActions.Register(table);
        NetworkInterfaces.NetworkInterfaceActions.Register(table);
        Trace.TraceActions.Register(table);
        UnsupportedActions.Register(table);
        return table;
    }
}
