using System.Net;
using Microsoft.AspNetCore.Routing;
using Tongxin.Tests.Support;

namespace Tongxin.Tests.Integration;

/// <summary>Walks every routed page and API endpoint, so a new one cannot ship without a scope check.</summary>
[Trait("Category", "Db")]
public class EveryEndpointTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly string[] Public = ["/Account/Login", "/Account/Logout", "/s/{token}", "/Error/{code:int?}", "/openapi/{documentName}.json", "/api/auth/login"];

    async Task<List<string>> GetRoutesAsync(long orgId, long personId)
    {
        await app.ClientAsync(); // make sure the host is built
        var sources = app.Services.GetServices<EndpointDataSource>();
        return sources.SelectMany(s => s.Endpoints).OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") != false)
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Where(r => !Public.Contains(r))
            .Select(r => r.Replace("{id:long?}", "{id}").Replace("{id:long}", "{id}"))
            .Select(r => r.StartsWith("/People") || r.StartsWith("/api/people") ? r.Replace("{id}", personId.ToString()) : r.Replace("{id}", orgId.ToString()))
            .Where(r => r != "/Index" && r != "/")
            .Distinct().ToList();
    }

    [Fact]
    public async Task Auditor_IsRefusedEverywhereButTheAuditLog()
    {
        var person = await app.PersonInAsync("第一党支部");
        var routes = await GetRoutesAsync(await app.OrgIdAsync("第一党支部"), person.Id);
        Assert.Contains("/api/people/" + person.Id, routes);
        Assert.Contains("/Organizations/Edit/" + await app.OrgIdAsync("第一党支部"), routes);
        var c = await app.ClientAsync("auditor");
        // /Account/… are the user's own account (password, second factor) and /Feedback their own 投诉建议 about the
        // system: every signed-in user has them. /Feedback/Manage is the administrator's and stays refused.
        Assert.Contains("/Feedback/Manage", routes);
        foreach (var route in routes.Where(r => !r.StartsWith("/Audit") && !r.StartsWith("/Account/") && r is not ("/Feedback" or "/Feedback/Index")))
        {
            var r = await c.GetAsync(route);
            Assert.True(r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{route}: {(int)r.StatusCode}");
        }
    }

    [Fact]
    public async Task Secretary2_IsRefusedEveryFirstBranchRecord()
    {
        var b1 = await app.OrgIdAsync("第一党支部");
        var person = await app.PersonInAsync("第一党支部");
        var c = await app.ClientAsync("secretary2");
        foreach (var route in (await GetRoutesAsync(b1, person.Id)).Where(r => r.Contains(b1.ToString()) || r.Contains(person.Id.ToString())))
        {
            var r = await c.GetAsync(route);
            Assert.True(r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"{route}: {(int)r.StatusCode}");
            Assert.DoesNotContain(person.Name, await r.Content.ReadAsStringAsync());
        }
    }

    [Fact]
    public async Task Anonymous_IsSentToLoginOrGets401Everywhere()
    {
        var routes = await GetRoutesAsync(1, 1);
        var c = await app.ClientAsync();
        foreach (var route in routes)
        {
            var r = await c.GetAsync(route);
            if (route.StartsWith("/api")) Assert.Equal(HttpStatusCode.Unauthorized, r.StatusCode);
            else Assert.True(r.StatusCode == HttpStatusCode.Redirect && r.Headers.Location!.OriginalString.Contains("/Account/Login"), $"{route}: {(int)r.StatusCode}");
        }
    }
}
