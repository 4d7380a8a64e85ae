using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Points;

/// <summary>我的积分: a member's year — the total, each category, and every entry with the record behind it.</summary>
public static class GetMyPoints
{
    public sealed record Line(DateOnly On, PointCategory Category, int Points, string Reason, long? ActivityId, string? CapNote, string? RuleCode, int? RuleVersion, bool Reversal, string AwardedBy, string? ApprovedBy);

    public sealed record View(int Year, int Base, int Floor, int Total, IReadOnlyDictionary<PointCategory, int> ByCategory, IReadOnlyList<Line> Lines);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<View> Handle(long personId, int year, CancellationToken ct = default)
        {
            var tenant = await db.People.Where(p => p.Id == personId).Select(p => p.TenantId).FirstAsync(ct);
            var book = await PointRuleBook.LoadAsync(db, tenant, year, ct);
            var lines = await db.PointEntries.AsNoTracking().Where(e => e.PersonId == personId && e.Year == year)
                .OrderByDescending(e => e.On).ThenByDescending(e => e.Id)
                .Select(e => new Line(e.On, e.Category, e.Points, e.Reason, e.ActivityId, e.CapNote, e.RuleCode, e.RuleVersion, e.Reverses != null, e.AwardedBy, e.ApprovedBy))
                .ToListAsync(ct);
            var byCategory = Enum.GetValues<PointCategory>().ToDictionary(c => c, c => lines.Where(l => l.Category == c).Sum(l => l.Points));
            return new View(year, book.Base, book.Floor, book.Total(lines.Select(l => l.Points)), byCategory, lines);
        }
    }

    public static string Name(this PointCategory c) => c switch
    {
        PointCategory.Study => "学习积分", PointCategory.Duty => "履责积分", PointCategory.Conduct => "品行积分", _ => "考评积分",
    };
}
