namespace Tongxin.Web.Features.Appraisal;

/// <summary>Pure rules of 民主评议党员 (domain.md §3): who is graded, the ⅓ limit on 优秀, what a decision needs.</summary>
public static class AppraisalRules
{
    public static readonly AppraisalGrade[] Grades = Enum.GetValues<AppraisalGrade>();

    public static string Name(this AppraisalGrade g) => g switch
    {
        AppraisalGrade.Excellent => "优秀", AppraisalGrade.Qualified => "合格",
        AppraisalGrade.BasicallyQualified => "基本合格", _ => "不合格",
    };

    /// <summary>优秀 may go to at most a third of those graded (rounded down).</summary>
    public static int MaxExcellent(int graded) => graded / 3;

    /// <summary>The first reason a set of decisions cannot stand, or null. <paramref name="final"/> also needs every graded member decided.</summary>
    public static string? Check(IReadOnlyList<(bool IsProbationary, AppraisalGrade? Grade, string? Note)> decisions, bool final)
    {
        if (decisions.Any(d => d.IsProbationary && d.Grade is not null)) return "预备党员参加评议但不评定等次";
        var graded = decisions.Where(d => !d.IsProbationary).ToList();
        if (final && graded.Any(d => d.Grade is null)) return "请为每名正式党员评定等次";
        if (graded.Count(d => d.Grade == AppraisalGrade.Excellent) > MaxExcellent(graded.Count)) return "评为优秀的人数不能超过参评正式党员的三分之一";
        if (graded.Any(d => d.Grade is AppraisalGrade.BasicallyQualified or AppraisalGrade.Unqualified && string.IsNullOrWhiteSpace(d.Note)))
            return "评定为基本合格或不合格的，请写明理由";
        return null;
    }
}
