using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.Liaison;
using Tongxin.Web.Features.People;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

[Trait("Category", "Db")]
public class LiaisonTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly DateOnly Today = Clock.Today;

    [Fact]
    public async Task PairsAreCheckedByKind_ContactsAreRecordedByTheLiaison_AndCountedPerYear()
    {
        var (party, nonParty, otherParty, staff, groupMember) = await app.WithDbAsync(async db =>
        {
            var gm = await db.CommitteeMembers.Where(c => db.Organizations.Any(o => o.Id == c.OrgId && o.Name == "中共江州市政协党组")).Select(c => c.PersonId).SingleAsync();
            var p = await db.Users.Where(u => u.UserName == "weiyuan1").Select(u => u.PersonId!.Value).SingleAsync();
            var np = await db.People.Where(x => x.IsCppccMember && x.PartyStatus == PartyStatus.None).OrderBy(x => x.Id).Select(x => x.Id).FirstAsync();
            var op = await db.Users.Where(u => u.UserName == "weiyuan2").Select(u => u.PersonId!.Value).SingleAsync();
            var st = await db.Users.Where(u => u.UserName == "secretary1").Select(u => u.PersonId!.Value).SingleAsync();
            return (p, np, op, st, gm);
        });
        Task<Tongxin.Web.Shared.Result<long>> Pair(string user, LiaisonKind kind, long a, long? b, string? sector = null) =>
            app.AsAsync<KeepLiaison.Handler, Tongxin.Web.Shared.Result<long>>(user, (h, s) => h.PairAsync(kind, a, b, sector, Today, s));

        Assert.Equal(ErrorKind.Forbidden, (await Pair("weiyuan1", LiaisonKind.MemberPair, party, nonParty)).Error!.Kind);
        Assert.Equal("联系人须为中共党员", (await Pair("office", LiaisonKind.MemberPair, nonParty, party)).Error!.Message);
        Assert.Equal("请选择一名党外委员", (await Pair("office", LiaisonKind.MemberPair, party, otherParty)).Error!.Message);
        Assert.Equal("党员委员联系党外委员：联系人须为政协委员", (await Pair("office", LiaisonKind.MemberPair, staff, nonParty)).Error!.Message);
        var pair = (await Pair("office", LiaisonKind.MemberPair, party, nonParty)).Value;
        Assert.Equal("这两位委员已建立联系", (await Pair("office", LiaisonKind.MemberPair, party, nonParty)).Error!.Message);
        Assert.Equal("党组成员联系界别：联系人须为政协党组成员（在党组的组织信息中登记）", (await Pair("partyadmin", LiaisonKind.GroupSector, staff, null, "教育界")).Error!.Message);
        Assert.Equal("请选择本届委员所在的界别", (await Pair("partyadmin", LiaisonKind.GroupSector, groupMember, null, "不存在的界别")).Error!.Message);
        var sectorPair = (await Pair("partyadmin", LiaisonKind.GroupSector, groupMember, null, "教育界")).Value;

        Task<Tongxin.Web.Shared.Result<long>> Contact(string user, long id, DateOnly? on, string text) =>
            app.AsAsync<KeepLiaison.Handler, Tongxin.Web.Shared.Result<long>>(user, (h, s) => h.ContactAsync(id, on, ContactWay.Visit, text, s, user, Today));
        Assert.Equal(ErrorKind.NotFound, (await Contact("weiyuan2", pair, Today, "不是本人的联系对象")).Error!.Kind);
        Assert.Equal("联系日期须在联系期间内且不晚于今天", (await Contact("weiyuan1", pair, Today.AddDays(1), "明天的走访")).Error!.Message);
        Assert.True((await Contact("weiyuan1", pair, Today, "走访了解企业经营困难和意见建议")).Ok);
        Assert.True((await Contact("office", pair, Today, "组织座谈，交流履职体会")).Ok);
        Assert.Equal(ErrorKind.NotFound, (await Contact("secretary1", sectorPair, Today, "不是本人的联系对象")).Error!.Kind);
        Assert.True((await Contact("office", sectorPair, Today, "参加教育界别小组活动")).Ok);

        var mine = await app.AsAsync<GetLiaison.Handler, List<GetLiaison.Pair>>("weiyuan1", (h, s) => h.Handle(s, Today.Year, mineOnly: true));
        Assert.Equal(2, Assert.Single(mine).Contacts.Count);
        var all = await app.AsAsync<GetLiaison.Handler, List<GetLiaison.Pair>>("office", (h, s) => h.Handle(s, Today.Year, mineOnly: false));
        Assert.Equal([(pair, 2), (sectorPair, 1)], all.Select(p => (p.Id, p.Contacts.Count)).OrderBy(p => p.Id));
        Assert.Equal("教育界", all.Single(p => p.Id == sectorPair).Counterpart);
        Assert.Empty((await app.AsAsync<GetLiaison.Handler, List<GetLiaison.Pair>>("office", (h, s) => h.Handle(s, Today.Year - 1, mineOnly: false))).SelectMany(p => p.Contacts));

        Assert.True((await app.AsAsync<KeepLiaison.Handler, Tongxin.Web.Shared.Result<bool>>("office", (h, s) => h.EndAsync(pair, Today, s))).Ok);
        Assert.Equal("联系日期须在联系期间内且不晚于今天", (await Contact("weiyuan1", pair, Today.AddDays(1), "结束后的联系")).Error!.Message);
    }
}
