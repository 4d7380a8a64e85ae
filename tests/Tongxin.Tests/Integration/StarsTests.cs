using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Stars;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Shared;

namespace Tongxin.Tests.Integration;

[Trait("Category", "Db")]
public class StarsTests(AppFactory app) : StarsTestBase, IClassFixture<AppFactory>
{
    protected override AppFactory Factory => app;

    [Fact]
    public async Task ComputedItems_ComeFromTheComplianceCalendarAndThePointsLedger()
    {
        var first = await app.OrgIdAsync("第一党支部");
        var second = await app.OrgIdAsync("第二党支部");
        var view1 = (await app.AsAsync<GetBranchRating.Handler, GetBranchRating.View?>("partyadmin", (h, s) => h.Handle(first, Today.Year, s, Today)))!;
        var view2 = (await app.AsAsync<GetBranchRating.Handler, GetBranchRating.View?>("partyadmin", (h, s) => h.Handle(second, Today.Year, s, Today)))!;

        // The same figures the compliance calendar gives for the year.
        var compliance = await app.AsAsync<GetCompliance.Handler, GetCompliance.Report?>("partyadmin",
            (h, s) => h.Handle(s, null, Period.Of(RulePeriod.Year, Today), Today));
        double Share(long org) { var u = compliance!.Units.Single(u => u.OrgId == org); return (double)u.Types.Sum(t => t.Met) / u.Types.Sum(t => t.Due); }
        var held1 = view1.Items.Single(i => i.Template.Code == "orglife-held");
        var held2 = view2.Items.Single(i => i.Template.Code == "orglife-held");
        Assert.Equal(Math.Round(15 * Share(first), 1), held1.Computed);
        Assert.Equal(Math.Round(15 * Share(second), 1), held2.Computed);
        Assert.True(held1.Computed > held2.Computed, "第二党支部 missed its Q3 党员大会"); 
        Assert.Matches(@"应按期开展 \d+ 次，按期开展 \d+ 次", held2.Basis);

        // Average points: members of the branch under the year's rules, against the target of 70.
        var totals = await app.WithDbAsync(async db =>
        {
            var ids = await db.People.Where(p => p.OrgId == first && p.PartyStatus != Tongxin.Web.Features.People.PartyStatus.None).Select(p => p.Id).ToListAsync();
            return await Tongxin.Web.Features.Points.PointLedger.YearTotalsAsync(db, 1, Today.Year, ids, default);
        });
        var avg = Math.Round(totals.Values.Average(), 1);
        var points = view1.Items.Single(i => i.Template.Code == "points-average");
        Assert.Equal(Math.Round(10 * Math.Min(1, avg / 70), 1), points.Computed);
        Assert.Contains($"{totals.Count} 名党员平均 {avg} 分", points.Basis);
    }

