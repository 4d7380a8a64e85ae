using System.Linq.Expressions;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Infrastructure.Auth;

/// <summary>A role held in a subtree, resolved to that subtree's path.</summary>
public sealed record Grant(string Role, long OrgId, string Path, long TenantId, string OrgName = "");

/// <summary>What the current user may do where. The one place every page, list, export and API asks.</summary>
public sealed class Scope(string? userId, long? personId, IReadOnlyList<Grant> grants, string? selfOrgPath = null, bool isCppccMember = false)
{
    /// <summary>The user's own record is a CPPCC member's: proposals, 社情民意 and liaison are theirs to use.</summary>
    public bool IsCppccMember { get; } = isCppccMember;
    /// <summary>Path of the organisation holding the user's own record, if any.</summary>
    public string? SelfOrgPath { get; } = selfOrgPath;
    public string? UserId { get; } = userId;
    public long? PersonId { get; } = personId;
    public IReadOnlyList<Grant> Grants { get; } = grants;
    /// <summary>The account's own state: a one-time password to replace, a second factor set up.</summary>
    public bool MustChangePassword { get; init; }
    public bool TwoFactorEnabled { get; init; }

    public bool HasRole(string role) => Grants.Any(g => g.Role == role);

    /// <summary>The auditor (三员分立) reads the audit log and nothing else: no 待办, no notices, no records.</summary>
    public bool IsAuditorOnly => PersonId is null && Grants.Count > 0 && Grants.All(g => g.Role == Roles.Auditor);

    public IReadOnlyList<string> Roots(string permission) =>
        Grants.Where(g => Roles.Grants[g.Role].Contains(permission)).Select(g => g.Path).Distinct().ToList();

    public bool CanAnywhere(string permission) => Roots(permission).Count > 0;

    public bool Can(string permission, string orgPath) =>
        Roots(permission).Any(root => OrgTree.IsInSubtree(orgPath, root));

    public bool IsSelf(long personId) => PersonId == personId;

    /// <summary>True when the user's organisational-life reach is only the 政协委员 body (委员工作人员): pages then say 履职活动.</summary>
    public bool SeesOnlyDutyActivities =>
        CanAnywhere(Permissions.OrgLife.View) && Grants.Where(g => Roles.Grants[g.Role].Contains(Permissions.OrgLife.View)).All(g => g.Role == Roles.MemberAffairs);

    /// <summary>CPPCC units (tenants) where the user holds <paramref name="permission"/> anywhere: for tenant-wide work
    /// such as the 提案 office, the yearly checklists and schemes.</summary>
    public IReadOnlyList<long> TenantsWith(string permission) =>
        Grants.Where(g => Roles.Grants[g.Role].Contains(permission)).Select(g => g.TenantId).Distinct().ToList();

    public long? TenantWith(string permission) => TenantsWith(permission) is [var first, ..] ? first : null;

    public bool HoldsIn(long tenantId, string permission) => TenantsWith(permission).Contains(tenantId);

    /// <summary>Organisations inside any subtree where the user holds <paramref name="permission"/>.</summary>
    public Expression<Func<Organization, bool>> OrgFilter(string permission)
    {
        var roots = Roots(permission);
        var o = Expression.Parameter(typeof(Organization), "o");
        var startsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
        var body = roots.Select(root => (Expression)Expression.Call(Expression.Property(o, nameof(Organization.Path)), startsWith,
                Expression.Constant(root)))
            .DefaultIfEmpty(Expression.Constant(false))
            .Aggregate(Expression.OrElse);
        return Expression.Lambda<Func<Organization, bool>>(body, o);
    }

    /// <summary>People in the user's subtrees for <paramref name="permission"/>, plus the user's own record.</summary>
    public IQueryable<Person> People(AppDbContext db, string permission)
    {
        var roots = Roots(permission);
        var self = PersonId ?? -1;
        if (roots.Count == 0) return db.People.Where(p => p.Id == self);
        var orgIds = db.Organizations.Where(OrgFilter(permission)).Select(o => o.Id);
        // The OR would stop the planner using a semi-join; leave it out when the own record is in scope anyway.
        var selfInScope = PersonId is null || (SelfOrgPath is not null && roots.Any(r => OrgTree.IsInSubtree(SelfOrgPath, r)));
        return selfInScope
            ? db.People.Where(p => orgIds.Contains(p.OrgId))
            : db.People.Where(p => orgIds.Contains(p.OrgId) || p.Id == self);
    }

    /// <summary>May the user see this person (in scope, or themselves)?</summary>
    public bool CanSeePerson(long personId, string orgPath, string permission = Permissions.People.View) =>
        IsSelf(personId) || Can(permission, orgPath);
}

public sealed class AccessScope(AppDbContext db, IHttpContextAccessor http)
{
    Scope? current;

    public async Task<Scope> CurrentAsync(CancellationToken ct = default)
    {
        if (current is not null) return current;
        var user = http.HttpContext?.User;
        var userId = user?.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null) return current = new Scope(null, null, []);
        current = await ForUserAsync(db, userId, ct);
        return current;
    }

    public static async Task<Scope> ForUserAsync(AppDbContext db, string userId, CancellationToken ct = default)
    {
        var account = await db.Users.Where(u => u.Id == userId).Select(u => new { u.PersonId, u.MustChangePassword, u.TwoFactorEnabled }).FirstOrDefaultAsync(ct);
        var personId = account?.PersonId;
        var self = personId is null ? null : await (from p in db.People
                                                     join o in db.Organizations on p.OrgId equals o.Id
                                                     where p.Id == personId
                                                     select new { o.Path, p.IsCppccMember }).FirstOrDefaultAsync(ct);
        var grants = await (from r in db.RoleAssignments
                            join o in db.Organizations on r.OrgId equals o.Id
                            where r.UserId == userId
                            select new Grant(r.Role, o.Id, o.Path, o.TenantId, o.Name)).ToListAsync(ct);
        return new Scope(userId, personId, grants, self?.Path, self?.IsCppccMember ?? false)
        {
            MustChangePassword = account?.MustChangePassword ?? false, TwoFactorEnabled = account?.TwoFactorEnabled ?? false,
        };
    }
}
