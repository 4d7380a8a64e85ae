namespace Tongxin.Web.Features.Dashboard;

public enum ChartKind { Bar, StackedBar, HorizontalBar, Line, Pie }

/// <summary>One series of a chart: a value per label and, per value, the list of records behind it.</summary>
public sealed record ChartSeries(string Name, IReadOnlyList<double?> Values, IReadOnlyList<string?> Links);

/// <summary>
/// What a dashboard chart shows, rendered by <c>wwwroot/js/charts.js</c> with ECharts and as a table of the same
/// numbers with their links underneath (for keyboards, screen readers and a phone). Labels and series names arrive
/// localised; a click on a segment opens its link.
/// </summary>
public sealed record Chart(string Id, string Title, ChartKind Kind, IReadOnlyList<string> Labels, IReadOnlyList<ChartSeries> Series, string? Unit = null)
{
    /// <summary>Nothing to draw: no value at all, or only zero counts (a rate of 0 % is a finding and is drawn).</summary>
    public bool IsEmpty => Series.All(s => s.Values.All(v => v is null || (v == 0 && Unit != "%")));
}
