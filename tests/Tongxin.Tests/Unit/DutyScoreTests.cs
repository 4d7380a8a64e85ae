using Tongxin.Web.Features.Duty;

namespace Tongxin.Tests.Unit;

public class DutyScoreTests
{
    static readonly DutyScheme Default = DutyScheme.Default(1, 2026);

    static Dictionary<DutyFact, int> Facts(int plenaryAbsent = 0, int plenaryExcused = 0, int registered = 0, int key = 0, int excellent = 0, int publicGood = 0) => new()
    {
        [DutyFact.PlenaryAbsent] = plenaryAbsent, [DutyFact.PlenaryExcused] = plenaryExcused, [DutyFact.RegisteredProposal] = registered,
        [DutyFact.KeyProposal] = key, [DutyFact.ExcellentProposal] = excellent, [DutyFact.PublicGood] = publicGood,
    };

    [Fact]
    public void TheDomainExample_BaseBonusesDeductionsAndGrades()
    {
        // Three registered proposals (two beyond the first), one key: +10 +5; six public-good deeds: +12 capped to 10.
        var (total, grade, lines) = DutyScore.Compute(Default, Facts(registered: 3, key: 1, publicGood: 6));
        Assert.Equal(70 + 10 + 5 + 10, total);
        Assert.Equal(DutyGrade.Excellent, grade);
        Assert.Equal(10, lines.Single(l => l.Item == "参加公益和民生实事").Points);
        Assert.Equal((3, 10, 1), lines.Single(l => l.Item == "立案提案") is var p ? (p.Count, p.Points, p.FreeCount) : default);

        Assert.Equal((40, DutyGrade.NotCompetent), Pick(DutyScore.Compute(Default, Facts(plenaryAbsent: 1, registered: 1))));
        Assert.Equal((60, DutyGrade.Competent), Pick(DutyScore.Compute(Default, Facts(plenaryExcused: 1))));
        Assert.Equal((84, DutyGrade.Competent), Pick(DutyScore.Compute(Default, Facts(registered: 1, excellent: 1, publicGood: 2))));
    }

    [Fact]
    public void Bonuses_StopAtTheCeiling_DeductionsDoNot_AndTheGradeLinesAreTheUnits()
    {
        Assert.Equal(120, DutyScore.Compute(Default, Facts(registered: 20, key: 5, excellent: 5, publicGood: 5)).Total);
        Assert.Equal(120 - 60, DutyScore.Compute(Default, Facts(plenaryAbsent: 2, registered: 20, key: 5, excellent: 5)).Total);
        var strict = DutyScheme.Default(1, 2026);
        (strict.ExcellentAt, strict.CompetentAt) = (96, 75); // 95 falls one short
        Assert.Equal(DutyGrade.Competent, DutyScore.Compute(strict, Facts(registered: 3, key: 1, publicGood: 6)).Grade);
    }

    [Fact]
    public void AUnitScoresWhatItChooses_WithItsOwnCapsOnBonusesAndDeductions()
    {
        // A unit that scores surveys (+3, 9 at most), adopted reports (+4, the first not counted) and standing-committee
        // absence (−5 each, 10 at most), and nothing else.
        var own = new DutyScheme
        {
            Base = 60, MaxBonus = 40,
            Items =
            [
                new() { Fact = DutyFact.Survey, Points = 3, Cap = 9 },
                new() { Fact = DutyFact.OpinionAdopted, Points = 4, FreeCount = 1 },
                new() { Fact = DutyFact.StandingAbsent, Points = -5, Cap = 10 },
            ],
        };
        var facts = new Dictionary<DutyFact, int> { [DutyFact.Survey] = 5, [DutyFact.OpinionAdopted] = 3, [DutyFact.StandingAbsent] = 4, [DutyFact.PlenaryAbsent] = 2 };
        var (total, _, lines) = DutyScore.Compute(own, facts);
        Assert.Equal(60 + 9 + 8 - 10, total);
        Assert.Equal(["基础分", "社情民意被采用", "参加调研视察", "无故缺席常委会议"], lines.Select(l => l.Item)); // base, bonuses, deductions
        Assert.DoesNotContain(lines, l => l.Item == "无故缺席全体会议"); // not in this unit's scheme: absence from a plenary costs nothing here
    }

    [Fact]
    public void ASchemeIsRefused_WithAReason_WhenItsItemsMakeNoSense()
    {
        static string? Check(Action<SetDutyScheme.Command> change)
        {
            var c = SetDutyScheme.Command.From(DutyScheme.Default(1, 2026));
            change(c);
            return SetDutyScheme.Validate(c)?.Message;
        }
        Assert.Null(Check(_ => { }));
        Assert.Equal("“优秀提案”的每次分值应在 -100 到 100 之间且不为 0（负数为扣分）", Check(c => c.Items.Single(i => i.Fact == DutyFact.ExcellentProposal).Points = 0));
        Assert.Equal("“参加公益和民生实事”的上限应在 1 到 200 之间，不设上限请留空", Check(c => c.Items.Single(i => i.Fact == DutyFact.PublicGood).Cap = 0));
        Assert.Equal("“重点提案”只能设置一次", Check(c => c.Items.Add(new() { Fact = DutyFact.KeyProposal, Points = 1 })));
        Assert.Equal("至少设置一个计分项目", Check(c => c.Items.ForEach(i => i.Fact = null)));
        Assert.Equal("优秀分数线应高于称职分数线", Check(c => c.ExcellentAt = 50));
    }

    static (int, DutyGrade) Pick((int Total, DutyGrade Grade, IReadOnlyList<ScoreLine> _) r) => (r.Total, r.Grade);
}
