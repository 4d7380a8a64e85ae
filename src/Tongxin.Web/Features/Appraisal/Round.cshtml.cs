using Microsoft.AspNetCore.Mvc;
using Tongxin.Web.Features.Shared;

namespace Tongxin.Web.Features.Appraisal;

/// <summary>One branch's round: progress, each member's tally and points, the decision form, the result export.</summary>
public class RoundModel(GetRound.Handler get, DecideGrades.Handler decide, RecordPaperBallots.Handler paper) : AppPage
{
    public sealed class PaperTally
    {
        public long PersonId { get; set; }
        public Dictionary<AppraisalGrade, int> Counts { get; set; } = [];
    }

    [BindProperty] public List<long> PaperVoters { get; set; } = [];
    [BindProperty] public List<PaperTally> PaperTallies { get; set; } = [];

    public sealed class DecisionForm
    {
        public long PersonId { get; set; }
        public AppraisalGrade? Grade { get; set; }
        public string? Note { get; set; }
    }

    [BindProperty] public List<DecisionForm> Decisions { get; set; } = [];

    public GetRound.View View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(long id, CancellationToken ct) => await ShowAsync(id, ct);

    public async Task<IActionResult> OnPostCloseAsync(long id, CancellationToken ct) =>
        await AfterActionAsync((await decide.CloseVotingAsync(id, Scope, DateTime.UtcNow, ct)).Error, "互评投票已结束，请评定等次", new { id }, () => ShowAsync(id, ct));

    public async Task<IActionResult> OnPostPaperAsync(long id, CancellationToken ct)
    {
        var input = new RecordPaperBallots.Input(PaperVoters,
            PaperTallies.ToDictionary(t => t.PersonId, t => (IReadOnlyDictionary<AppraisalGrade, int>)t.Counts));
        var result = await paper.Handle(id, input, Scope, DateTime.UtcNow, ct);
        return await AfterActionAsync(result.Error, L["已录入 {0} 张纸质票", result.Value].Value, new { id }, () => ShowAsync(id, ct));
    }

    public async Task<IActionResult> OnPostDecideAsync(long id, bool finalise, CancellationToken ct)
    {
        var input = Decisions.ToDictionary(d => d.PersonId, d => new DecideGrades.Decision(d.Grade, d.Note));
        var result = await decide.Handle(id, input, finalise, Scope, User.Identity!.Name!, DateTime.UtcNow, ct);
        return await AfterActionAsync(result.Error, finalise ? "评议结果已确定" : "评定已保存", new { id }, () => ShowAsync(id, ct));
    }

    public async Task<IActionResult> OnGetXlsxAsync(long id, CancellationToken ct)
    {
        if (await get.Handle(id, Scope, ct) is not { } view) return NotFound();
        // While voting is open the export, like the page, carries no tallies.
        var grades = view.TalliesShown ? AppraisalRules.Grades : [];
        string[] headers = [L["姓名"], L["身份"], L["自我评价"], L["是否投票"], .. grades.Select(g => L["互评：{0}", L[g.Name()]].Value), L["年度积分"], L["评定等次"], L["说明"]];
        return await XlsxAsync($"{view.Round.Year}年度民主评议", $"民主评议-{view.OrgName}-{view.Round.Year}.xlsx", headers,
            view.Members.Select(m => Line(m, grades)), ct);
    }

    IReadOnlyList<string?> Line(GetRound.Member m, IReadOnlyList<AppraisalGrade> grades) =>
        [m.Name, L[m.IsProbationary ? "预备党员" : "正式党员"], m.SelfAssessment, L[m.Voted ? "是" : "否"],
            .. grades.Select(g => m.Tally[g].ToString()), m.Points.ToString(),
            m.IsProbationary ? L["不评定等次"] : m.Grade is { } g ? L[g.Name()] : "", m.GradeNote];

    async Task<IActionResult> ShowAsync(long id, CancellationToken ct)
    {
        if (await get.Handle(id, Scope, ct) is not { } view) return NotFound();
        View = view;
        return Page();
    }

    public (AppraisalGrade? Grade, string? Note) Shown(GetRound.Member m) =>
        Decisions.FirstOrDefault(d => d.PersonId == m.PersonId) is { } posted ? (posted.Grade, posted.Note) : (m.Grade, m.GradeNote);
}
