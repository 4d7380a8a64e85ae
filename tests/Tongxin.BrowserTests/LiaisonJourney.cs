using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;

namespace Tongxin.BrowserTests;

[Collection("browser")]
public class LiaisonJourney(BrowserFixture f)
{
    [Fact]
    public async Task TheOfficePairsAPartyMemberWithANonPartyMember_WhoRecordsAContact_AndTheCountShows()
    {
        var party = await f.App.WithDbAsync(db => db.Users.Where(u => u.UserName == "weiyuan1").Select(u => u.PersonId!.Value).SingleAsync());
        var office = await f.NewPageAsync("office");
        await office.GotoAsync("/Liaison");
        await office.GetByLabel("联系人（党员）").SelectOptionAsync(party.ToString());
        await office.GetByLabel("党外委员").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        await office.GetByRole(AriaRole.Button, new() { Name = "建立联系" }).ClickAsync();
        await Assertions.Expect(office.GetByTestId("pairs").Locator("tbody tr")).ToHaveCountAsync(1);

        var member = await f.NewPageAsync("weiyuan1", phone: true);
        await member.GotoAsync("/Liaison");
        var pair = member.GetByTestId("my-pair");
        await pair.GetByLabel("联系方式").SelectOptionAsync("Visit");
        await pair.GetByLabel("联系内容").FillAsync("走访了解企业经营困难，听取对营商环境的意见");
        await pair.GetByRole(AriaRole.Button, new() { Name = "记录联系" }).ClickAsync();
        await Assertions.Expect(member.GetByTestId("my-pair")).ToContainTextAsync("本年度联系 1 次");
        await BrowserFixture.ShotAsync(member, "51-liaison-member-phone");
        await member.Context.CloseAsync();

        await office.GotoAsync("/Liaison");
        await Assertions.Expect(office.GetByTestId("pairs").Locator("[data-testid=count]")).ToHaveTextAsync("1");
        await BrowserFixture.ShotAsync(office, "52-liaison-office");
        await office.Context.CloseAsync();
    }
}
