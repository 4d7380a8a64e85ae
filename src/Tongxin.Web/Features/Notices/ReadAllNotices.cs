using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Notices;

/// <summary>Marks all of the person's unread notices read.</summary>
public static class ReadAllNotices
{
    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<int> Handle(long personId, CancellationToken ct = default)
        {
            var unread = await db.Notices.Where(n => n.PersonId == personId && n.ReadAt == null).ToListAsync(ct);
            var now = time.GetUtcNow().UtcDateTime;
            foreach (var n in unread) n.ReadAt = now;
            await db.SaveChangesAsync(ct);
            return unread.Count;
        }
    }
}
