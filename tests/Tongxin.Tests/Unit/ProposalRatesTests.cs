using Tongxin.Web.Features.Proposals;

namespace Tongxin.Tests.Unit;

public class ProposalRatesTests
{
    static readonly DateOnly Today = new(2026, 11, 22);
    static readonly DateOnly Deadline = new(2026, 9, 30);

    static (ProposalStatus, DateOnly?, DateOnly?, OutcomeClass?, Satisfaction?) P(ProposalStatus status, DateOnly? replied = null, OutcomeClass? outcome = null,
        Satisfaction? result = null, DateOnly? deadline = null) => (status, deadline ?? (replied is null && status != ProposalStatus.Assigned ? null : Deadline), replied, outcome, result);

    [Fact]
    public void EachRate_CountsWhatItSays_FromTheProposalsThemselves()
    {
        var counts = GetProposalRates.Count(
        [
            P(ProposalStatus.Draft),                                     // not submitted: in no rate
            P(ProposalStatus.Submitted),                                 // awaiting review: not yet reviewed
            P(ProposalStatus.Refused), P(ProposalStatus.Merged),         // reviewed, not registered
            P(ProposalStatus.Registered),                                // registered, not assigned
            P(ProposalStatus.Assigned, deadline: Today.AddDays(10)),     // in time, not yet due
            P(ProposalStatus.Assigned, deadline: Today.AddDays(-1)),     // overdue and unanswered: due, not on time
            P(ProposalStatus.Replied, new(2026, 9, 1), OutcomeClass.A),  // answered on time
            P(ProposalStatus.Rated, new(2026, 10, 8), OutcomeClass.C, Satisfaction.Dissatisfied),     // late, rated low
            P(ProposalStatus.Closed, new(2026, 9, 30), OutcomeClass.B, Satisfaction.BasicallySatisfied), // on the day
        ], Today);

        Assert.Equal(9, counts.Submitted);
        Assert.Equal((8, 6), (counts.Reviewed, counts.Registered));
        Assert.Equal(6.0 / 8, counts.RegisterRate);
        Assert.Equal((4, 2), (counts.Due, counts.OnTime));   // three answered + one overdue; two by their deadline
        Assert.Equal(0.5, counts.OnTimeRate);
        Assert.Equal((2, 1), (counts.Rated, counts.Satisfied));
        Assert.Equal(0.5, counts.SatisfactionRate);
        Assert.Equal((3, 2), (counts.Answered, counts.Implemented)); // A and B of the three answered
        Assert.Equal(2.0 / 3, counts.ImplementationRate);
    }

    [Fact]
    public void AYearWithNothingToMeasure_HasNoRate_RatherThanZero()
    {
        var counts = GetProposalRates.Count([P(ProposalStatus.Submitted)], Today);
        Assert.Null(counts.RegisterRate);
        Assert.Null(counts.OnTimeRate);
        Assert.Null(counts.SatisfactionRate);
        Assert.Null(counts.ImplementationRate);
    }
}
