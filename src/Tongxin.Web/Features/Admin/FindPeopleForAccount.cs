using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Admin;

/// <summary>
/// The person an account is for, found by name or pinyin initials (“zs” finds 张三) among the people of the units the
/// security administrator manages accounts for — name, organisation and the masked ID number, never the full one.
/// </summary>
public static class FindPeopleForAccount
{
    public sealed record Candidate(long Id, string Name, string OrgName, string MaskedId, bool HasAccount);

    public const int Shown = 20;

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<Candidate>> Handle(Scope scope, string? query, CancellationToken ct = default)
        {
            var q = query?.Trim() ?? "";
            if (q.Length == 0 || !scope.CanAnywhere(Permissions.Security.Manage)) return [];
            var tenants = scope.TenantsWith(Permissions.Users.Manage);
            var initials = q.ToLowerInvariant(); // initials are stored in lower case (Pinyin.Initials)
            var found = await (from p in db.People
                               join o in db.Organizations on p.OrgId equals o.Id
                               where tenants.Contains(p.TenantId) && (p.Name.Contains(q) || p.NameInitials.StartsWith(initials))
                               orderby p.NameInitials, p.Id
                               select new { p.Id, p.Name, OrgName = o.Name, p.IdNumber, HasAccount = db.Users.Any(u => u.PersonId == p.Id) })
                .Take(Shown).ToListAsync(ct);
            return found.Select(f => new Candidate(f.Id, f.Name, f.OrgName, f.IdNumber is null ? "" : IdNumber.Mask(f.IdNumber), f.HasAccount)).ToList();
        }
    }
}
