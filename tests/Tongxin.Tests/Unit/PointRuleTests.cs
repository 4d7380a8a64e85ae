using Tongxin.Web.Features.OrgLife;
using Tongxin.Web.Features.Points;

namespace Tongxin.Tests.Unit;

public class PointRuleTests
{
    static PointRuleItem PartyDay => PointRuleBook.Defaults.Single(i => i.Code == "attend-ThemedPartyDay");

    [Theory]
    [InlineData(0, 2, false)]
    [InlineData(22, 2, false)]
    [InlineData(23, 1, true)]
    [InlineData(24, 0, true)]
    public void YearCap_CountsWhatIsLeft_AndSaysSo(int already, int counted, bool noted)
    {
        var (points, note) = PointRuleBook.ApplyCap(PartyDay, already);
        Assert.Equal(counted, points);
        Assert.Equal(noted, note is not null);
        if (noted) Assert.Contains("全年上限24分", note);
    }

    [Fact]
    public void Deductions_AreCappedByTheirSize()
    {
        var absent = PointRuleBook.Defaults.Single(i => i.Code == "absent");
        Assert.Equal(-2, PointRuleBook.ApplyCap(absent, -10).Points);
        Assert.Equal(-1, PointRuleBook.ApplyCap(absent, -19).Points);
        Assert.Equal(0, PointRuleBook.ApplyCap(absent, -20).Points);
    }

    [Fact]
    public void Total_IsBasePlusEntries_NeverBelowTheFloor()
    {
        var book = new PointRuleBook(1, 2026, 60, 0, PointRuleBook.Defaults);
        Assert.Equal(67, book.Total([2, 2, 3]));
        Assert.Equal(0, book.Total([-50, -30]));
    }

    [Fact]
    public void TheVersionInForceOnTheDay_IsChosen()
    {
        PointRuleItem V(int version, int month, int points) => new()
        {
            Code = "attend-ThemedPartyDay", Version = version, EffectiveFrom = new DateOnly(2026, month, 1), Points = points,
            Trigger = PointTrigger.Attended, ActivityType = ActivityType.ThemedPartyDay, CapPeriod = RulePeriod.Year,
        };
        var book = new PointRuleBook(1, 2026, 60, 0, [V(1, 1, 2), V(2, 7, 3)]);
        Assert.Equal(1, book.ForAttendance(ActivityType.ThemedPartyDay, new DateOnly(2026, 6, 30))!.Version);
        Assert.Equal(3, book.ForAttendance(ActivityType.ThemedPartyDay, new DateOnly(2026, 7, 1))!.Points);
        Assert.Null(book.ForAttendance(ActivityType.BranchMeeting, new DateOnly(2026, 7, 1)));
    }

    [Fact]
    public void NothingScoresLoginsClicksOrStudyMinutes() =>
        Assert.DoesNotContain(Enum.GetNames<PointTrigger>(), n => n.Contains("Login") || n.Contains("Click") || n.Contains("Minute") || n.Contains("Online"));
}
