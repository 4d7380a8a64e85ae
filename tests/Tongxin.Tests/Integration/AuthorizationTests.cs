using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Tongxin.Tests.Support;

namespace Tongxin.Tests.Integration;

/// <summary>A user outside the scope gets 403 or 404 and no data, on every page, export and API call.</summary>
[Trait("Category", "Db")]
public class AuthorizationTests(AppFactory app) : IClassFixture<AppFactory>
{
    static void Denied(HttpResponseMessage r) =>
        Assert.True(r.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound, $"expected 403/404, got {(int)r.StatusCode}");

    [Fact]
    public async Task Secretary2_CannotSeeFirstBranchPeople_ByListIdSearchExportOrApi()
    {
        var b1 = await app.OrgIdAsync("第一党支部");
        var person = await app.PersonInAsync("第一党支部");
        var c = await app.ClientAsync("secretary2");

        Denied(await c.GetAsync($"/People?orgId={b1}"));
        Denied(await c.GetAsync($"/People/Details/{person.Id}"));
        Denied(await c.GetAsync($"/People/Edit/{person.Id}"));
        Denied(await c.GetAsync($"/Organizations/Details/{b1}"));
        Denied(await c.GetAsync($"/People?handler=Export&orgId={b1}"));
        Denied(await c.GetAsync($"/api/people?orgId={b1}"));
        Denied(await c.GetAsync($"/api/people/{person.Id}"));

        var search = await c.GetStringAsync($"/People?q={Uri.EscapeDataString(person.Name)}");
        Assert.DoesNotContain($"/People/Details/{person.Id}\"", search);
        var byInitials = await c.GetFromJsonAsync<JsonElement>($"/api/people?q={person.NameInitials}&pageSize=200");
        Assert.DoesNotContain(byInitials.GetProperty("items").EnumerateArray(), p => p.GetProperty("id").GetInt64() == person.Id);

        var export = await c.GetAsync("/People?handler=Export");
        Assert.Equal(HttpStatusCode.OK, export.StatusCode);
        var rows = XlsxBuilder.Read(await export.Content.ReadAsStreamAsync());
        Assert.DoesNotContain(rows, r => r[0] == person.Name && r[4] == "第一党支部");
        Assert.All(rows.Skip(1), r => Assert.StartsWith("第二党支部", r[4]));

        var all = await c.GetFromJsonAsync<JsonElement>("/api/people?pageSize=200");
        Assert.All(all.GetProperty("items").EnumerateArray(), p => Assert.Equal("第二党支部", p.GetProperty("orgName").GetString()));
        Assert.True(all.GetProperty("total").GetInt32() > 0);

        var orgs = await c.GetFromJsonAsync<JsonElement>("/api/orgs");
        Assert.All(orgs.EnumerateArray(), o => Assert.StartsWith("第二党支部", o.GetProperty("name").GetString()));
    }

    [Fact]
    public async Task Secretary2_CannotChangeFirstBranch()
    {
        var b1 = await app.OrgIdAsync("第一党支部");
        var person = await app.PersonInAsync("第一党支部");
        var c = await app.ClientAsync("secretary2");
        var r = await Html.PostFormAsync(c, "/People/Edit", "/People/Edit", new Dictionary<string, string>
        {
            ["Input.Id"] = person.Id.ToString(), ["Input.Name"] = "篡改", ["Input.OrgId"] = b1.ToString(), ["Input.PartyStatus"] = "Full",
            ["Input.JoinedDate"] = "2010-01-01",
        });
        Denied(r);
        var name = await app.WithDbAsync(db => Task.FromResult(db.People.Single(p => p.Id == person.Id).Name));
        Assert.Equal(person.Name, name);
    }

    [Fact]
    public async Task Auditor_SeesOnlyTheAuditLog()
    {
        var c = await app.ClientAsync("auditor");
        var person = await app.PersonInAsync("第一党支部");
        Assert.Equal(HttpStatusCode.OK, (await c.GetAsync("/Audit")).StatusCode);
        Denied(await c.GetAsync("/Organizations"));
        Denied(await c.GetAsync("/People"));
        Denied(await c.GetAsync($"/People/Details/{person.Id}"));
        Denied(await c.GetAsync("/People/Import"));
        Denied(await c.GetAsync("/People?handler=Export"));
        Denied(await c.GetAsync("/api/orgs"));
        Denied(await c.GetAsync("/api/people"));
        Denied(await c.GetAsync($"/api/people/{person.Id}"));
        var home = await c.GetAsync("/");
        Assert.Equal("/Audit", home.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task OthersCannotReadTheAuditLog()
    {
        foreach (var user in new[] { "admin", "partyadmin", "secretary1", "member1", "leader" })
        {
            var c = await app.ClientAsync(user);
            Denied(await c.GetAsync("/Audit"));
        }
    }

    [Fact]
    public async Task Member_SeesOwnRecordOnly_WithOwnIdNumberUnmasked()
    {
        var c = await app.ClientAsync("member1");
        var scope = await app.ScopeOfAsync("member1");
        var me = scope.PersonId!.Value;
        var own = await c.GetStringAsync($"/People/Details/{me}");
        var idNumber = await app.WithDbAsync(db => Task.FromResult(db.People.Single(p => p.Id == me).IdNumber!));
        Assert.Contains(idNumber, own);
        var other = await app.PersonInAsync("第二党支部");
        Denied(await c.GetAsync($"/People/Details/{other.Id}"));
        Denied(await c.GetAsync($"/api/people/{other.Id}"));
        Denied(await c.GetAsync("/Organizations"));
        var list = await c.GetFromJsonAsync<JsonElement>("/api/people?pageSize=200");
        Assert.Equal(1, list.GetProperty("total").GetInt32());
        Assert.Equal(me, list.GetProperty("items")[0].GetProperty("id").GetInt64());
    }

    [Fact]
    public async Task Leader_ReadsEverything_ButIdNumbersAreMasked_AndCannotEdit()
    {
        var c = await app.ClientAsync("leader");
        var person = await app.PersonInAsync("第一党支部");
        var page = await c.GetStringAsync($"/People/Details/{person.Id}");
        Assert.Contains(person.Name, page);
        Assert.DoesNotContain(person.IdNumber!, page);
        Assert.Contains(Tongxin.Web.Shared.IdNumber.Mask(person.IdNumber), page);
        Denied(await c.GetAsync($"/People/Edit/{person.Id}"));
        Denied(await c.GetAsync($"/Organizations/Edit/{await app.OrgIdAsync("第一党支部")}"));

        var secretary = await app.ClientAsync("secretary1");
        Assert.Contains(person.IdNumber!, await secretary.GetStringAsync($"/People/Details/{person.Id}"));
    }

    [Fact]
    public async Task SystemAdmin_SeesIdNumbersMasked()
    {
        var c = await app.ClientAsync("admin");
        var person = await app.PersonInAsync("第二党支部");
        var json = await c.GetFromJsonAsync<JsonElement>($"/api/people/{person.Id}");
        Assert.Equal(Tongxin.Web.Shared.IdNumber.Mask(person.IdNumber), json.GetProperty("idNumber").GetString());
    }
}
