using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Shared;
using C = Tongxin.Web.Features.People.RosterColumns;

namespace Tongxin.Tests.Integration;

/// <summary>Full ID numbers reach nobody without the permission, by any route; the audit log keeps them masked.</summary>
[Trait("Category", "Db")]
public class PersonalDataTests(AppFactory app) : IClassFixture<AppFactory>
{
    static Dictionary<string, string> EditFields(Person p, string name) => new()
    {
        ["Input.Id"] = p.Id.ToString(), ["Input.Name"] = name, ["Input.OrgId"] = p.OrgId.ToString(),
        ["Input.PartyStatus"] = p.PartyStatus.ToString(), ["Input.JoinedDate"] = p.JoinedDate?.ToString("yyyy-MM-dd") ?? "",
        ["Input.IdNumber"] = "", ["KeepIdNumber"] = "true",
    };

    [Fact]
    public async Task AnEditFormReshown_NeverCarriesTheStoredNumber_AndOutOfScopeIs404()
    {
        var person = await app.PersonInAsync("第一党支部");
        Assert.NotNull(person.IdNumber);

        // A member posts the edit form of someone else's record with an empty name: 403/404, no number.
        var member = await app.ClientAsync("member1");
        var denied = await Html.PostFormAsync(member, "/Appraisal/Mine", $"/People/Edit/{person.Id}", EditFields(person, ""));
        Assert.True(denied.StatusCode is HttpStatusCode.NotFound or HttpStatusCode.Forbidden, $"{(int)denied.StatusCode}");
        Assert.DoesNotContain(person.IdNumber!, await denied.Content.ReadAsStringAsync());

        // secretary2 (has the permission, but in another branch): 404.
        var other = await Html.PostFormAsync(await app.ClientAsync("secretary2"), "/People", $"/People/Edit/{person.Id}", EditFields(person, ""));
        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
        Assert.DoesNotContain(person.IdNumber!, await other.Content.ReadAsStringAsync());

        // The system administrator reads the roster masked and enters nobody (三员分立): every form that writes an ID
        // number would tell them whether a guessed number is registered.
        var admin = await app.ClientAsync("admin");
        var refused = await Html.PostFormAsync(admin, "/People", $"/People/Edit/{person.Id}", EditFields(person, person.Name + "改"));
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.DoesNotContain(person.IdNumber!, await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/People/Edit")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await admin.GetAsync("/People/Import")).StatusCode);
        Assert.Equal(person.Name, await app.WithDbAsync(db => db.People.Where(p => p.Id == person.Id).Select(p => p.Name).SingleAsync()));
    }

    [Fact]
    public async Task SearchByFullIdNumber_MatchesOnlyForHoldersOfThePermission()
    {
        var person = await app.PersonInAsync("第一党支部");
        var q = Uri.EscapeDataString(person.IdNumber!);
        // admin sees the person by name but may not read numbers: the number is no search key for them.
        var admin = await app.ClientAsync("admin");
        Assert.DoesNotContain($"/People/Details/{person.Id}\"", await admin.GetStringAsync($"/People?q={q}"));
        Assert.Contains($"/People/Details/{person.Id}\"", await admin.GetStringAsync($"/People?q={Uri.EscapeDataString(person.Name)}"));
        var api = await admin.GetFromJsonAsync<System.Text.Json.JsonElement>($"/api/people?q={q}");
        Assert.Equal(0, api.GetProperty("total").GetInt32());
        // The party administrator may: the number finds the person.
        var party = await app.ClientAsync("partyadmin");
        Assert.Contains($"/People/Details/{person.Id}\"", await party.GetStringAsync($"/People?q={q}"));
    }

    [Fact]
    public async Task TheImportsDuplicateMessage_NamesNobodyOutsideTheImportersScope()
    {
        var scope = await app.ScopeOfAsync("partyadmin");
        var outside = await app.WithDbAsync(async db => (await (from p in db.People join o in db.Organizations on p.OrgId equals o.Id
                                                                  where p.IdNumber != null select new { p.Name, p.IdNumber, o.Path }).ToListAsync())
            .First(x => !scope.Can(Permissions.People.View, x.Path)));
        string[] headers = [C.Name, C.Gender, C.IdNumber, C.Org, C.PartyStatus, C.JoinedDate];
        var file = XlsxBuilder.Build(headers, [["冯八", "", outside.IdNumber, "第一党支部", "正式党员", "2010-01-01"]]);
        var c = await app.ClientAsync("partyadmin");
        var page = await c.GetStringAsync("/People/Import");
        using var form = new MultipartFormDataContent();
        var content = new ByteArrayContent(file);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        form.Add(content, "upload", "roster.xlsx");
        form.Add(new StringContent(Html.AntiForgery(page)), "__RequestVerificationToken");
        var html = await (await c.PostAsync("/People/Import?handler=Check", form)).Content.ReadAsStringAsync();
        Assert.Contains("身份证号已登记在您管理范围以外的组织", html);
        Assert.DoesNotContain(outside.Name, html);
    }

    [Fact]
    public async Task TheAuditLog_KeepsIdAndPhoneNumbersMasked()
    {
        var id = IdNumber.WithCheckDigit("33010219850505123");
        var result = await app.AsAsync<SavePerson.Handler, Result<long>>("partyadmin", async (h, s) => await h.Handle(new SavePerson.Command
        {
            Name = "审计测", IdNumber = id, Phone = "13912345678", OrgId = await app.OrgIdAsync("第二党支部"),
        }, s));
        Assert.True(result.Ok, result.Error?.Message);
        var entries = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(Person) && a.EntityId == result.Value.ToString()).ToListAsync());
        var entry = Assert.Single(entries);
        Assert.DoesNotContain(id, entry.After);
        Assert.DoesNotContain("13912345678", entry.After);
        Assert.Contains(IdNumber.Mask(id), entry.After);
        Assert.Contains("139****5678", entry.After);
    }
}
