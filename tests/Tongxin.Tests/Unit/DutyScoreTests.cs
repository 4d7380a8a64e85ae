using Tongxin.Web.Features.Duty;

namespace Tongxin.Tests.Unit;

public class DutyScoreTests
{
    static readonly DutyScheme Default = new();

    [Fact]
    public void TheDomainExample_BaseBonusesDeductionsAndGrades()
    {
        // Three registered proposals (two beyond the first), one key: +10 +5; six public-good deeds: +12 capped to 10.
        var (total, grade, lines) = DutyScore.Compute(Default, new DutyFacts(0, 0, 3, 1, 0, 6));
        Assert.Equal(70 + 10 + 5 + 10, total);
        Assert.Equal(DutyGrade.Excellent, grade);
        Assert.Equal(10, lines.Single(l => l.Item == "参加公益和民生实事").Points);

        Assert.Equal((40, DutyGrade.NotCompetent), Pick(DutyScore.Compute(Default, new DutyFacts(1, 0, 1, 0, 0, 0))));
        Assert.Equal((60, DutyGrade.Competent), Pick(DutyScore.Compute(Default, new DutyFacts(0, 1, 0, 0, 0, 0))));
        Assert.Equal((84, DutyGrade.Competent), Pick(DutyScore.Compute(Default, new DutyFacts(0, 0, 1, 0, 1, 2))));
    }

    [Fact]
    public void Bonuses_StopAtTheCeiling_AndTheLinesAreTheUnits()
    {
        var (total, _, _) = DutyScore.Compute(Default, new DutyFacts(0, 0, 20, 5, 5, 5));
        Assert.Equal(120, total);
        var strict = new DutyScheme { ExcellentAt = 96, CompetentAt = 75 }; // 95 falls one short
        Assert.Equal(DutyGrade.Competent, DutyScore.Compute(strict, new DutyFacts(0, 0, 3, 1, 0, 6)).Grade);
    }

    static (int, DutyGrade) Pick((int Total, DutyGrade Grade, IReadOnlyList<ScoreLine> _) r) => (r.Total, r.Grade);
}
