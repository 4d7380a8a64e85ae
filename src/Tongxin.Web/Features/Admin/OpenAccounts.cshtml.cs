using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Shared;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Admin;

/// <summary>批量开通账号: pick an organisation, tick its people without an account, get the one-time passwords once.</summary>
public class OpenAccountsModel(AppDbContext db, OpenAccounts.Handler open) : AppPage
{
    public sealed record Candidate(long Id, string Name, string OrgName);

    [BindProperty(SupportsGet = true)] public long? OrgId { get; set; }
    [BindProperty] public List<long> PersonIds { get; set; } = [];
    public List<(long Id, string Name, int Depth)> Orgs { get; private set; } = [];
    public List<Candidate> Candidates { get; private set; } = [];
    public IReadOnlyList<OpenAccounts.Opened>? Opened { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Security.Manage)) return Forbid();
        return await ShowAsync(ct);
    }

    /// <summary>Opens the accounts and shows the sheet (format "sheet") or sends it as a spreadsheet ("xlsx"); either once.</summary>
    public async Task<IActionResult> OnPostAsync(string? format, CancellationToken ct)
    {
        if (!Scope.CanAnywhere(Permissions.Security.Manage)) return Forbid();
        // All or nothing: a selection that did not bind whole (a garbled id) opens nothing.
        if (ModelState.GetValidationState(nameof(PersonIds)) == Microsoft.AspNetCore.Mvc.ModelBinding.ModelValidationState.Invalid)
        {
            ModelState.Clear();
            ModelState.AddModelError("", L["所选人员无效，请重新选择"]);
            return await ShowAsync(ct);
        }
        var result = await open.Handle(PersonIds, Scope, ct);
        if (!result.Ok) return Fail(result.Error!) ?? await ShowAsync(ct);
        Opened = result.Value;
        Response.Headers.CacheControl = "no-store";
        if (format == "xlsx")
            return await XlsxAsync("账号开通单", $"账号开通单-{Clock.Today:yyyy-MM-dd}.xlsx", [L["姓名"], L["所在组织"], L["用户名"], L["一次性密码"]],
                Opened.Select(o => (IReadOnlyList<string?>)[o.Name, o.OrgName, o.UserName, o.Password]), ct);
        return Page();
    }

    async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        Orgs = await OrgChoices.ForAsync(db, Scope, Permissions.Users.Manage, ct);
        if (OrgId is { } id && await db.Organizations.Where(o => o.Id == id).Select(o => o.Path).FirstOrDefaultAsync(ct) is { } path
            && Scope.Can(Permissions.Users.Manage, path))
            Candidates = await (from p in db.People
                                join o in db.Organizations on p.OrgId equals o.Id
                                where o.Path.StartsWith(path) && !db.Users.Any(u => u.PersonId == p.Id)
                                orderby o.Path, p.NameInitials
                                select new Candidate(p.Id, p.Name, o.Name)).Take(OpenAccounts.MaxBatch).ToListAsync(ct);
        return Page();
    }
}