    [Fact]
    public async Task SelfAssessment_ChecksScoresAndEvidence_ThenIsFixedOnceSubmitted()
    {
        var org = await app.OrgIdAsync("第一党支部");
        var year = Today.Year - 3;
        Assert.Equal("无权为此支部自评", (await AssessAsync("secretary2", org, year, Manual(5), false)).Error!.Message);

        var tooHigh = Manual(5); tooHigh["team-leaders"] = new(11, "x");
        Assert.Equal("得分应在 0 到该项满分之间", (await AssessAsync("secretary1", org, year, tooHigh, false)).Error!.Message);
        var draft = await AssessAsync("secretary1", org, year, Manual(5, evidence: null), submit: false);
        Assert.True(draft.Ok); // a draft may lack evidence
        Assert.Equal("提交前请为每个得分项填写依据", (await AssessAsync("secretary1", org, year, Manual(5, evidence: null), submit: true)).Error!.Message);

        Assert.True((await AssessAsync("secretary1", org, year, Manual(10), submit: true)).Ok);
        var rating = await app.WithDbAsync(db => db.StarRatings.Include(r => r.Scores).SingleAsync(r => r.Id == draft.Value));
        Assert.Equal(StarRatingStatus.Submitted, rating.Status);
        Assert.Equal(Math.Round(rating.Scores.Sum(s => s.SelfScore), 1), rating.SelfTotal);
        Assert.Equal(9, rating.Scores.Count);
        var checklist = await app.WithDbAsync(db => StarChecklist.LoadAsync(db, 1, year));
        Assert.True(checklist.Adopted); // the first rating pins the year's checklist
        Assert.Equal(checklist.StarsFor(rating.SelfTotal!.Value, true), rating.SelfStars);
        Assert.Equal("自评已提交，不能再修改", (await AssessAsync("secretary1", org, year, Manual(10), true)).Error!.Message);
        Assert.Equal("本年度已有支部提交自评，评分细则不能再修改",
            (await app.AsAsync<EditStarTemplate.Handler, Result<bool>>("partyadmin", (h, s) => h.Handle(1, year,
                new EditStarTemplate.Input(90, 80, 70, 60, []), s))).Error!.Message);
        Assert.Contains(await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "StarRating" && a.EntityId == rating.Id.ToString()).ToListAsync()),
            a => a.After!.Contains("Submitted") && a.After.Contains("secretary1"));
    }

    [Fact]
    public async Task Review_IsByAnotherPerson_AdjustmentsNeedAReason_AndStarsFollowTheReviewedTotal()
    {
        var org = await app.OrgIdAsync("第二党支部");
        var year = Today.Year - 2;
        var id = (await AssessAsync("secretary2", org, year, Manual(20), submit: true)).Value;
        Assert.Equal(ErrorKind.NotFound, (await ReviewAsync("secretary2", id, true, [])).Error!.Kind); // a secretary cannot review

        Assert.Equal("调整自评分的项目请说明理由", (await ReviewAsync("partyadmin", id, true, new() { ["work-integration"] = new(12, null) })).Error!.Message);
        Assert.Equal("退回请说明理由", (await ReviewAsync("partyadmin", id, false, [])).Error!.Message);
        Assert.True((await ReviewAsync("partyadmin", id, false, [], "创新项目缺少上级推广的文件")).Ok);
        Assert.True((await AssessAsync("secretary2", org, year, Manual(20), submit: true)).Ok);

        var stars = await ReviewAsync("partyadmin", id, true, new() { ["work-integration"] = new(12, "中心工作成效材料不足"), ["bonus-innovation"] = new(0, "无上级推广文件") });
        var rating = await app.WithDbAsync(db => db.StarRatings.Include(r => r.Scores).SingleAsync(r => r.Id == id));
        Assert.Equal(StarRatingStatus.Reviewed, rating.Status);
        Assert.Equal(Math.Round(rating.SelfTotal!.Value - 8 - 10, 1), rating.ReviewTotal);
        Assert.Equal(Math.Round(rating.Scores.Sum(s => s.ReviewScore!.Value), 1), rating.ReviewTotal);
        var expected = rating.ReviewTotal >= 80 ? 4 : rating.ReviewTotal >= 70 ? 3 : rating.ReviewTotal >= 60 ? 2 : 1;
        Assert.Equal(expected, stars.Value);
        Assert.Equal(expected, rating.ReviewStars);
        Assert.Equal("中心工作成效材料不足", rating.Scores.Single(s => s.ItemCode == "work-integration").ReviewNote);
    }

    [Fact]
    public async Task WhoSubmitted_CannotReview()
    {
        var org = await app.OrgIdAsync("第一党支部");
        var year = Today.Year - 5;
        var id = (await AssessAsync("partyadmin", org, year, Manual(10), submit: true)).Value;
        Assert.Equal("评定须由提交自评以外的人进行", (await ReviewAsync("partyadmin", id, true, [])).Error!.Message);
    }
}

/// <summary>Tests that keep their own checklists, apart from the ones relying on the defaults.</summary>
[Trait("Category", "Db")]
public class StarTemplateTests(AppFactory app) : StarsTestBase, IClassFixture<AppFactory>
{
    protected override AppFactory Factory => app;

