using System.Security.Claims;
using Tongxin.Web.Features.Api;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.OrgLife;

/// <summary>The phone flow as JSON: my activities, sign in with a scanned token, ask for leave.</summary>
public static class OrgLifeApi
{
    public sealed record SignInRequest(string Token);
    public sealed record LeaveRequest(string Reason);
    public sealed record MineDto(long Id, string Type, string TypeName, string Topic, string OrgName, string StartsAt, string EndsAt,
        string Place, string Status, bool SignedIn, string Leave);

    public static IEndpointRouteBuilder MapOrgLifeApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/orglife").WithTags("OrgLife")
            .AddEndpointFilter<Tongxin.Web.Features.Api.AccountSetupFilter>();

        api.MapGet("/mine", async (AccessScope access, ListActivities.Handler list, CancellationToken ct) =>
        {
            var scope = await access.CurrentAsync(ct);
            if (scope.PersonId is not { } me) return ApiEndpoints.Problem(Error.Forbidden("账号未关联人员信息"));
            var rows = await list.MineAsync(me, DateTime.UtcNow.AddDays(-30), ct);
            return Results.Ok(rows.Select(r => new MineDto(r.Id, r.Type.ToString(), r.Type.DisplayName(), r.Topic, r.OrgName,
                Clock.Show(r.StartsAt), Clock.Show(r.EndsAt), r.Place, r.Status.ToString(), r.SignedInAt is not null, r.Leave.ToString())));
        });

        api.MapPost("/signin", async (SignInRequest req, HttpContext http, SignInQueue queue, CancellationToken ct) =>
        {
            var result = await queue.SignInAsync(req.Token, http.User.FindFirstValue(ClaimTypes.NameIdentifier)!, http.User.Identity!.Name!, DateTime.UtcNow, ct);
            return result.Ok
                ? Results.Ok(new { activityId = result.Value!.ActivityId, outcome = result.Value.Outcome.ToString() })
                : ApiEndpoints.Problem(result.Error!);
        });

        api.MapPost("/activities/{id:long}/leave", async (long id, LeaveRequest req, AccessScope access, Leave.Handler leave, CancellationToken ct) =>
        {
            var scope = await access.CurrentAsync(ct);
            var result = await leave.RequestAsync(id, scope.PersonId, req.Reason, DateTime.UtcNow, ct);
            return result.Ok ? Results.Ok(new { attendeeId = result.Value }) : ApiEndpoints.Problem(result.Error!);
        });
        return app;
    }
}
