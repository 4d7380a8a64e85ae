using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Audit;

public static class VerifyAuditChain
{
    public sealed record Report(long Checked, long? FirstBrokenId);

    public sealed class Handler(AppDbContext db)
    {
        /// <summary>Walks the whole chain in id order, in batches, and reports the first broken link.</summary>
        public async Task<Report> Handle(CancellationToken ct = default)
        {
            const int batch = 5000;
            var prev = AuditChain.Genesis;
            long lastId = 0, count = 0, expectedId = 1;
            while (true)
            {
                var page = await db.AuditEntries.AsNoTracking().Where(a => a.Id > lastId).OrderBy(a => a.Id)
                    .Take(batch).ToListAsync(ct);
                if (page.Count == 0) return new Report(count, null);
                foreach (var e in page)
                {
                    // Ids are gapless, so a deleted entry shows as a gap even if hashes were rewritten after it.
                    if (e.Id != expectedId || AuditChain.FirstBroken([e], prev) is not null) return new Report(count, e.Id);
                    prev = e.Hash; count++; expectedId++;
                }
                lastId = page[^1].Id;
            }
        }
    }
}
