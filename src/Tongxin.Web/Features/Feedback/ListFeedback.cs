using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Feedback;

/// <summary>A user's own items, or the administrator's list of their units' items by status, newest first.</summary>
public static class ListFeedback
{
    public sealed class Handler(AppDbContext db)
    {
        public async Task<List<FeedbackItem>> MineAsync(string userId, CancellationToken ct = default) =>
            await db.Feedback.AsNoTracking().Where(f => f.UserId == userId).OrderByDescending(f => f.CreatedAt).Take(Paging.MaxPageSize).ToListAsync(ct);

        public async Task<Paged<FeedbackItem>> ForAdministratorAsync(Scope scope, FeedbackStatus? status, int page, CancellationToken ct = default)
        {
            var tenants = scope.TenantsWith(Permissions.Feedback.Manage);
            var q = db.Feedback.AsNoTracking().Where(f => tenants.Contains(f.TenantId));
            if (status is { } s) q = q.Where(f => f.Status == s);
            const int size = 30;
            return new Paged<FeedbackItem>(await q.OrderBy(f => f.Status == FeedbackStatus.Open ? 0 : 1).ThenByDescending(f => f.CreatedAt).Skip(Paging.Skip(page, size)).Take(size).ToListAsync(ct),
                await q.CountAsync(ct), Paging.Page(page), size);
        }
    }
}
