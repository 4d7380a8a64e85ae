using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Audit;

/// <summary>
/// The auditor's view of the log of their unit(s), filtered by date range (the unit's days), user and record type.
/// Each reading and export is recorded as an <see cref="AuditLogAccess"/> in the same call, so it is audited too.
/// </summary>
public static class ListAuditLog
{
    public sealed record Filter(DateOnly? From, DateOnly? To, string? User, string? Type);

    public const int ExportLimit = 50_000;

    /// <summary>The filter as the log shows it: 起始日期：…；操作人：…, or 全部.</summary>
    public static string Describe(Filter f)
    {
        var parts = new List<string>();
        if (f.From is { } from) parts.Add($"起始日期：{from:yyyy-MM-dd}");
        if (f.To is { } to) parts.Add($"截止日期：{to:yyyy-MM-dd}");
        if (!string.IsNullOrWhiteSpace(f.User)) parts.Add($"操作人：{f.User.Trim()}");
        if (!string.IsNullOrWhiteSpace(f.Type)) parts.Add($"对象类型：{AuditVocabulary.Type(f.Type)}");
        var text = parts.Count == 0 ? "全部" : string.Join("；", parts);
        return text.Length <= 500 ? text : text[..500];
    }

    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public IQueryable<AuditEntry> Query(Scope scope, Filter f)
        {
            var tenants = scope.Grants.Where(g => g.Role == Roles.Auditor).Select(g => g.TenantId).ToList();
            var q = db.AuditEntries.AsNoTracking().Where(a => a.TenantId == null || tenants.Contains(a.TenantId.Value));
            // Dates far outside the log's life (9999-12-31) bound nothing rather than overflow.
            if (f.From is { Year: >= 1900 and <= 9000 } from) { var start = Clock.ToUtc(from.ToDateTime(TimeOnly.MinValue)); q = q.Where(a => a.At >= start); }
            else if (f.From is { Year: > 9000 }) q = q.Where(a => false);
            if (f.To is { Year: >= 1900 and <= 9000 } to) { var end = Clock.ToUtc(to.AddDays(1).ToDateTime(TimeOnly.MinValue)); q = q.Where(a => a.At < end); }
            else if (f.To is { Year: < 1900 }) q = q.Where(a => false);
            if (!string.IsNullOrWhiteSpace(f.User)) q = q.Where(a => a.UserName == f.User.Trim());
            if (!string.IsNullOrWhiteSpace(f.Type)) q = q.Where(a => a.EntityType == f.Type);
            return q.OrderByDescending(a => a.Id);
        }

        /// <summary>Records that <paramref name="scope"/>'s user read (View) or exported (Export) the log with this filter.</summary>
        public async Task RecordAccessAsync(Scope scope, string userName, string action, Filter f, CancellationToken ct)
        {
            db.AuditLogAccesses.Add(new AuditLogAccess
            {
                TenantId = scope.Grants.Where(g => g.Role == Roles.Auditor).Select(g => (long?)g.TenantId).FirstOrDefault(),
                UserName = userName, At = time.GetUtcNow().UtcDateTime, Action = action,
                Filter = Describe(f),
            });
            await db.SaveChangesAsync(ct);
        }
    }
}
