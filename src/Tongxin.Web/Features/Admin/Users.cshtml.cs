using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Admin;

public class UsersModel(AppDbContext db, FindPeopleForAccount.Handler find) : AppPage
{
    /// <summary>The person search of the new-account form (name or pinyin initials); only the security administrator links people.</summary>
    [BindProperty(SupportsGet = true)] public string? Find { get; set; }
    public IReadOnlyList<FindPeopleForAccount.Candidate> Candidates { get; private set; } = [];
    public bool CanLink => Scope.CanAnywhere(Permissions.Security.Manage);
    public sealed record Row(string Id, string UserName, string DisplayName, string Roles, bool Locked);

    [BindProperty] public CreateUser.Command Input { get; set; } = new();
    public Paged<Row> Rows { get; private set; } = null!;
    [BindProperty(SupportsGet = true, Name = "p")] public int PageNumber { get; set; } = 1;
    public string PageLink(int p) => Url.Page("Users", new { p })!;
    public List<(long Id, string Name, int Depth)> Orgs { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Users.Manage)) return Forbid();
        await LoadAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync([FromServices] CreateUser.Handler create, CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Users.Manage)) return Forbid();
        var result = await create.Handle(Input, Scope, ct);
        if (result.Ok)
        {
            TempData["Flash"] = L["已创建账号 {0}", Input.UserName].Value;
            return RedirectToPage("User", new { id = result.Value });
        }
        if (Fail(result.Error!) is { } response) return response;
        await LoadAsync(ct);
        return Page();
    }

    async Task LoadAsync(CancellationToken ct)
    {
        var tenants = Scope.Grants.Select(g => g.TenantId).Distinct().ToList();
        var users = await db.Users.Where(u => u.TenantId != null && tenants.Contains(u.TenantId.Value))
            .OrderBy(u => u.UserName).Select(u => new { u.Id, u.UserName, u.DisplayName, u.LockoutEnd }).ToListAsync(ct);
        var grants = await (from r in db.RoleAssignments
                            join o in db.Organizations on r.OrgId equals o.Id
                            where tenants.Contains(r.TenantId)
                            select new { r.UserId, r.Role, o.Name, o.Path }).ToListAsync(ct);
        var byUser = grants.ToLookup(g => g.UserId);
        var rows = users
            .Where(u => byUser[u.Id].All(g => Tongxin.Web.Infrastructure.Auth.Roles.Grantable.Contains(g.Role) && Scope.Can(Permissions.Users.Manage, g.Path)))
            .Select(u => new Row(u.Id, u.UserName!, u.DisplayName,
                string.Join("、", byUser[u.Id].Select(g => $"{L[Tongxin.Web.Infrastructure.Auth.Roles.Names[g.Role]]}（{g.Name}）")),
                u.LockoutEnd > DateTimeOffset.UtcNow)).ToList();
        Rows = Paged<Row>.Of(rows, PageNumber, 50);
        Orgs = await OrgChoices.ForAsync(db, Scope, Permissions.Users.Manage, ct);
        Candidates = await find.Handle(Scope, Find, ct);
        // A posted choice stays offered when the form is re-shown.
        if (Input.PersonId is { } chosen && Candidates.All(c => c.Id != chosen))
            Candidates = [.. Candidates, .. await find.Handle(Scope, await db.People.Where(p => p.Id == chosen).Select(p => p.Name).FirstOrDefaultAsync(ct), ct)];
    }
}
