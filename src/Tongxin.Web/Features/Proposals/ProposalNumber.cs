using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Proposals;

/// <summary>案号: year and a four-digit running number per unit, e.g. 2026-0012.</summary>
public static class ProposalNumber
{
    public const string Kind = "proposal";

    public static string Format(int year, int n) => $"{year}-{n:0000}";

    /// <summary>The highest running number already given for the year (a sequence's start on data from before it).</summary>
    public static async Task<int> HighestAsync(AppDbContext db, long tenantId, int year, CancellationToken ct)
    {
        var prefix = $"{year}-";
        var numbers = await db.Proposals.Where(p => p.TenantId == tenantId && p.Number != null && p.Number.StartsWith(prefix))
            .Select(p => p.Number!).ToListAsync(ct);
        return numbers.Select(n => int.TryParse(n[prefix.Length..], out var v) ? v : 0).DefaultIfEmpty(0).Max();
    }
}
