namespace Eipnet.Domain.Errors;

/// <summary>A failure we report to the caller in Alibaba's error envelope.</summary>
/// <remarks>Code is spelled as Alibaba (or SPEC.md) spells it; HttpStatus is always 4xx for bad input or state, 5xx only for our faults.</remarks>
public sealed record EipError(string Code, string Message, int HttpStatus)
{
    public static EipError MissingParameter(string name) =>
        new("MissingParameter", $"The input parameter \"{name}\" that is mandatory for processing this request is not supplied.", 400);

    public static EipError InvalidParameter(string name, string why) =>
        new("InvalidParameter", $"The specified parameter \"{name}\" is not valid: {why}", 400);

    public static EipError InvalidParameterCode(string code, string name, string why) =>
        new(code, $"The specified parameter \"{name}\" is not valid: {why}", 400);

    public static EipError NotFound(string code, string what, string id) =>
        new(code, $"The specified {what} \"{id}\" does not exist.", 404);

    public static EipError Conflict(string code, string message, int status = 400) => new(code, message, status);

    /// <summary>An action of Alibaba's API for a feature Eipnet does not have (docs/api.md, "Not supported").</summary>
    public static EipError Unsupported(string feature, string action, string why) =>
        new($"OperationUnsupported.{feature}", $"{action} is not supported by Eipnet: {why}", 400);

    public static EipError TaskConflict() =>
        new("TaskConflict", "The operation is too frequent, please wait a moment and try again. Another change to the same resource is in progress.", 400);

    public static EipError InternalError() =>
        new("InternalError", "The request processing has failed due to some unknown error.", 500);

    public static EipError ServiceUnavailable() =>
        new("ServiceUnavailable", "The request has failed due to a temporary failure of the server.", 503);

    // Refusals before any action runs: the HTTP server's own limits and the connection limit (docs/api.md, "Refusals and
    // connection limits"). Statuses stay 4xx: the caller sent something we will not read, or came at a bad time.
    public static EipError RequestMalformed(string detail) =>
        new("InvalidRequest.Malformed", $"The HTTP request could not be parsed ({detail.TrimEnd('.')}). Send a well-formed HTTP/1.1 request, as the Alibaba Cloud SDKs do.", 400);

    public static EipError RequestTimeout(TimeSpan headersWithin) =>
        new("InvalidRequest.Timeout", $"The request did not arrive in time: its headers must be complete within {headersWithin.TotalSeconds:0.#} s and a body must keep a minimum data rate. Send the whole request at once.", 408);

    public static EipError RequestLineTooLong(long maxBytes) =>
        new("InvalidRequest.LineTooLong", $"The request line (method, path and query string) is longer than {maxBytes / 1024} KiB. Send the parameters as a POST form body instead (up to 1 MiB).", 414);

    public static EipError RequestHeadersTooLarge(long maxBytes, int maxCount) =>
        new("InvalidRequest.HeadersTooLarge", $"The request headers are larger than {maxBytes / 1024} KiB or more than {maxCount}. Send fewer or shorter headers; put parameters in the query or a form body.", 431);

    public static EipError RequestBodyTooLarge(long maxBytes) =>
        new("InvalidRequest.BodyTooLarge", $"The request body is larger than {maxBytes / 1024} KiB. Send fewer parameters per call.", 413);

    public static EipError HttpVersionNotSupported() =>
        new("InvalidRequest.HttpVersion", "The HTTP version is not supported. Use HTTP/1.1.", 400);

    public static EipError Throttling(int maxConnections) =>
        new("Throttling", $"The server already serves its limit of {maxConnections} connections, so this one is closed. Retry later, and reuse connections (HTTP keep-alive) rather than opening many.", 400);

    // EIP pools (docs/decisions.md): a region without a pool and an exhausted pool are the same condition to a caller.
    public static EipError NoEipPool(string regionId, IReadOnlyList<string> regionsWithPools) =>
        new("ResourceNotEnough.EipAddress", regionsWithPools.Count == 0
            ? $"Region {regionId} has no EIP address pool, and neither has any other region of this server. Ask the operator to add a pool to the catalog."
            : $"Region {regionId} has no EIP address pool, so no EIP can be allocated there. Allocate in {string.Join(", ", regionsWithPools)}, or ask the operator to add a pool for {regionId} to the catalog.", 400);

    public static EipError EipPoolExhausted(string regionId) =>
        new("ResourceNotEnough.EipAddress", $"The EIP address pools of region {regionId} have no free address. Release EIPs you no longer need, or ask the operator to add a pool to the catalog.", 400);

    // Association rules (SPEC.md, "The association rules" and its decisions).
    public static EipError IncorrectEipStatus(string allocationId, string status, string need) =>
        new("IncorrectEipStatus", $"The EIP {allocationId} is {status}; this operation needs it {need}.", 400);

    public static EipError RegionMismatch(string what) =>
        new("InvalidParameter.Mismatch", $"The EIP and the {what} are in different regions; an EIP can only be associated within its region.", 400);

    public static EipError ModeNotSupportedInRegion(string mode, string regionId) =>
        new("OperationUnsupported.ModeNotSupportedInRegion", $"The association mode {mode} is not supported in region {regionId}. Use NAT mode, or a region that offers {mode}.", 400);

    public static EipError MultiBindedModeNotAllowed() =>
        new("Forbidden.MultiBindedModeNotAllowed", "The multi-EIP-to-ENI mode (MULTI_BINDED) is available only to allowlisted accounts. Ask the operator to run 'eipnet admin account allow-multi-eip'.", 403);

    public static EipError InvalidEniTypeForMode(string eniId, string mode) =>
        new("InvalidOperation.InvalidEniType", $"The ENI {eniId} is a primary ENI; mode {mode} needs a secondary ENI. Primary ENIs take one EIP in NAT mode only.", 403);

    public static EipError EniStatusNotSupport(string eniId, string status, string mode) =>
        new("InvalidStatus.EniStatusNotSupport", $"The ENI {eniId} is {status}; mode {mode} needs an ENI that is not attached to an instance (Available). Detach it first.", 400);

    public static EipError EniTransitional(string eniId, string status) =>
        new("InvalidStatus.EniStatusNotSupport", $"The ENI {eniId} is {status}; wait until it is Available or InUse.", 400);

    public static EipError AssociationDuplicated(string message) => new("InvalidAssociation.Duplicated", message, 400);

    public static EipError ModeConflict(string eniId, string existing, string wanted) =>
        new("InvalidAssociation.ModeConflict", $"The ENI {eniId} already has EIPs in {existing} mode; all EIPs on one ENI share one mode, so {wanted} is rejected. Unassociate them first.", 400);

    public static EipError EipsPerEniExceeded(string eniId, int quota) =>
        new("QuotaExceeded.EipsPerNetworkInterface", $"The ENI {eniId} already has {quota} EIPs in MULTI_BINDED mode, the account's quota. Submit a ticket (operator: 'eipnet admin quota set ACCOUNT eips-per-eni N').", 400);

    public static EipError PrivateIpNotOnEni(string ip, string eniId) =>
        new("InvalidParameter", $"The specified parameter \"PrivateIpAddress\" is not valid: {ip} is not a private IP address of the ENI {eniId}.", 400);

    public static EipError EniLinked(string message) => new("InvalidOperation.EniLinked", message, 400);
}
