using System.Net;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.Appraisal;
using Tongxin.Web.Features.Points;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

[Trait("Category", "Db")]
public class AppraisalTests(AppFactory app) : IClassFixture<AppFactory>
{
    static readonly int Year = Clock.Today.Year;


    async Task<T> WithAsync<THandler, T>(Func<THandler, Task<T>> work) where THandler : notnull
    {
        using var s = app.Services.CreateScope();
        return await work(s.ServiceProvider.GetRequiredService<THandler>());
    }

    Task<Result<int>> VoteAsync(long round, long voter, Dictionary<long, AppraisalGrade?> marks) =>
        WithAsync<TakePart.Handler, Result<int>>(h => h.VoteAsync(round, voter, marks, DateTime.UtcNow));

    [Fact]
    public async Task PaperSheets_AreEnteredAsCountsWithTheirVoters_AndThoseVotersCannotVoteAgain()
    {
        var org = await app.OrgIdAsync("第二党支部");
        var round = (await app.AsAsync<OpenRound.Handler, Result<long>>("secretary2", (h, s) => h.Handle(org, Year, s, "secretary2", DateTime.UtcNow))).Value;
        var parts = await app.WithDbAsync(db => db.AppraisalParticipants.Where(p => p.RoundId == round).ToListAsync());
        var full = parts.Where(p => !p.IsProbationary).Select(p => p.PersonId).OrderBy(p => p).ToList();
        Assert.True(full.Count >= 4);
        Assert.True((await VoteAsync(round, full[0], full.Skip(1).ToDictionary(p => p, _ => (AppraisalGrade?)AppraisalGrade.Qualified))).Ok);

        Task<Result<int>> Paper(string user, long[] voters, Dictionary<long, IReadOnlyDictionary<AppraisalGrade, int>> tallies) =>
            app.AsAsync<RecordPaperBallots.Handler, Result<int>>(user, (h, s) => h.Handle(round, new(voters, tallies), s, DateTime.UtcNow));
        // Two sheets from full[1] and full[2]: full[1] can be graded on one sheet only (not on their own).
        Dictionary<long, IReadOnlyDictionary<AppraisalGrade, int>> Tallies(int forFirst) => full.ToDictionary(p => p, p =>
            (IReadOnlyDictionary<AppraisalGrade, int>)new Dictionary<AppraisalGrade, int>
            {
                [AppraisalGrade.Excellent] = p == full[1] ? forFirst : 0,
                [AppraisalGrade.Qualified] = p == full[1] ? 0 : p == full[2] ? 1 : 2,
            });
        Assert.Equal(ErrorKind.NotFound, (await Paper("secretary1", [full[1], full[2]], Tallies(1))).Error!.Kind);
        Assert.Equal("勾选的党员中有人已经投过票，每人只能投一次", (await Paper("secretary2", [full[0], full[1]], Tallies(1))).Error!.Message);
        var name = await app.WithDbAsync(db => db.People.Where(p => p.Id == full[1]).Select(p => p.Name).SingleAsync());
        Assert.Equal($"“{name}”的各等次票数合计超过了可对其评价的纸质票数（1 张）", (await Paper("secretary2", [full[1], full[2]], Tallies(2))).Error!.Message);
        Assert.Equal(2, (await Paper("secretary2", [full[1], full[2]], Tallies(1))).Value);

        Assert.Equal("您已投过票，每人只能投一次", (await VoteAsync(round, full[1], full.Where(p => p != full[1]).ToDictionary(p => p, _ => (AppraisalGrade?)AppraisalGrade.Qualified))).Error!.Message);
        Assert.True((await app.AsAsync<DecideGrades.Handler, Result<bool>>("secretary2", (h, s) => h.CloseVotingAsync(round, s, DateTime.UtcNow))).Ok);
        var view = (await app.AsAsync<GetRound.Handler, GetRound.View?>("secretary2", (h, s) => h.Handle(round, s)))!;
        var first = view.Members.Single(m => m.PersonId == full[1]);
        Assert.Equal((1, 1, true, true), (first.Tally[AppraisalGrade.Excellent], first.Tally[AppraisalGrade.Qualified], first.Voted, first.OnPaper)); // online 1 + paper 1
        Assert.Equal(1 + 2, view.Members.Single(m => m.PersonId == full[3]).Tally[AppraisalGrade.Qualified]);
        Assert.Equal(3, view.Voted);
        Assert.All(await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == nameof(AppraisalBallot) && a.At >= DateTime.UtcNow.AddMinutes(-5)).ToListAsync()),
            a => Assert.Equal(TakePart.BallotActor, a.UserName));
        Assert.Equal("互评投票已结束，不能再录入纸质票", (await Paper("secretary2", [full[3]], Tallies(0))).Error!.Message);
    }

    [Fact]
    public async Task TheWholeRound_FromOpeningToTheExportedResult()
    {
        var org = await app.OrgIdAsync("第一党支部");
        Assert.Equal(ErrorKind.Forbidden, (await app.AsAsync<OpenRound.Handler, Result<long>>("secretary2", (h, s) => h.Handle(org, Year, s, "secretary2", DateTime.UtcNow))).Error!.Kind);
        var opened = await app.AsAsync<OpenRound.Handler, Result<long>>("secretary1", (h, s) => h.Handle(org, Year, s, "secretary1", DateTime.UtcNow));
        Assert.True(opened.Ok);
        var round = opened.Value;
        Assert.Equal("本支部该年度的民主评议已经开始",
            (await app.AsAsync<OpenRound.Handler, Result<long>>("partyadmin", (h, s) => h.Handle(org, Year, s, "partyadmin", DateTime.UtcNow))).Error!.Message);

        var parts = await app.WithDbAsync(db => db.AppraisalParticipants.Where(p => p.RoundId == round).ToListAsync());
        Assert.Equal((9, 1), (parts.Count, parts.Count(p => p.IsProbationary)));
        var full = parts.Where(p => !p.IsProbationary).Select(p => p.PersonId).OrderBy(p => p).ToList();
        var probationary = parts.Single(p => p.IsProbationary).PersonId;

        // Self-assessment, then one ballot each: every full member graded, 优秀 within a third (2 of 8).
        Assert.Equal("自我评价请写明一年来的表现（不少于 10 个字）",
            (await WithAsync<TakePart.Handler, Result<bool>>(h => h.SelfAssessAsync(round, full[0], "好", DateTime.UtcNow))).Error!.Message);
        Assert.True((await WithAsync<TakePart.Handler, Result<bool>>(h => h.SelfAssessAsync(round, full[0], "一年来认真学习党的理论，按时参加组织生活，完成本职工作。", DateTime.UtcNow))).Ok);
        Dictionary<long, AppraisalGrade?> Marks(long voter, params long[] excellent) =>
            full.Where(p => p != voter).ToDictionary(p => p, p => (AppraisalGrade?)(excellent.Contains(p) ? AppraisalGrade.Excellent : AppraisalGrade.Qualified));
        var missing = Marks(full[0]); missing.Remove(full[1]);
        Assert.Equal("请为每一名正式党员选择评价等次", (await VoteAsync(round, full[0], missing)).Error!.Message);
        Assert.Equal("评为优秀的人数不能超过参评正式党员的三分之一", (await VoteAsync(round, full[0], Marks(full[0], full[1], full[2], full[3]))).Error!.Message);
        Assert.Equal(7, (await VoteAsync(round, full[0], Marks(full[0], full[1], full[2]))).Value);
        Assert.Equal("您已投过票，每人只能投一次", (await VoteAsync(round, full[0], Marks(full[0]))).Error!.Message);
        Assert.Equal(8, (await VoteAsync(round, probationary, Marks(probationary, full[1]))).Value); // 预备党员 vote too
        Assert.Equal(7, (await VoteAsync(round, full[1], Marks(full[1], full[2]))).Value);

        // While voting is open nothing is tallied anywhere: no ballot rows, no tallies on the page or in the export.
        Assert.Equal(0, await app.WithDbAsync(db => db.AppraisalBallots.CountAsync(b => b.RoundId == round)));
        var open = (await app.AsAsync<GetRound.Handler, GetRound.View?>("secretary1", (h, s) => h.Handle(round, s)))!;
        Assert.Equal((3, 8, 2, false), (open.Voted, open.Graded, open.MaxExcellent, open.TalliesShown));
        Assert.All(open.Members, m => Assert.All(m.Tally.Values, n => Assert.Equal(0, n)));
        var sec1 = await app.ClientAsync("secretary1");
        var openPage = await sec1.GetStringAsync($"/Appraisal/Round/{round}");
        Assert.Contains("已投票 3 / 9 人", openPage);
        Assert.DoesNotContain("data-grade=", openPage);
        var openSheet = XlsxBuilder.Read(await (await sec1.GetAsync($"/Appraisal/Round/{round}?handler=Xlsx")).Content.ReadAsStreamAsync());
        Assert.DoesNotContain(openSheet[0], h => h.StartsWith("互评"));
        Assert.Null(await app.AsAsync<GetRound.Handler, GetRound.View?>("secretary2", (h, s) => h.Handle(round, s)));

        // Decisions: only after the ballot closes.
        // The party administrator records the decisions: the secretary, a member of the branch, may not grade themself.
        Task<Result<bool>> Decide(Dictionary<long, DecideGrades.Decision> d, bool final, string user = "partyadmin") =>
            app.AsAsync<DecideGrades.Handler, Result<bool>>(user, (h, s) => h.Handle(round, d, final, s, user, DateTime.UtcNow));
        Dictionary<long, DecideGrades.Decision> Grades(params long[] excellent) =>
            full.ToDictionary(p => p, p => new DecideGrades.Decision(excellent.Contains(p) ? AppraisalGrade.Excellent : AppraisalGrade.Qualified, null));
        Assert.Equal("请先结束互评投票，再评定等次", (await Decide(Grades(full[1]), true)).Error!.Message);
        Assert.True((await app.AsAsync<DecideGrades.Handler, Result<bool>>("secretary1", (h, s) => h.CloseVotingAsync(round, s, DateTime.UtcNow))).Ok);

        // At close the box is opened: ballots carry no voter, and the audit log names no voter against the marks.
        var ballotAudit = await app.WithDbAsync(async db =>
        {
            var ids = (await db.AppraisalBallots.Where(b => b.RoundId == round).Select(b => b.Id).ToListAsync()).Select(id => id.ToString()).ToList();
            return await db.AuditEntries.Where(a => a.EntityType == nameof(AppraisalBallot) && ids.Contains(a.EntityId)).ToListAsync();
        });
        Assert.Equal(22, ballotAudit.Count);
        Assert.All(ballotAudit, a => Assert.Equal(TakePart.BallotActor, a.UserName));
        Assert.Single(ballotAudit.Select(a => a.At).Distinct());
        Assert.DoesNotContain(typeof(AppraisalBallot).GetProperties(), p => p.Name.Contains("Voter"));

        // The branch now sees the tallies and points as input.
        var view = (await app.AsAsync<GetRound.Handler, GetRound.View?>("secretary1", (h, s) => h.Handle(round, s)))!;
        Assert.Equal((3, 8, 2, true), (view.Voted, view.Graded, view.MaxExcellent, view.TalliesShown));
        var second = view.Members.Single(m => m.PersonId == full[2]);
        Assert.Equal((2, 1), (second.Tally[AppraisalGrade.Excellent], second.Tally[AppraisalGrade.Qualified]));
        var totals = await app.WithDbAsync(db => PointLedger.YearTotalsAsync(db, 1, Year, [.. full, probationary], default));
        Assert.All(view.Members, m => Assert.Equal(totals[m.PersonId], m.Points));

        // The ⅓ rule; 预备党员 not graded; all graded to finalise.
        // Decisions: only after the ballot closes; the ⅓ rule; 预备党员 not graded; all graded to finalise.
        Assert.Equal("互评投票已结束", (await VoteAsync(round, full[3], Marks(full[3]))).Error!.Message);
        Assert.Equal(ConflictOfInterest.Message, (await Decide(Grades(full[1]), false, "secretary1")).Error!.Message);
        Assert.Equal("评为优秀的人数不能超过参评正式党员的三分之一", (await Decide(Grades(full[1], full[2], full[3]), false)).Error!.Message);
        var withProbationary = Grades(full[1]); withProbationary[probationary] = new(AppraisalGrade.Qualified, null);
        Assert.Equal("预备党员参加评议但不评定等次", (await Decide(withProbationary, false)).Error!.Message);
        var partial = Grades(full[1]); partial.Remove(full[5]);
        Assert.True((await Decide(partial, false)).Ok); // saved, not final
        Assert.Equal("请为每名正式党员评定等次", (await Decide(partial, true)).Error!.Message);
        var decided = Grades(full[1], full[2]); decided[full[7]] = new(AppraisalGrade.BasicallyQualified, "无故缺席组织生活3次");
        Assert.True((await Decide(decided, true)).Ok);
        Assert.Equal("评议结果已确定，不能再修改", (await Decide(decided, true)).Error!.Message);

        var saved = await app.WithDbAsync(db => db.AppraisalParticipants.Where(p => p.RoundId == round).ToListAsync());
        Assert.Equal(AppraisalGrade.BasicallyQualified, saved.Single(p => p.PersonId == full[7]).Grade);
        Assert.Null(saved.Single(p => p.IsProbationary).Grade);
        Assert.All(saved, p => Assert.Equal(totals[p.PersonId], p.PointsTotal));

        // The member sees their own result; the export lists everyone with tally, points and grade.
        var member1 = await app.WithDbAsync(db => db.Users.Where(u => u.UserName == "member1").Select(u => u.PersonId!.Value).SingleAsync());
        var mine = Assert.Single(await WithAsync<GetMyAppraisal.Handler, List<GetMyAppraisal.Mine>>(h => h.Handle(member1)));
        Assert.Equal(saved.Single(p => p.PersonId == member1).Grade, mine.Grade);
        var c = await app.ClientAsync("secretary1");
        var sheet = XlsxBuilder.Read(await (await c.GetAsync($"/Appraisal/Round/{round}?handler=Xlsx")).Content.ReadAsStreamAsync());
        Assert.Equal(10, sheet.Count);
        Assert.Equal(["姓名", "身份", "自我评价", "是否投票", "互评：优秀", "互评：合格", "互评：基本合格", "互评：不合格", "年度积分", "评定等次", "说明"], sheet[0]);
        var names = await app.WithDbAsync(db => db.People.Where(p => full.Contains(p.Id) || p.Id == probationary).ToDictionaryAsync(p => p.Id, p => p.Name));
        var row7 = sheet.Single(r => r[0] == names[full[7]]);
        Assert.Equal(("基本合格", "无故缺席组织生活3次", totals[full[7]].ToString()), (row7[9], row7[10], row7[8]));
        Assert.Equal("不评定等次", sheet.Single(r => r[0] == names[probationary])[9]);
        Assert.Equal("2", sheet.Single(r => r[0] == names[full[2]])[4]);
        Assert.Equal(HttpStatusCode.NotFound, (await (await app.ClientAsync("secretary2")).GetAsync($"/Appraisal/Round/{round}?handler=Xlsx")).StatusCode);
    }
}
