using DocumentFormat.OpenXml.Packaging;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.Duty;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Proposals;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

[Trait("Category", "Db")]
public class DutyFileTests(AppFactory app) : IClassFixture<AppFactory>
{
    const string Text = "建议加快推进城市更新，完善老旧街区配套设施，同步建设社区养老、托育和停车设施，提升群众生活品质。";

    [Fact]
    public async Task TheFileCountsTheRecords_ScoresThemByTheUnitsScheme_AndExportsWordAndExcel()
    {
        var me = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "weiyuan1").Select(u => u.PersonId!.Value).SingleAsync());
        var body = await app.OrgIdAsync("江州市政协委员");
        var year = Clock.Today.Year;

        // Two registered proposals, one of them key.
        foreach (var (title, key) in new[] { ("关于推进城市更新的建议", true), ("关于完善社区托育服务的建议", false) })
        {
            var id = (await app.AsAsync<SubmitProposal.Handler, Result<long>>("weiyuan1", (h, s) => h.Handle(null, new(title, Text, []), true, s, DateTime.UtcNow))).Value;
            await app.AsAsync<ReviewProposal.Handler, Result<ProposalStatus>>("office", (h, s) => h.Handle(id, ProposalAction.Register, null, null, s, "office", DateTime.UtcNow));
            if (key) await app.WithDbAsync(async db => { (await db.Proposals.SingleAsync(p => p.Id == id)).IsKey = true; return await db.SaveChangesAsync(); });
        }
        // A plenary held and missed without leave.
        var start = DateTime.UtcNow.AddHours(-5);
        var plenary = (await app.AsAsync<PlanActivity.Handler, Result<long>>("office", (h, s) => h.Handle(new()
            { OrgId = body, Type = ActivityType.Plenary, Topic = "市政协十五届六次会议", Place = "大会堂", StartsAt = start, EndsAt = start.AddHours(3) }, s, "office"))).Value;
        await app.WithDbAsync(async db => { (await db.Activities.SingleAsync(a => a.Id == plenary)).Status = ActivityStatus.Held; return await db.SaveChangesAsync(); });

        var file = (await app.AsAsync<GetDutyFile.Handler, GetDutyFile.View>("office", (h, _) => h.Handle(1, year, me))).Files.Single();
        Assert.Equal((1, 0, 2, 1, 0), (file.Facts[DutyFact.PlenaryAbsent], file.Facts[DutyFact.PlenaryExcused], file.Facts[DutyFact.RegisteredProposal],
            file.Facts[DutyFact.KeyProposal], file.Facts[DutyFact.ExcellentProposal]));
        Assert.Equal(70 + 5 + 5 - 30, file.Score);
        Assert.Equal(DutyGrade.NotCompetent, file.Grade);
        Assert.Equal("缺席", Assert.Single(file.Activities, a => a.Id == plenary).Attendance);

        // The unit softens the absence deduction and drops the key-proposal bonus; the score follows.
        var scheme = SetDutyScheme.Command.From(DutyScheme.Default(1, year));
        scheme.Items.Single(i => i.Fact == DutyFact.PlenaryAbsent).Points = -10;
        scheme.Items.Single(i => i.Fact == DutyFact.KeyProposal).Fact = null;
        Assert.Equal(ErrorKind.Forbidden, (await app.AsAsync<SetDutyScheme.Handler, Result<bool>>("weiyuan1", (h, s) => h.Handle(1, year, scheme, s))).Error!.Kind);
        Assert.True((await app.AsAsync<SetDutyScheme.Handler, Result<bool>>("office", (h, s) => h.Handle(1, year, scheme, s))).Ok);
        file = (await app.AsAsync<GetDutyFile.Handler, GetDutyFile.View>("office", (h, _) => h.Handle(1, year, me))).Files.Single();
        Assert.Equal((65, DutyGrade.Competent), (file.Score, file.Grade));
        Assert.DoesNotContain(file.Lines, l => l.Item == "重点提案");
        // It adds an item of its own (协商议政 attended); the items are kept as saved, and the item goes again.
        scheme.Items.Add(new() { Fact = DutyFact.Consultation, Points = 5, Cap = 15 });
        Assert.True((await app.AsAsync<SetDutyScheme.Handler, Result<bool>>("office", (h, s) => h.Handle(1, year, scheme, s))).Ok);
        var kept = await app.WithDbAsync(db => db.DutySchemes.Where(s => s.Year == year).SelectMany(s => s.Items).Select(i => i.Fact).ToListAsync());
        Assert.Equal(new[] { DutyFact.PlenaryAbsent, DutyFact.PlenaryExcused, DutyFact.RegisteredProposal, DutyFact.ExcellentProposal, DutyFact.Consultation, DutyFact.PublicGood }.Order(), kept.Order());
        scheme.Items.Single(i => i.Fact == DutyFact.Consultation).Fact = null;
        Assert.True((await app.AsAsync<SetDutyScheme.Handler, Result<bool>>("office", (h, s) => h.Handle(1, year, scheme, s))).Ok);

        // The member's own draft report, and the office's list.
        var member = await app.ClientAsync("weiyuan1");
        var docx = await member.GetByteArrayAsync($"/Duty/File?handler=Docx&year={year}");
        using (var doc = WordprocessingDocument.Open(new MemoryStream(docx), false))
        {
            var text = doc.MainDocumentPart!.Document.Body!.InnerText;
            Assert.Contains($"{year}年度履职报告（草稿）", text);
            Assert.Contains("关于推进城市更新的建议（已立案，重点提案）", text);
            Assert.Contains("65分（称职）", text);
        }
        Assert.Equal(System.Net.HttpStatusCode.NotFound, (await (await app.ClientAsync("weiyuan2")).GetAsync($"/Duty/File?personId={me}&year={year}")).StatusCode);
        var sheet = XlsxBuilder.Read(await (await (await app.ClientAsync("office")).GetAsync($"/Duty/Files?handler=Xlsx&year={year}")).Content.ReadAsStreamAsync());
        var name = await app.WithDbAsync(db => db.People.Where(p => p.Id == me).Select(p => p.Name).SingleAsync());
        var row = sheet.Single(r => r[0] == name);
        Assert.Equal(("2", "65", "称职"), (row[6], row[9], row[10]));
        Assert.Equal(1 + await app.WithDbAsync(db => db.People.CountAsync(p => p.IsCppccMember)), sheet.Count);

        // A refused scheme names the item, in the reader's language.
        var office = await app.ClientAsync("office");
        Dictionary<string, string> Bad() => new()
        {
            ["Scheme.Base"] = "70", ["Scheme.MaxBonus"] = "50", ["Scheme.ExcellentAt"] = "85", ["Scheme.CompetentAt"] = "60",
            ["Scheme.Items[0].Fact"] = "ExcellentProposal", ["Scheme.Items[0].Points"] = "0", ["Scheme.Items[0].FreeCount"] = "0",
        };
        var zh = await Html.PostFormAsync(office, "/Duty/Files", $"/Duty/Files?handler=Scheme&year={year}", Bad());
        Assert.Contains("“优秀提案”的每次分值应在 -100 到 100 之间且不为 0（负数为扣分）", await zh.Content.ReadAsStringAsync());
        await office.GetAsync("/Duty/Files?culture=en");
        var en = await Html.PostFormAsync(office, "/Duty/Files", $"/Duty/Files?handler=Scheme&year={year}", Bad());
        Assert.Contains("Points each for “Excellent proposal” must be between -100 and 100 and not 0", await en.Content.ReadAsStringAsync());
    }
}
