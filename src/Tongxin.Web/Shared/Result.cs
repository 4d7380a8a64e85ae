namespace Tongxin.Web.Shared;

/// <summary>An expected failure with a Chinese message; turned into form errors or ProblemDetails in one place.</summary>
public sealed record Error(ErrorKind Kind, string Message, string? Field = null)
{
    public static Error Validation(string message, string? field = null) => new(ErrorKind.Validation, message, field);
    public static Error NotFound(string message = "记录不存在或无权查看") => new(ErrorKind.NotFound, message);
    public static Error Forbidden(string message = "无权执行此操作") => new(ErrorKind.Forbidden, message);
    public static Error Conflict(string message) => new(ErrorKind.Conflict, message);

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
