namespace Eipnet.Contracts.SecurityGroups;

/// <summary>The Permissions.Permission[] wrapper; an empty list is [].</summary>
public sealed record PermissionList(IReadOnlyList<PermissionItem> Permission);
