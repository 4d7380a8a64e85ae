using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Api;

/// <summary>JSON endpoints; the same scope checks as the pages, errors as ProblemDetails.</summary>
public static class ApiEndpoints
{
    public sealed record LoginRequest(string UserName, string Password, string? Code = null);
    public sealed record OrgDto(long Id, long? ParentId, string Name, string Type, string TypeName, int Depth, bool Closed);
    public sealed record PersonDto(long Id, string Name, string Gender, string OrgName, string PartyStatus, bool IsRetired,
        bool IsCppccMember, string? Sector, string? Affiliation, bool IsStandingCommittee, string? StaffPost, string? IdNumber);
    public sealed record PageDto<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

    public static IEndpointRouteBuilder MapTongxinApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Tongxin")
            .AddEndpointFilter<Tongxin.Web.Features.Api.AccountSetupFilter>();

        api.MapPost("/auth/login", async (LoginRequest req, HttpContext http, Account.SignInUser.Handler signIn,
            SignInManager<AppUser> manager, CancellationToken ct) =>
        {
            if (string.IsNullOrWhiteSpace(req.UserName) || string.IsNullOrEmpty(req.Password))
                return Problem(Error.Validation("请输入用户名和密码"));
            var result = await signIn.Handle(new(req.UserName, req.Password, req.Code, http.Connection.RemoteIpAddress?.ToString() ?? "unknown"), ct);
            if (result.Ok && result.Value == Account.SignInUser.Outcome.NeedsCode)
            {
                await manager.SignOutAsync(); // the API takes the code in the same request, or not at all
                return Results.Problem(title: "请提供动态验证码（code）", statusCode: 401, extensions: new Dictionary<string, object?> { ["needsCode"] = true });
            }
            if (!result.Ok)
                return result.Error!.Kind == ErrorKind.Conflict ? Results.Problem(title: result.Error.Message, statusCode: 429)
                    : Results.Problem(title: result.Error.Message, statusCode: 401);
            // An account that must first change its one-time password or set up a second factor does that in the browser.
            var user = await manager.UserManager.FindByNameAsync(req.UserName.Trim());
            var scope = await AccessScope.ForUserAsync(http.RequestServices.GetRequiredService<AppDbContext>(), user!.Id, ct);
            var policy = http.RequestServices.GetRequiredService<TwoFactorPolicy>();
            if (scope.MustChangePassword || (!scope.TwoFactorEnabled && policy.IsRequired(scope.Grants.Select(g => g.Role))))
            {
                await manager.SignOutAsync();
                return Results.Problem(title: scope.MustChangePassword ? "请先在网页上修改一次性密码" : "请先在网页上启用双因素认证", statusCode: 403);
            }
            return Results.Ok(new { userName = req.UserName.Trim() });
        }).AllowAnonymous().DisableAntiforgery();

        api.MapPost("/auth/logout", async (SignInManager<AppUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.NoContent();
        });

        api.MapGet("/orgs", async (AccessScope access, AppDbContext db, CancellationToken ct) =>
        {
            var scope = await access.CurrentAsync(ct);
            if (!scope.CanAnywhere(Permissions.Orgs.View)) return Problem(Error.Forbidden());
            var orgs = await db.Organizations.Where(scope.OrgFilter(Permissions.Orgs.View))
                .OrderBy(o => o.Path).ToListAsync(ct);
            return Results.Ok(orgs.Select(o => new OrgDto(o.Id, o.ParentId, o.Name, o.Type.ToString(), o.Type.DisplayName(), o.Depth, o.IsClosed)));
        });

        api.MapGet("/people", async (long? orgId, string? q, string? role, int? page, int? pageSize,
            AccessScope access, ListPeople.Handler list, CancellationToken ct) =>
        {
            var scope = await access.CurrentAsync(ct);
            if (!scope.CanAnywhere(Permissions.People.View) && scope.PersonId is null) return Problem(Error.Forbidden());
            var result = await list.Handle(new ListPeople.Query(orgId, role, q, page ?? 1, pageSize ?? ListPeople.DefaultPageSize), scope, ct);
            if (!result.Ok) return Problem(result.Error!);
            var p = result.Value!;
            return Results.Ok(new PageDto<PersonDto>(p.Rows.Select(ToDto).ToList(), p.Total, p.PageNumber, p.PageSize));
        });

        api.MapGet("/people/{id:long}", async (long id, AccessScope access, GetPerson.Handler get, CancellationToken ct) =>
        {
            var view = await get.Handle(id, await access.CurrentAsync(ct), ct);
            if (view is null) return Problem(Error.NotFound());
            var p = view.Person;
            return Results.Ok(new PersonDto(p.Id, p.Name, PersonLabels.Gender(p.Gender), view.Org.Name, PersonLabels.Party(p.PartyStatus),
                p.IsRetired, p.IsCppccMember, p.Sector, p.Affiliation, p.IsStandingCommittee, p.StaffPost, view.IdNumberShown));
        });
        return app;
    }

    static PersonDto ToDto(ListPeople.Row r) => new(r.Id, r.Name, PersonLabels.Gender(r.Gender), r.OrgName,
        PersonLabels.Party(r.PartyStatus), r.IsRetired, r.IsCppccMember, r.Sector, r.Affiliation, r.IsStandingCommittee, r.StaffPost, r.IdNumber);

    public static IResult Problem(Error error) => Results.Problem(title: error.Message, statusCode: error.StatusCode,
        extensions: error.Field is null ? null : new Dictionary<string, object?> { ["field"] = error.Field });
}
