using Tongxin.Web.Features.Proposals;

namespace Tongxin.Tests.Unit;

public class ProposalFlowTests
{
    static readonly ProposalFacts None = new();

    public static TheoryData<ProposalStatus, ProposalAction, ProposalStatus> Legal => new()
    {
        { ProposalStatus.Draft, ProposalAction.Submit, ProposalStatus.Submitted },
        { ProposalStatus.Submitted, ProposalAction.Register, ProposalStatus.Registered },
        { ProposalStatus.Submitted, ProposalAction.Refuse, ProposalStatus.Refused },
        { ProposalStatus.Submitted, ProposalAction.Merge, ProposalStatus.Merged },
        { ProposalStatus.Submitted, ProposalAction.Convert, ProposalStatus.Converted },
        { ProposalStatus.Registered, ProposalAction.Assign, ProposalStatus.Assigned },
        { ProposalStatus.Assigned, ProposalAction.Extend, ProposalStatus.Assigned },
        { ProposalStatus.Assigned, ProposalAction.Reply, ProposalStatus.Replied },
        { ProposalStatus.Replied, ProposalAction.Rate, ProposalStatus.Rated },
        { ProposalStatus.Rated, ProposalAction.Close, ProposalStatus.Closed },
    };

    [Theory]
    [MemberData(nameof(Legal))]
    public void EveryLegalTransition_GoesWhereItShould(ProposalStatus from, ProposalAction action, ProposalStatus to) =>
        Assert.Equal(to, ProposalFlow.Next(from, action, None).Value);

    [Fact]
    public void EveryOtherPair_IsRefused_WithAReason()
    {
        var legal = Legal.Select(row => ((ProposalStatus)row[0], (ProposalAction)row[1])).ToHashSet();
        legal.Add((ProposalStatus.Rated, ProposalAction.SendBack)); // depends on the rating, below
        var refused = 0;
        foreach (var status in Enum.GetValues<ProposalStatus>())
            foreach (var action in Enum.GetValues<ProposalAction>())
            {
                if (legal.Contains((status, action))) continue;
                var r = ProposalFlow.Next(status, action, None);
                Assert.False(r.Ok, $"{status} + {action}");
                Assert.False(string.IsNullOrWhiteSpace(r.Error!.Message));
                refused++;
            }
        Assert.Equal(10 * 11 - 11, refused);
        Assert.Equal("只有已立案的提案可以交办", ProposalFlow.Next(ProposalStatus.Submitted, ProposalAction.Assign, None).Error!.Message);
        Assert.Equal("提案已办结", ProposalFlow.Next(ProposalStatus.Closed, ProposalAction.Close, None).Error!.Message);
    }

    [Fact]
    public void SendBack_OnlyAfterADissatisfiedRating_AndOnlyOnce()
    {
        Assert.Equal("只有评价为不满意的提案可以退回重新办理",
            ProposalFlow.Next(ProposalStatus.Rated, ProposalAction.SendBack, new(Handling: Satisfaction.Satisfied, Result: Satisfaction.BasicallySatisfied)).Error!.Message);
        Assert.Equal(ProposalStatus.Assigned,
            ProposalFlow.Next(ProposalStatus.Rated, ProposalAction.SendBack, new(Handling: Satisfaction.Satisfied, Result: Satisfaction.Dissatisfied)).Value);
        Assert.Equal("提案只能退回重新办理一次",
            ProposalFlow.Next(ProposalStatus.Rated, ProposalAction.SendBack, new(SentBack: true, Handling: Satisfaction.Dissatisfied)).Error!.Message);
    }

    [Fact]
    public void Deadline_IsThreeMonths_ExtendedOnceWithAReason_ToSixAtMost()
    {
        var assigned = new DateOnly(2026, 3, 10);
        Assert.Equal(new DateOnly(2026, 6, 10), ProposalFlow.DefaultDeadline(assigned));
        Assert.Null(ProposalFlow.CheckExtension(assigned, new(2026, 6, 10), new(2026, 9, 10), "涉及多部门协调"));
        Assert.Equal("办理期限最长为交办后6个月", ProposalFlow.CheckExtension(assigned, new(2026, 6, 10), new(2026, 9, 11), "涉及多部门协调"));
        Assert.Equal("延期须说明理由", ProposalFlow.CheckExtension(assigned, new(2026, 6, 10), new(2026, 8, 1), " "));
        Assert.Equal("新的办理期限须晚于原期限", ProposalFlow.CheckExtension(assigned, new(2026, 6, 10), new(2026, 6, 10), "理由"));
        Assert.Equal("办理期限只能延长一次", ProposalFlow.Next(ProposalStatus.Assigned, ProposalAction.Extend, new(Extended: true)).Error!.Message);
    }
}
