using Tongxin.Web.Features.OrgLife;

namespace Tongxin.Tests.Unit;

public class PeriodTests
{
    [Theory]
    [InlineData("2026-03-31", RulePeriod.Quarter, "2026-01-01", "2026-03-31")]
    [InlineData("2026-04-01", RulePeriod.Quarter, "2026-04-01", "2026-06-30")]
    [InlineData("2026-12-31", RulePeriod.Quarter, "2026-10-01", "2026-12-31")]
    [InlineData("2028-02-29", RulePeriod.Month, "2028-02-01", "2028-02-29")]
    [InlineData("2026-12-31", RulePeriod.Year, "2026-01-01", "2026-12-31")]
    public void Of_GivesTheEnclosingPeriod_IncludingItsLastDay(string day, RulePeriod kind, string start, string end)
    {
        var p = Period.Of(kind, DateOnly.Parse(day));
        Assert.Equal(DateOnly.Parse(start), p.Start);
        Assert.Equal(DateOnly.Parse(end), p.End);
        Assert.True(p.Contains(DateOnly.Parse(day)));
    }

    [Fact]
    public void Split_AYear_GivesTwelveMonthsAndFourQuarters()
    {
        var year = Period.Of(RulePeriod.Year, new DateOnly(2026, 5, 5));
        Assert.Equal(12, year.Split(RulePeriod.Month).Count());
        Assert.Equal(4, year.Split(RulePeriod.Quarter).Count());
    }

    [Theory]
    [InlineData("2026", RulePeriod.Year)]
    [InlineData("2026-Q3", RulePeriod.Quarter)]
    [InlineData("2026-07", RulePeriod.Month)]
    public void Parse_RoundTripsItsCode(string code, RulePeriod kind)
    {
        var p = Period.Parse(code)!.Value;
        Assert.Equal(kind, p.Kind);
        Assert.Equal(code, p.Code);
    }
}

public class ComplianceCalendarTests
{
    static readonly DateOnly Today = new(2026, 11, 22);
    static DateOnly D(string s) => DateOnly.Parse(s);

    [Fact]
    public void QuarterlyBranchMeeting_HeldOnTheLastDayOfTheQuarter_Counts()
    {
        var q3 = Period.Quarter(2026, 3);
        var r = ComplianceCalendar.Evaluate(ActivityType.BranchMeeting, q3, [], [D("2026-09-30")], Today);
        Assert.Equal(Rag.Green, r.Status);
        Assert.Equal(1, r.Required);
        var next = ComplianceCalendar.Evaluate(ActivityType.BranchMeeting, Period.Quarter(2026, 4), [], [D("2026-09-30")], Today);
        Assert.Equal(Rag.Amber, next.Status); // Q4 is still running on 2026-11-22
    }

    [Fact]
    public void MonthlyPartyDay_OverAYear_RedForEndedMonthsMissing_AndNothingOwedForFutureMonths()
    {
        var year = Period.Of(RulePeriod.Year, Today);
        var held = Enumerable.Range(1, 10).Where(m => m != 4).Select(m => new DateOnly(2026, m, 15)).ToList();
        var r = ComplianceCalendar.Evaluate(ActivityType.ThemedPartyDay, year, [], held, Today);
        Assert.Equal(12, r.Required);
        Assert.Equal(9, r.Held);
        Assert.Equal(Rag.Red, r.Status);
        Assert.Equal(["2026-04", "2026-11"], r.Missing.Select(m => m.Code));
        // For 争星: ten ended months owed, nine of them met; the running month owes nothing until it is met.
        Assert.Equal((10, 9), (r.Due, r.Met));
        var withNovember = ComplianceCalendar.Evaluate(ActivityType.ThemedPartyDay, year, [], [.. held, Today], Today);
        Assert.Equal((11, 10), (withNovember.Due, withNovember.Met));
    }

    [Fact]
    public void FrequencyChangedMidYear_AppliesFromThePeriodItStarts()
    {
        // From July the unit asks for a party lecture every month instead of every quarter.
        FrequencyRuleValue[] rules = [new(ActivityType.PartyLecture, D("2026-07-01"), RulePeriod.Month, 1)];
        var year = Period.Of(RulePeriod.Year, Today);
        DateOnly[] held = [D("2026-02-10"), D("2026-05-10"), D("2026-07-10"), D("2026-08-10"), D("2026-09-10"), D("2026-10-10"), D("2026-11-10")];
        var r = ComplianceCalendar.Evaluate(ActivityType.PartyLecture, year, rules, held, Today);
        Assert.Equal(2 + 6, r.Required); // Q1, Q2, then July..December
        Assert.Equal(Rag.Green, r.Status);
        Assert.Equal(RulePeriod.Quarter, ComplianceCalendar.RuleOn(rules, ActivityType.PartyLecture, D("2026-06-30")).Period);
        Assert.Equal(RulePeriod.Month, ComplianceCalendar.RuleOn(rules, ActivityType.PartyLecture, D("2026-07-01")).Period);
    }

