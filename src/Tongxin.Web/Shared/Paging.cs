namespace Tongxin.Web.Shared;

/// <summary>Server-side paging: sizes clamped, and a page number past the end (however large) is an empty page, never an overflow.</summary>
public static class Paging
{
    public const int MaxPageSize = 200;

    public static int Size(int requested, int fallback = 50) => requested <= 0 ? fallback : Math.Min(requested, MaxPageSize);

    public static int Page(int requested) => Math.Max(1, requested);

    public static int Skip(int page, int size) => (int)Math.Min(int.MaxValue, (long)(Page(page) - 1) * size);
}

/// <summary>One page of a list and where it sits in the whole.</summary>
public sealed record Paged<T>(IReadOnlyList<T> Rows, int Total, int PageNumber, int Size)
{
    public int Pages => Math.Max(1, (Total + Size - 1) / Size);

    /// <summary>A page of a list already in memory (aggregates over the whole list are computed before paging).</summary>
    public static Paged<T> Of(IReadOnlyList<T> all, int page, int size)
    {
        size = Paging.Size(size);
        var skip = Paging.Skip(page, size);
        return new Paged<T>(all.Skip(skip).Take(size).ToList(), all.Count, Paging.Page(page), size);
    }
}
