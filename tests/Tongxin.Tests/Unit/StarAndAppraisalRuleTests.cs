using Tongxin.Web.Features.Appraisal;
using Tongxin.Web.Features.Stars;

namespace Tongxin.Tests.Unit;

public class StarRuleTests
{
    static readonly StarChecklist Defaults = new(1, 2026, false, 90, 80, 70, 60, StarChecklist.DefaultItems);

    [Theory]
    [InlineData(92, true, 5)]
    [InlineData(92, false, 4)] // a top total without an innovation item stays at four
    [InlineData(90, true, 5)]
    [InlineData(89.5, true, 4)]
    [InlineData(80, false, 4)]
    [InlineData(79.9, false, 3)]
    [InlineData(70, false, 3)]
    [InlineData(60, false, 2)]
    [InlineData(59.9, false, 1)]
    [InlineData(0, false, 1)]
    public void Stars_FollowTheDefaultThresholds(double total, bool innovation, int stars) =>
        Assert.Equal(stars, Defaults.StarsFor(total, innovation));

    [Fact]
    public void AUnitWithManyBranchesAndNoFourStarOne_IsInTheBottomBand_OnceAllAreReviewed()
    {
        var checklist = new StarChecklist(1, 2026, true, 90, 80, 70, 60, StarChecklist.DefaultItems); // three branches make "many"
        Assert.True(checklist.InBottomBand(branches: 3, reviewed: 3, fourOrMore: 0));
        Assert.False(checklist.InBottomBand(branches: 3, reviewed: 3, fourOrMore: 1));
        Assert.False(checklist.InBottomBand(branches: 2, reviewed: 2, fourOrMore: 0));   // too few branches to judge this way
        Assert.Null(checklist.InBottomBand(branches: 4, reviewed: 3, fourOrMore: 0));    // one still to be reviewed
        Assert.False(checklist.InBottomBand(branches: 4, reviewed: 1, fourOrMore: 1));   // already has a four-star branch
        Assert.True((checklist with { BottomBandBranches = 2 }).InBottomBand(branches: 2, reviewed: 2, fourOrMore: 0));
    }

    [Fact]
    public void Stars_FollowAUnitsOwnThresholds()
    {
        var strict = Defaults with { FiveAt = 95, FourAt = 85, ThreeAt = 75, TwoAt = 65 };
        Assert.Equal(3, strict.StarsFor(84, true));
        Assert.Equal(4, strict.StarsFor(92, true));
        Assert.Equal(1, strict.StarsFor(64, false));
    }

    [Fact]
    public void DefaultChecklist_HasTheFiveGroupsOfTheCommonScheme_WithTheirMaxima()
    {
        Assert.Equal(100, Defaults.MaxTotal); // 20 + 20 + 30 + 20 + 10; see decision 0009 on domain.md's "110"
        var groups = Defaults.Items.GroupBy(i => i.Group).ToDictionary(g => g.Key, g => g.Sum(i => i.MaxScore));
        Assert.Equal(new Dictionary<string, double> { ["班子队伍"] = 20, ["制度落实"] = 20, ["工作业绩"] = 30, ["基础保障"] = 20, ["加分项"] = 10 }, groups);
        Assert.Single(Defaults.Items, i => i.IsInnovation);
    }

    [Fact]
    public void Rate_AddsTheItems_AndFiveStarsNeedAScoreOnTheInnovationItem()
    {
        var full = Defaults.Items.ToDictionary(i => i.Code, i => i.MaxScore);
        Assert.Equal((100, 5), Defaults.Rate(full));
        full["bonus-innovation"] = 0;
        Assert.Equal((90, 4), Defaults.Rate(full));
    }

    [Theory]
    [InlineData(0.85, 12.8)]
    [InlineData(1.4, 15)]
    [InlineData(-0.2, 0)]
    public void ComputedItems_ScaleTheirMaximumByTheShare_ClampedAndToOneDecimal(double share, double score) =>
        Assert.Equal(score, StarChecklist.Scaled(Defaults.Items.Single(i => i.Source == StarSource.ActivitiesHeld), share));
}

public class AppraisalRuleTests
{
    static (bool, AppraisalGrade?, string?) Full(AppraisalGrade? g, string? note = null) => (false, g, note);

    [Theory]
    [InlineData(2, 0)]
    [InlineData(3, 1)]
    [InlineData(8, 2)]
    [InlineData(9, 3)]
    public void Excellent_IsAtMostAThirdOfThoseGraded(int graded, int max) => Assert.Equal(max, AppraisalRules.MaxExcellent(graded));

    [Fact]
    public void Check_RefusesMoreThanAThirdExcellent()
    {
        var two = Enumerable.Repeat(Full(AppraisalGrade.Excellent), 2).Concat(Enumerable.Repeat(Full(AppraisalGrade.Qualified), 6)).ToList();
        Assert.Null(AppraisalRules.Check(two, final: true));
        var three = Enumerable.Repeat(Full(AppraisalGrade.Excellent), 3).Concat(Enumerable.Repeat(Full(AppraisalGrade.Qualified), 5)).ToList();
        Assert.Equal("评为优秀的人数不能超过参评正式党员的三分之一", AppraisalRules.Check(three, final: false));
    }

    [Fact]
    public void Check_ProbationaryMembersAreNotGraded_AndDoNotCountTowardsTheThird()
    {
        List<(bool, AppraisalGrade?, string?)> graded = [Full(AppraisalGrade.Excellent), Full(AppraisalGrade.Qualified), Full(AppraisalGrade.Qualified), (true, null, null)];
        Assert.Null(AppraisalRules.Check(graded, final: true));
        graded[3] = (true, AppraisalGrade.Qualified, null);
        Assert.Equal("预备党员参加评议但不评定等次", AppraisalRules.Check(graded, final: false));
        // With the probationary member counted there would be room for one 优秀 of four; without, two of three is too many.
        List<(bool, AppraisalGrade?, string?)> two = [Full(AppraisalGrade.Excellent), Full(AppraisalGrade.Excellent), Full(AppraisalGrade.Qualified), (true, null, null)];
        Assert.NotNull(AppraisalRules.Check(two, final: false));
    }

    [Fact]
    public void Check_FinalNeedsEveryFullMemberGraded_AndLowGradesNeedAReason()
    {
        List<(bool, AppraisalGrade?, string?)> open = [Full(AppraisalGrade.Qualified), Full(null)];
        Assert.Null(AppraisalRules.Check(open, final: false));
        Assert.Equal("请为每名正式党员评定等次", AppraisalRules.Check(open, final: true));
        Assert.Equal("评定为基本合格或不合格的，请写明理由", AppraisalRules.Check([Full(AppraisalGrade.BasicallyQualified)], final: false));
        Assert.Null(AppraisalRules.Check([Full(AppraisalGrade.Unqualified, "全年无故缺席组织生活6次")], final: true));
    }
}
