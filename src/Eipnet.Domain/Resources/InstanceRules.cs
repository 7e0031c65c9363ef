using Eipnet.Domain.Errors;

namespace Eipnet.Domain.Resources;

/// <summary>The instance rules that are not about its state machine: deletion protection, user data, labels.</summary>
public static class InstanceRules
{
    /// <summary>Alibaba's limit on user data: 32 KiB once decoded.</summary>
    public const int MaxUserDataBytes = 32 * 1024;

    /// <summary>An instance with deletion protection on is not deleted (alibaba-api.md: InvalidOperation.DeletionProtection, 403).</summary>
    public static EipError? CheckDelete(Instance instance) => instance.DeletionProtection
        ? new("InvalidOperation.DeletionProtection", $"The instance {instance.InstanceId} has deletion protection on; turn it off first (ModifyInstanceAttribute DeletionProtection=false).", 403)
        : null;

    /// <summary>User data must be Base64 of at most <see cref="MaxUserDataBytes"/> bytes.</summary>
    public static EipError? CheckUserData(string userData)
    {
        var buffer = new byte[userData.Length];
        return Convert.TryFromBase64String(userData, buffer, out var length) && length <= MaxUserDataBytes
            ? null
            : new("InvalidUserData.Base64FormatInvalid", $"The UserData must be Base64-encoded and at most {MaxUserDataBytes / 1024} KiB once decoded.", 400);
    }

    /// <summary>An instance's labels and attributes change only while it is not Pending, Starting or Stopping: completing the
    /// transition rewrites the instance.</summary>
    public static EipError? CheckChange(Instance instance) => Transitions.IsTransitional(instance.Status)
        ? EcsErrors.IncorrectInstanceStatus(instance.InstanceId, instance.Status.ToString(), "Running or Stopped")
        : null;
}
