using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Features.Admin;

public class UserModel(AppDbContext db) : AppPage
{
    public AppUser Account { get; private set; } = null!;
    public List<(long Id, string Role, string OrgName)> Grants { get; private set; } = [];
    public List<(long Id, string Name, int Depth)> Orgs { get; private set; } = [];
    [BindProperty] public string Role { get; set; } = Roles.BranchSecretary;
    [BindProperty] public long OrgId { get; set; }

    public async Task<IActionResult> OnGetAsync(string id, CancellationToken ct) => await ShowAsync(id, ct);

    async Task<IActionResult> ShowAsync(string id, CancellationToken ct)
    {
        if (!await UserAccess.CanManageAsync(db, Scope, id, ct)) return NotFound();
        Account = await db.Users.AsNoTracking().FirstAsync(u => u.Id == id, ct);
        Grants = (await (from r in db.RoleAssignments join o in db.Organizations on r.OrgId equals o.Id
                         where r.UserId == id select new { r.Id, r.Role, o.Name }).ToListAsync(ct))
            .Select(g => (g.Id, g.Role, g.Name)).ToList();
        Orgs = await OrgChoices.ForAsync(db, Scope, Permissions.Users.Manage, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostGrantAsync(string id, [FromServices] ChangeRoles.Handler roles, CancellationToken ct) =>
        await AfterAsync(id, (await roles.Grant(id, Role, OrgId, Scope, ct)).Error, "已授予角色", ct);

    public async Task<IActionResult> OnPostRevokeAsync(string id, long grantId, [FromServices] ChangeRoles.Handler roles, CancellationToken ct) =>
        await AfterAsync(id, (await roles.Revoke(id, grantId, Scope, ct)).Error, "已收回角色", ct);

    public async Task<IActionResult> OnPostResetAsync(string id, [FromServices] ResetAccess.Handler reset, CancellationToken ct)
    {
        var result = await reset.Handle(id, Scope, ct);
        if (!result.Ok) return await AfterAsync(id, result.Error, "", ct);
        // Shown once: the user must replace it at the next sign-in.
        TempData["Flash"] = L["已重置密码并解除锁定。一次性密码：{0}（仅显示一次，用户下次登录时须修改）", result.Value!].Value;
        return RedirectToPage(new { id });
    }

    Task<IActionResult> AfterAsync(string id, Tongxin.Web.Shared.Error? error, string done, CancellationToken ct) =>
        AfterActionAsync(error, done, new { id }, () => ShowAsync(id, ct));
}