    [Fact]
    public async Task StarsCanGoDown_AndTheOverviewShowsTheChange_UnderTheUnitsOwnThresholds()
    {
        var org = await app.OrgIdAsync("第二党支部");
        var (before, now) = (Today.Year - 8, Today.Year - 7);
        // The year before, under the default lines.
        var first = (await AssessAsync("secretary2", org, before, Manual(20), submit: true)).Value;
        Assert.True((await ReviewAsync("partyadmin", first, true, new() { ["bonus-innovation"] = new(0, "无创新项目") })).Value >= 2);

        // The next year the unit raises its lines; the same hand scores now earn fewer stars.
        var edit = await app.AsAsync<EditStarTemplate.Handler, Result<bool>>("partyadmin", (h, s) => h.Handle(1, now, new EditStarTemplate.Input(105, 100, 95, 90,
            StarChecklist.DefaultItems.Select(i => new EditStarTemplate.ItemInput(i.Code, i.Group, i.Name, i.MaxScore, i.Source, i.Target, i.IsInnovation, false)).ToList()), s));
        Assert.True(edit.Ok);
        var second = (await AssessAsync("secretary2", org, now, Manual(20), submit: true)).Value;
        var down = (await ReviewAsync("partyadmin", second, true, new() { ["bonus-innovation"] = new(0, "无创新项目") })).Value;
        var up = await app.WithDbAsync(db => db.StarRatings.Where(r => r.Id == first).Select(r => r.ReviewStars!.Value).SingleAsync());
        Assert.True(down < up, $"{down} < {up}");

        var overview = await app.AsAsync<GetStarsOverview.Handler, GetStarsOverview.View>("partyadmin", (h, s) => h.Handle(s, now));
        var row = overview.Rows.Single(r => r.OrgId == org);
        Assert.Equal((down, up, -1), (row.ReviewStars, row.LastYearStars, row.Change));
        Assert.Equal(1, overview.WithStars(down));
        var history = (await app.AsAsync<GetBranchRating.Handler, GetBranchRating.View?>("secretary2", (h, s) => h.Handle(org, now, s, Today)))!.History;
        Assert.Equal([(now, down), (before, up)], history.Where(h => h.Value <= now).Select(h => (h.Value, h.ReviewStars!.Value)));
        // A secretary sees only their own branch in the overview.
        Assert.Equal([org], (await app.AsAsync<GetStarsOverview.Handler, GetStarsOverview.View>("secretary2", (h, s) => h.Handle(s, now))).Rows.Select(r => r.OrgId));
    }

    [Fact]
    public async Task TheOverviewPutsAUnitWithManyBranchesAndNoFourStarOneInTheBottomBand()
    {
        var (strict, lenient) = (Today.Year - 5, Today.Year - 4);
        var unit = await app.OrgIdAsync("中共江州市政协机关委员会");
        var branches = await app.WithDbAsync(db => db.Organizations.Where(o => o.ParentId == unit).Select(o => new { o.Id, o.Type }).ToListAsync());
        var rated = branches.Where(b => StarAccess.IsRated(b.Type)).Select(b => b.Id).ToList();
        Assert.True(rated.Count >= 3);
        // One year the unit counts "many" from more branches than it has; the next year from three.
        var items = StarChecklist.DefaultItems.Select(i => new EditStarTemplate.ItemInput(i.Code, i.Group, i.Name, i.MaxScore, i.Source, i.Target, i.IsInnovation, false)).ToList();
        Assert.Equal("末档单位的支部数应在 2 到 100 之间", (await app.AsAsync<EditStarTemplate.Handler, Result<bool>>("partyadmin", (h, s) => h.Handle(1, strict, new(90, 80, 70, 60, items, 1), s))).Error!.Message);
        Assert.True((await app.AsAsync<EditStarTemplate.Handler, Result<bool>>("partyadmin", (h, s) => h.Handle(1, strict, new(90, 80, 70, 60, items, rated.Count + 1), s))).Ok);
        Assert.True((await app.AsAsync<EditStarTemplate.Handler, Result<bool>>("partyadmin", (h, s) => h.Handle(1, lenient, new(90, 80, 70, 60, items, 3), s))).Ok);

        // Every branch reviewed at three stars in both years (ratings kept as the review leaves them).
        await app.WithDbAsync(async db =>
        {
            foreach (var year in new[] { strict, lenient })
                db.StarRatings.AddRange(rated.Select(id => new StarRating
                {
                    TenantId = 1, OrgId = id, Year = year, Status = StarRatingStatus.Reviewed, SelfTotal = 75, SelfStars = 3, ReviewTotal = 75, ReviewStars = 3,
                    SubmittedBy = "secretary", ReviewedBy = "partyadmin", SubmittedAt = DateTime.UtcNow, ReviewedAt = DateTime.UtcNow,
                }));
            return await db.SaveChangesAsync();
        });
        Task<GetStarsOverview.Unit> UnitAsync(int year) =>
            app.AsAsync<GetStarsOverview.Handler, GetStarsOverview.Unit>("partyadmin", async (h, s) => (await h.Handle(s, year)).Units.Single(u => u.OrgId == unit));
        Assert.Equal((rated.Count, rated.Count, 0, (bool?)false), await UnitAsync(strict) is var a ? (a.Branches, a.Reviewed, a.FourOrMore, a.BottomBand) : default);
        Assert.True((await UnitAsync(lenient)).BottomBand);

        // One branch at four stars lifts the unit out; one still unreviewed leaves it undecided.
        await app.WithDbAsync(async db =>
        {
            var ratings = await db.StarRatings.Where(r => r.Year == lenient && rated.Contains(r.OrgId)).OrderBy(r => r.OrgId).ToListAsync();
            ratings[0].ReviewStars = 4;
            return await db.SaveChangesAsync();
        });
        Assert.False((await UnitAsync(lenient)).BottomBand);
        await app.WithDbAsync(async db =>
        {
            var ratings = await db.StarRatings.Where(r => r.Year == lenient && rated.Contains(r.OrgId)).OrderBy(r => r.OrgId).ToListAsync();
            (ratings[0].ReviewStars, ratings[0].Status) = (null, StarRatingStatus.Submitted);
            return await db.SaveChangesAsync();
        });
        Assert.Null((await UnitAsync(lenient)).BottomBand);
    }

