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
}
