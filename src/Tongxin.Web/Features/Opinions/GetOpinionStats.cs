using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Opinions;

/// <summary>社情民意 counts for a year: per member, per 界别, and in all — submitted, adopted, forwarded, instructed on.</summary>
public static class GetOpinionStats
{
    public sealed record Counts(int Submitted, int Adopted, int Forwarded, int Instructed);

    public sealed record Member(long PersonId, string Name, string? Sector, Counts Counts);

    public sealed record View(int Year, Counts All, IReadOnlyList<Member> Members, IReadOnlyList<(string Sector, Counts Counts)> Sectors);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<View> Handle(long tenantId, int year, CancellationToken ct = default)
        {
            var rows = await (from o in db.OpinionReports
                              join p in db.People on o.AuthorPersonId equals p.Id
                              where o.TenantId == tenantId && o.Year == year && o.Status != OpinionStatus.Draft
                              select new { p.Id, p.Name, p.NameInitials, p.Sector, o.Status, o.ForwardedTo, o.Instruction }).ToListAsync(ct);
            Counts Count<T>(IEnumerable<T> items, Func<T, OpinionStatus> status, Func<T, bool> forwarded, Func<T, bool> instructed)
            {
                var list = items.ToList();
                return new Counts(list.Count, list.Count(i => status(i) == OpinionStatus.Adopted), list.Count(forwarded), list.Count(instructed));
            }
            var members = rows.GroupBy(r => new { r.Id, r.Name, r.NameInitials, r.Sector }).OrderBy(g => g.Key.NameInitials)
                .Select(g => new Member(g.Key.Id, g.Key.Name, g.Key.Sector, Count(g, r => r.Status, r => r.ForwardedTo != null, r => r.Instruction != null))).ToList();
            var sectors = rows.GroupBy(r => r.Sector ?? "（未填界别）").OrderBy(g => g.Key)
                .Select(g => (g.Key, Count(g, r => r.Status, r => r.ForwardedTo != null, r => r.Instruction != null))).ToList();
            return new View(year, Count(rows, r => r.Status, r => r.ForwardedTo != null, r => r.Instruction != null), members, sectors);
        }
    }
}
