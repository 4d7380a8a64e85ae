using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Notices;

/// <summary>Marks one of the person's own notices read (someone else's is not found) and says where it leads.</summary>
public static class ReadNotice
{
    public sealed class Handler(AppDbContext db, TimeProvider time)
    {
        public async Task<Result<string>> Handle(long noticeId, long personId, CancellationToken ct = default)
        {
            var notice = await db.Notices.FirstOrDefaultAsync(n => n.Id == noticeId && n.PersonId == personId, ct);
            if (notice is null) return Error.NotFound();
            if (notice.ReadAt is null)
            {
                notice.ReadAt = time.GetUtcNow().UtcDateTime;
                await db.SaveChangesAsync(ct);
            }
            return notice.Url;
        }
    }
}
