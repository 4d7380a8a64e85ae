namespace Tongxin.Web.Features.OrgLife;

public enum Rag { Green, Amber, Red, NotRequired }

/// <summary>A frequency rule in force from a date (a tenant may change it mid-year; the rule in force at the start of a period applies to it).</summary>
public sealed record FrequencyRuleValue(ActivityType Type, DateOnly EffectiveFrom, RulePeriod Period, int MinCount);

/// <param name="Due">Activities owed by sub-periods already ended, and by running ones already met.</param>
/// <param name="Met">Of those, how many were held in their own sub-period (extra meetings in one month do not make up another).</param>
public sealed record TypeCompliance(ActivityType Type, int Required, int Held, IReadOnlyList<Period> Missing, Rag Status, int Due = 0, int Met = 0);

/// <summary>Pure rules: which required activities a unit (branch or group) owes in a period.</summary>
public static class ComplianceCalendar
{
    public static IReadOnlyList<FrequencyRuleValue> Defaults { get; } =
        ActivityTypes.OrgLife.Select(t => new FrequencyRuleValue(t.Type, DateOnly.MinValue, t.DefaultPeriod, t.DefaultMin)).ToList();

    /// <summary>The rule for <paramref name="type"/> in force on <paramref name="day"/>: the latest tenant rule that started by then, else the default.</summary>
    public static FrequencyRuleValue RuleOn(IEnumerable<FrequencyRuleValue> rules, ActivityType type, DateOnly day) =>
        rules.Where(r => r.Type == type && r.EffectiveFrom <= day).OrderByDescending(r => r.EffectiveFrom).FirstOrDefault()
        ?? Defaults.First(r => r.Type == type);

    /// <summary>
    /// For each sub-period of the rule inside <paramref name="period"/> (months of a year, …), at least MinCount held activities
    /// are required. Red: an ended sub-period fell short. Amber: the current one is still short. Green otherwise.
    /// </summary>
    public static TypeCompliance Evaluate(ActivityType type, Period period, IEnumerable<FrequencyRuleValue> rules,
        IEnumerable<DateOnly> heldDates, DateOnly today) =>
        EvaluateScheduled(type, period, Schedule(period, rules, type), heldDates, today);

    /// <summary>The same, with the schedule worked out once for many units under the same rules.</summary>
    public static TypeCompliance EvaluateScheduled(ActivityType type, Period period, IReadOnlyList<(Period Sub, FrequencyRuleValue Rule)> kinds,
        IEnumerable<DateOnly> heldDates, DateOnly today)
    {
        var dates = heldDates as IReadOnlyCollection<DateOnly> ?? heldDates.ToList();
        if (kinds.Count == 0) return new TypeCompliance(type, 0, dates.Count(period.Contains), [], Rag.NotRequired);

        // Held is counted over the periods judged, so "1/1" for a yearly meeting held in March reads right in November.
        var required = 0; var held = 0; var due = 0; var met = 0; var missing = new List<Period>(); var status = Rag.Green;
        foreach (var (sub, rule) in kinds)
        {
            required += rule.MinCount;
            var count = dates.Count(sub.Contains);
            held += count;
            // Ended periods are owed; a period still running counts once it is met, so nobody loses marks mid-month.
            if (sub.End < today || (sub.Start <= today && count >= rule.MinCount)) (due, met) = (due + rule.MinCount, met + Math.Min(count, rule.MinCount));
            if (count >= rule.MinCount) continue;
            if (sub.Start > today) continue; // not begun: nothing owed yet
            missing.Add(sub);
            if (sub.End < today) status = Rag.Red;
            else if (status == Rag.Green) status = Rag.Amber;
        }
        return new TypeCompliance(type, required, held, missing, status, due, met);
    }

    /// <summary>
    /// The rule's own periods overlapping the view; a rule coarser than the view (a yearly rule seen for one month)
    /// is judged on its whole period, so callers pass held dates for at least the enclosing year.
    /// </summary>
    public static IReadOnlyList<(Period Sub, FrequencyRuleValue Rule)> Schedule(Period period, IEnumerable<FrequencyRuleValue> rules, ActivityType type) =>
        SubPeriods(period, rules, type).ToList();

    static IEnumerable<(Period, FrequencyRuleValue)> SubPeriods(Period period, IEnumerable<FrequencyRuleValue> rules, ActivityType type)
    {
        var d = period.Start;
        while (d <= period.End)
        {
            var rule = RuleOn(rules, type, d);
            if (rule.Period == RulePeriod.None || rule.MinCount == 0)
            {
                // Nothing required until the next rule for this type takes effect, if any.
                var next = rules.Where(r => r.Type == type && r.EffectiveFrom > d).Select(r => (DateOnly?)r.EffectiveFrom).Min();
                if (next is null) yield break;
                d = next.Value;
                continue;
            }
            var sub = Period.Of(rule.Period, d);
            if (RuleOn(rules, type, sub.Start) is { } atStart && atStart.Period == rule.Period) rule = atStart;
            yield return (sub, rule);
            d = sub.End.AddDays(1);
        }
    }

    /// <summary>More than half of those entitled to vote (full members expected) are present.</summary>
    public static bool QuorumMet(int entitled, int presentEntitled) => entitled > 0 && presentEntitled * 2 > entitled;
}
