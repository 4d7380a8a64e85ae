namespace Tongxin.Web.Shared;

/// <summary>An expected failure with a Chinese message; turned into form errors or ProblemDetails in one place.</summary>
public sealed record Error(ErrorKind Kind, string Message, string? Field = null)
{
    public static Error Validation(string message, string? field = null) => new(ErrorKind.Validation, message, field);
    public static Error NotFound(string message = "记录不存在或无权查看") => new(ErrorKind.NotFound, message);
    public static Error Forbidden(string message = "无权执行此操作") => new(ErrorKind.Forbidden, message);
    public static Error Conflict(string message) => new(ErrorKind.Conflict, message);

    /// <summary>A validation message with values in it (a name, a count): the template is what the English UI translates.</summary>
    public static Error Invalid(FormattableString message, string? field = null) =>
        new(ErrorKind.Validation, message.ToString(System.Globalization.CultureInfo.InvariantCulture), field) { Template = message.Format, Args = message.GetArguments() };

    /// <summary>A conflict message with values in it; see <see cref="Invalid"/>.</summary>
    public static Error ConflictWith(FormattableString message) =>
        new(ErrorKind.Conflict, message.ToString(System.Globalization.CultureInfo.InvariantCulture)) { Template = message.Format, Args = message.GetArguments() };

    /// <summary>For messages with values: the message with <c>{0}</c>… holes, and the values.</summary>
    public string? Template { get; init; }
    public object?[] Args { get; init; } = [];

    public int StatusCode => Kind switch
    {
        ErrorKind.NotFound => 404,
        ErrorKind.Forbidden => 403,
        ErrorKind.Conflict => 409,
        _ => 400,
    };
}

public enum ErrorKind { Validation, NotFound, Forbidden, Conflict }

public readonly struct Result<T>
{
    public T? Value { get; }
    public Error? Error { get; }
    public bool Ok => Error is null;
    Result(T? value, Error? error) { Value = value; Error = error; }
    public static implicit operator Result<T>(T value) => new(value, null);
    public static Result<T> From(T value) => new(value, null);
    public static implicit operator Result<T>(Error error) => new(default, error);
}
