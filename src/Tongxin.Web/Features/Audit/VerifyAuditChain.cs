using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Audit;

public static class VerifyAuditChain
{
    public sealed record Report(long Checked, long? FirstBrokenId);

    public sealed class Handler(AppDbContext db)
    {
        /// <summary>
        /// Walks every stream in sequence order, in batches, and reports the first broken entry. Sequences are gapless,
        /// so a deleted entry shows as a gap even if the hashes after it were rewritten.
        /// </summary>
        public async Task<Report> Handle(CancellationToken ct = default)
        {
            const int batch = 5000;
            long count = 0;
            var streams = await db.AuditEntries.Select(a => a.Stream).Distinct().OrderBy(s => s).ToListAsync(ct);
            foreach (var stream in streams)
            {
                var (prev, lastSeq) = (AuditChain.Genesis, 0L);
                while (true)
                {
                    var page = await db.AuditEntries.AsNoTracking().Where(a => a.Stream == stream && a.Seq > lastSeq)
                        .OrderBy(a => a.Seq).Take(batch).ToListAsync(ct);
                    if (page.Count == 0) break;
                    var broken = AuditChain.FirstBroken(page, prev, lastSeq + 1);
                    if (broken is not null) return new Report(count + page.TakeWhile(e => e.Id != broken).Count(), broken);
                    count += page.Count;
                    (prev, lastSeq) = (page[^1].Hash, page[^1].Seq);
                }
            }
            return new Report(count, null);
        }
    }
}
