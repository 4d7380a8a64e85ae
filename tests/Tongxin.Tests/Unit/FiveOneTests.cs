using Tongxin.Web.Features.Duty;

namespace Tongxin.Tests.Unit;

public class FiveOneTests
{
    [Fact]
    public void Gaps_AreTheItemsBelowTheirTarget_AndZeroTargetsAreNotAsked()
    {
        var counts = new Dictionary<FiveOneItem, int> { [FiveOneItem.Proposal] = 2, [FiveOneItem.Opinion] = 0, [FiveOneItem.Survey] = 1 };
        Assert.Equal([FiveOneItem.Opinion, FiveOneItem.SectorActivity, FiveOneItem.PublicGood], FiveOne.Gaps(FiveOne.Defaults, counts));
        var own = new Dictionary<FiveOneItem, int> { [FiveOneItem.Proposal] = 3, [FiveOneItem.Opinion] = 0, [FiveOneItem.Survey] = 1,
            [FiveOneItem.SectorActivity] = 0, [FiveOneItem.PublicGood] = 0 };
        Assert.Equal([FiveOneItem.Proposal], FiveOne.Gaps(own, counts));
    }

    [Theory]
    [InlineData("2026-06-30", false)]
    [InlineData("2026-07-01", true)]
    [InlineData("2026-09-30", true)]
    [InlineData("2026-10-01", false)]
    [InlineData("2027-08-01", false)] // another year's file
    public void TheReminder_ComesInTheThirdQuarterOfTheYearItConcerns(string today, bool shown)
    {
        Assert.Equal(shown, FiveOne.Q3Reminder(DateOnly.Parse(today), 2026, [FiveOneItem.Survey]) is not null);
        Assert.Null(FiveOne.Q3Reminder(DateOnly.Parse(today), 2026, []));
    }
}
