namespace Tongxin.Web.Features.Shared;

/// <summary>What <c>_Pager.cshtml</c> draws: the page shown, how many there are, and the link to each.</summary>
public sealed record Pager(int PageNumber, int Pages, Func<int, string> Link, string Label, string TestId = "pager");
