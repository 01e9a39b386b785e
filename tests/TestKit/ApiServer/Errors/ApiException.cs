using System.Text.Json.Nodes;

namespace Skyforge.TestKit.ApiServer.Errors;

/// <summary>A request failure that the server answers with a <c>Status</c> object.</summary>
public sealed class ApiException : Exception
{
    public ApiException(int code, string reason, string message, StatusDetails? details = null)
        : base(message)
    {
        Code = code;
        Reason = reason;
        Details = details;
    }

    public int Code { get; }

    public string Reason { get; }

    public StatusDetails? Details { get; }

    public JsonObject ToStatus()
    {
        var status = new JsonObject
        {
            ["kind"] = "Status",
            ["apiVersion"] = "v1",
            ["metadata"] = new JsonObject(),
            ["status"] = "Failure",
            ["message"] = Message,
            ["reason"] = Reason,
        };
        if (Details is { } details)
        {
            status["details"] = DetailsToJson(details);
        }
        status["code"] = Code;
        return status;
    }

    internal static JsonObject DetailsToJson(StatusDetails details)
    {
        var json = new JsonObject();
        if (details.Name is not null)
        {
            json["name"] = details.Name;
        }
        if (!string.IsNullOrEmpty(details.Group))
        {
            json["group"] = details.Group;
        }
        if (details.Kind is not null)
        {
            json["kind"] = details.Kind;
        }
        if (details.Uid is not null)
        {
            json["uid"] = details.Uid;
        }
        if (details.Causes is { Count: > 0 } causes)
        {
            var array = new JsonArray();
            foreach (var cause in causes)
            {
                var entry = new JsonObject { ["reason"] = cause.Reason, ["message"] = cause.Message };
                if (cause.Field is not null)
                {
                    entry["field"] = cause.Field;
                }
                array.Add(entry);
            }
            json["causes"] = array;
        }
        if (details.RetryAfterSeconds is { } seconds)
        {
            json["retryAfterSeconds"] = seconds;
        }
        return json;
    }
}
