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

    public static EipError TaskConflict() =>
        new("TaskConflict", "The operation is too frequent, please wait a moment and try again. Another change to the same resource is in progress.", 400);

    public static EipError InternalError() =>
        new("InternalError", "The request processing has failed due to some unknown error.", 500);

    public static EipError ServiceUnavailable() =>
        new("ServiceUnavailable", "The request has failed due to a temporary failure of the server.", 503);
}
