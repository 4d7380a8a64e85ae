using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Notices;

/// <summary>A person's notices, newest first, a page at a time, with how many are unread.</summary>
public static class ListNotices
{
    public sealed record View(Paged<Notice> Page, int Unread);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<View> Handle(long personId, int page, CancellationToken ct = default)
        {
            var mine = db.Notices.AsNoTracking().Where(n => n.PersonId == personId);
            const int size = 30;
            var total = await mine.CountAsync(ct);
            var rows = await mine.OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id).Skip(Paging.Skip(page, size)).Take(size).ToListAsync(ct);
            return new View(new Paged<Notice>(rows, total, Paging.Page(page), size), await UnreadAsync(db, personId, ct));
        }

        public Task<int> UnreadAsync(long personId, CancellationToken ct = default) => UnreadAsync(db, personId, ct);

        static Task<int> UnreadAsync(AppDbContext db, long personId, CancellationToken ct) =>
            db.Notices.CountAsync(n => n.PersonId == personId && n.ReadAt == null, ct);
    }
}
