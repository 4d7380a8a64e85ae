using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Points;

/// <summary>
/// A year's points in the user's subtree: each member's total by category (listed by branch and name, not ranked),
/// and per branch how totals are spread. For secretaries (their branch) and the organ party committee (every branch).
/// </summary>
public static class GetPointsOverview
{
    public sealed record Member(long PersonId, string Name, string OrgName, IReadOnlyDictionary<PointCategory, int> ByCategory, int Total);

    public sealed record Branch(string OrgName, int Members, double Average, int Min, int Max, int BelowBase, int BaseTo9, int TenTo19, int TwentyUp);

    public sealed record View(int Year, int Base, IReadOnlyList<Member> Members, IReadOnlyList<Branch> Branches);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<View> Handle(Scope scope, int year, CancellationToken ct = default)
        {
            var people = from p in scope.People(db, Permissions.Points.View)
                         where p.PartyStatus != PartyStatus.None
                         join o in db.Organizations on p.OrgId equals o.Id
                         select new { p.Id, p.Name, p.NameInitials, p.TenantId, OrgName = o.Name, o.Path };
            var ids = people.Select(p => p.Id);
            var sums = (await db.PointEntries.Where(e => e.Year == year && ids.Contains(e.PersonId))
                    .GroupBy(e => new { e.PersonId, e.Category }).Select(g => new { g.Key.PersonId, g.Key.Category, Sum = g.Sum(e => e.Points) })
                    .ToListAsync(ct))
                .ToLookup(s => s.PersonId);
            var rows = await people.OrderBy(p => p.Path).ThenBy(p => p.NameInitials).ToListAsync(ct);
            var books = new Dictionary<long, PointRuleBook>();
            foreach (var tenant in rows.Select(r => r.TenantId).Distinct())
                books[tenant] = await PointRuleBook.LoadAsync(db, tenant, year, ct);

            var members = rows.Select(r =>
            {
                var byCategory = Enum.GetValues<PointCategory>().ToDictionary(c => c, c => sums[r.Id].Where(s => s.Category == c).Sum(s => s.Sum));
                return new Member(r.Id, r.Name, r.OrgName, byCategory, books[r.TenantId].Total(byCategory.Values));
            }).ToList();
            var @base = books.Values.FirstOrDefault()?.Base ?? PointRuleBook.DefaultBase;
            var branches = members.GroupBy(m => m.OrgName).Select(g => new Branch(g.Key, g.Count(), Math.Round(g.Average(m => m.Total), 1),
                g.Min(m => m.Total), g.Max(m => m.Total), g.Count(m => m.Total < @base), g.Count(m => m.Total >= @base && m.Total < @base + 10),
                g.Count(m => m.Total >= @base + 10 && m.Total < @base + 20), g.Count(m => m.Total >= @base + 20))).ToList();
            return new View(year, @base, members, branches);
        }
    }
}
