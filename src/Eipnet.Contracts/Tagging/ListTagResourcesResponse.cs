namespace Eipnet.Contracts.Tagging;

/// <summary>ListTagResources; an empty NextToken means there is no further page.</summary>
public sealed record ListTagResourcesResponse(string RequestId, string NextToken, TagResourceList TagResources);
