using System.Text.RegularExpressions;

namespace Eipnet.Domain.Resources;

/// <summary>An instance's maintenance settings as ModifyInstanceMaintenanceAttributes set them: windows (UTC hours,
/// "HH:00:00Z"), the action on maintenance and whether to notify.</summary>
/// <remarks>Eipnet never takes an instance down for maintenance, so every setting is honoured trivially; they are kept so a
/// client reads back what it wrote.</remarks>
public sealed partial record InstanceMaintenance(IReadOnlyList<MaintenanceSlot> Windows, string ActionOnMaintenance, bool NotifyOnMaintenance)
{
    /// <summary>Alibaba's defaults: no window, AutoRecover, no notification.</summary>
    public static readonly InstanceMaintenance Default = new([], "AutoRecover", false);

    /// <summary>The actions Alibaba offers.</summary>
    public static readonly IReadOnlyList<string> Actions = ["Stop", "AutoRecover", "AutoRedeploy"];

    /// <summary>At most this many windows per instance.</summary>
    public const int MaxWindows = 10;

    /// <summary>A window starts and ends on a whole UTC hour ("HH:00:00Z") and is not empty.</summary>
    public static bool IsValidWindow(MaintenanceSlot window) =>
        Hour().IsMatch(window.StartTime) && Hour().IsMatch(window.EndTime) && window.StartTime != window.EndTime;

    [GeneratedRegex(@"^([01][0-9]|2[0-3]):00:00Z$")]
    private static partial Regex Hour();
}
