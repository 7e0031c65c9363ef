namespace Eipnet.Contracts.Instances;

/// <summary>RunInstances' answer: the new instance ids in creation order; Eipnet sells nothing, so OrderId is "" and TradePrice 0.</summary>
public sealed record RunInstancesResponse(string RequestId, InstanceIdSetList InstanceIdSets, string OrderId, double TradePrice);