    [Fact]
    public void YearlyRule_ViewedForOneMonth_IsJudgedOnTheWholeYear()
    {
        var nov = Period.Of(RulePeriod.Month, Today);
        var r = ComplianceCalendar.Evaluate(ActivityType.OrgLifeMeeting, nov, [], [D("2026-03-01")], Today);
        Assert.Equal(Rag.Green, r.Status);
        Assert.Equal(1, r.Held); // counted over the year it is judged on, though none fell in November
    }

    [Fact]
    public void TypeWithoutRequirement_IsNotRequired() =>
        Assert.Equal(Rag.NotRequired, ComplianceCalendar.Evaluate(ActivityType.GroupStudy, Period.Of(RulePeriod.Year, Today), [], [], Today).Status);

    [Theory]
    [InlineData(9, 5, true)]
    [InlineData(9, 4, false)]
    [InlineData(8, 4, false)] // exactly half is not more than half
    [InlineData(8, 5, true)]
    [InlineData(0, 0, false)]
    public void Quorum_IsMoreThanHalf(int entitled, int present, bool met) => Assert.Equal(met, ComplianceCalendar.QuorumMet(entitled, present));
}

public class SignInTokenTests
{
    static readonly byte[] Secret = Enumerable.Range(1, 32).Select(i => (byte)i).ToArray();
    static readonly DateTimeOffset Now = new(2026, 11, 22, 7, 0, 5, TimeSpan.Zero);

    [Fact]
    public void FreshToken_IsValid_ForUpToOneMinute_ThenExpired()
    {
        var token = SignInToken.Issue(42, Secret, Now);
        Assert.Equal(SignInToken.Verdict.Valid, SignInToken.Check(token, 42, Secret, Now));
        Assert.Equal(SignInToken.Verdict.Valid, SignInToken.Check(token, 42, Secret, Now.AddSeconds(30)));
        Assert.Equal(SignInToken.Verdict.Expired, SignInToken.Check(token, 42, Secret, Now.AddSeconds(60)));
        Assert.Equal(SignInToken.Verdict.Expired, SignInToken.Check(token, 42, Secret, Now.AddSeconds(-31))); // from the future
    }

    [Fact]
    public void ChangedToken_OtherActivity_OrOtherSecret_IsForged()
    {
        var token = SignInToken.Issue(42, Secret, Now);
        var parts = token.Split('.');
        Assert.Equal(SignInToken.Verdict.Forged, SignInToken.Check($"{parts[0]}.{long.Parse(parts[1]) + 1}.{parts[2]}", 42, Secret, Now));
        Assert.Equal(SignInToken.Verdict.Forged, SignInToken.Check(token, 43, Secret, Now));
        Assert.Equal(SignInToken.Verdict.Forged, SignInToken.Check(token, 42, new byte[32], Now));
        Assert.Equal(SignInToken.Verdict.Forged, SignInToken.Check("garbage", 42, Secret, Now));
        Assert.Equal(42, SignInToken.ActivityIdOf(token));
    }

    [Fact]
    public void TheCodeChangesEveryThirtySeconds() =>
        Assert.NotEqual(SignInToken.Issue(42, Secret, Now), SignInToken.Issue(42, Secret, Now.AddSeconds(30)));

    [Theory]
    [InlineData("<script>alert(1)</script>", true)]
    [InlineData("会议由<b>张三</b>主持", true)]
    [InlineData("[点此](javascript:alert(1))", true)]
    [InlineData("## 议程\n1. 学习\n2. [文件](https://example.org/a.pdf)", false)]
    public void Minutes_WithRawHtmlOrScriptLinks_AreRefused(string minutes, bool refused) =>
        Assert.Equal(refused, RecordActivity.ContainsHtml(minutes));
}

public class ClockTests
{
    static readonly DateTime From = new(2025, 12, 31, 16, 0, 0, DateTimeKind.Utc), To = new(2026, 12, 31, 16, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void ChinaKeepsOneOffset_SoTheDatabaseMayWorkOutLocalDays() =>
        Assert.Equal(480, Tongxin.Web.Shared.Clock.FixedOffsetMinutes(TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai"), From, To));

    [Fact]
    public void AZoneWithSummerTime_HasNoFixedOffsetOverTheYear_ButHasOneInWinter()
    {
        var berlin = TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        Assert.Null(Tongxin.Web.Shared.Clock.FixedOffsetMinutes(berlin, From, To));
        Assert.Equal(60, Tongxin.Web.Shared.Clock.FixedOffsetMinutes(berlin, From, new DateTime(2026, 2, 1, 0, 0, 0, DateTimeKind.Utc)));
    }
}
