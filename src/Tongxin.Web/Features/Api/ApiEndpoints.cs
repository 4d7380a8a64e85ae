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
    public sealed record LoginRequest(string UserName, string Password);
    public sealed record OrgDto(long Id, long? ParentId, string Name, string Type, string TypeName, int Depth, bool Closed);
    public sealed record PersonDto(long Id, string Name, string Gender, string OrgName, string PartyStatus, bool IsRetired,
        bool IsCppccMember, string? Sector, string? Affiliation, bool IsStandingCommittee, string? StaffPost, string? IdNumber);
    public sealed record PageDto<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

    public static IEndpointRouteBuilder MapTongxinApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Tongxin");

        api.MapPost("/auth/login", async (LoginRequest req, SignInManager<AppUser> signIn) =>
        {
            if (string.IsNullOrWhiteSpace(req.UserName) || string.IsNullOrEmpty(req.Password))
                return Problem(Error.Validation("请输入用户名和密码"));
            var result = await signIn.PasswordSignInAsync(req.UserName.Trim(), req.Password, isPersistent: false, lockoutOnFailure: true);
            if (result.IsLockedOut) return Results.Problem(title: "账号已锁定，请15分钟后再试", statusCode: 423);
            if (!result.Succeeded) return Results.Problem(title: "用户名或密码错误", statusCode: 401);
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