    [Fact]
    public async Task Template_NewYearStartsAsACopyOfTheLast_AndRefusesBadLines()
    {
        var year = Today.Year - 1;
        Task<Result<bool>> Save(EditStarTemplate.Input input) =>
            app.AsAsync<EditStarTemplate.Handler, Result<bool>>("partyadmin", (h, s) => h.Handle(1, year, input, s));
        List<EditStarTemplate.ItemInput> items = [new("a", "班子队伍", "支部班子健全", 50, StarSource.Manual, null, false, false),
            new(null, "制度落实", "按期开展组织生活", 50, StarSource.ActivitiesHeld, null, false, false),
            new("gone", "其他", "删除的项目", 5, StarSource.Manual, null, false, true)];
        Assert.Equal("星级分数线应从五星到二星依次降低且大于 0", (await Save(new(80, 90, 70, 60, items))).Error!.Message);
        Assert.Equal("积分平均分项须填写目标分", (await Save(new(90, 80, 70, 60, [new(null, "业绩", "平均积分", 10, StarSource.AveragePoints, null, false, false)]))).Error!.Message);
        Assert.Equal("星级分数线应从五星到二星依次降低且大于 0", (await Save(new(90, 80, 70, 0, items))).Error!.Message);
        Assert.True((await Save(new(90, 80, 70, 60, items))).Ok);
        Assert.False((await app.AsAsync<EditStarTemplate.Handler, Result<bool>>("secretary1", (h, s) => h.Handle(1, year, new(90, 80, 70, 60, items), s))).Ok);

        var next = await app.WithDbAsync(db => StarChecklist.LoadAsync(db, 1, year + 1));
        Assert.False(next.Adopted);
        Assert.Equal(["支部班子健全", "按期开展组织生活"], next.Items.Select(i => i.Name));
        Assert.Equal(100, next.MaxTotal);
    }
}

/// <summary>Steps shared by the 争星 tests: self-assess and review as a demo user, full hand scores.</summary>
public abstract class StarsTestBase
{
    protected abstract AppFactory Factory { get; }

    protected static readonly DateOnly Today = Clock.Today;


    protected Task<Result<long>> AssessAsync(string user, long org, int year, Dictionary<string, SelfAssess.Input> input, bool submit) =>
        Factory.AsAsync<SelfAssess.Handler, Result<long>>(user, (h, s) => h.Handle(org, year, input, submit, s, user, DateTime.UtcNow, Today));

    protected Task<Result<int>> ReviewAsync(string user, long rating, bool approve, Dictionary<string, ReviewRating.Input> input, string? note = null) =>
        Factory.AsAsync<ReviewRating.Handler, Result<int>>(user, (h, s) => h.Handle(rating, approve, input, note, s, user, DateTime.UtcNow));

    protected static Dictionary<string, SelfAssess.Input> Manual(double each, string? evidence = "支部工作台账") =>
        StarChecklist.DefaultItems.Where(i => i.Source == StarSource.Manual)
            .ToDictionary(i => i.Code, i => new SelfAssess.Input(Math.Min(each, i.MaxScore), evidence));
}
