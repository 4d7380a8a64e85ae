using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Liaison;

/// <summary>Liaison pairs with their contacts in a year: every pair of the unit for the office, one's own for a member.</summary>
public static class GetLiaison
{
    public sealed record Contact(DateOnly On, ContactWay Way, string Content, string RecordedBy);

    public sealed record Pair(long Id, LiaisonKind Kind, long PartyPersonId, string PartyName, string Counterpart, DateOnly From, DateOnly? Until,
        IReadOnlyList<Contact> Contacts);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<List<Pair>> Handle(Scope scope, int year, bool mineOnly, CancellationToken ct = default)
        {
            var tenants = scope.TenantsWith(Permissions.Liaison.Manage);
            var me = scope.PersonId ?? -1;
            var pairs = await db.LiaisonPairs.AsNoTracking().Include(p => p.Contacts)
                .Where(p => mineOnly ? p.PartyPersonId == me : tenants.Contains(p.TenantId))
                .OrderBy(p => p.Kind).ThenBy(p => p.PartyPersonId).ToListAsync(ct);
            var ids = pairs.SelectMany(p => new[] { p.PartyPersonId, p.OtherPersonId ?? 0 }).Distinct().ToList();
            var names = await db.People.Where(p => ids.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Name + (p.Affiliation == null ? "" : "（" + p.Affiliation + "）"), ct);
            return pairs.Select(p => new Pair(p.Id, p.Kind, p.PartyPersonId, names[p.PartyPersonId],
                p.OtherPersonId is { } o ? names[o] : p.Sector ?? "", p.From, p.Until,
                p.Contacts.Where(c => c.On.Year == year).OrderByDescending(c => c.On).Select(c => new Contact(c.On, c.Way, c.Content, c.RecordedBy)).ToList())).ToList();
        }
    }
}
