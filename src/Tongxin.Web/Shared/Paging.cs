namespace Tongxin.Web.Shared;

/// <summary>Server-side paging: sizes clamped, and a page number past the end (however large) is an empty page, never an overflow.</summary>
public static class Paging
{
    public const int MaxPageSize = 200;

    public static int Size(int requested, int fallback = 50) => requested <= 0 ? fallback : Math.Min(requested, MaxPageSize);

    public static int Page(int requested) => Math.Max(1, requested);

    public static int Skip(int page, int size) => (int)Math.Min(int.MaxValue, (long)(Page(page) - 1) * size);
}
