using Tongxin.Web.Shared;

namespace Tongxin.Web.Features.Proposals;

public enum ProposalStatus
{
    Draft, Submitted,
    /// <summary>立案.</summary>
    Registered,
    /// <summary>不立案, with a reason.</summary>
    Refused,
    /// <summary>并案: merged into another proposal.</summary>
    Merged,
    /// <summary>转为社情民意.</summary>
    Converted,
    /// <summary>交办: with a lead unit, co-units and a deadline.</summary>
    Assigned,
    /// <summary>办复: the lead unit answered with an outcome class.</summary>
    Replied,
    /// <summary>The proposer rated the handling and the result.</summary>
    Rated,
    Closed,
}

public enum ProposalAction { Submit, Register, Refuse, Merge, Convert, Assign, Extend, Reply, Rate, SendBack, Close }

/// <summary>A: 已解决; B: 正在解决; C: 列入计划/暂缓; D: 留作参考.</summary>
public enum OutcomeClass { A, B, C, D }

public enum Satisfaction { Satisfied, BasicallySatisfied, Dissatisfied }

/// <summary>What the rules need to know besides the status.</summary>
public sealed record ProposalFacts(bool Extended = false, bool SentBack = false, Satisfaction? Handling = null, Satisfaction? Result = null);

/// <summary>
/// The proposal's path (domain.md §6): draft → submitted → 立案 (or 不立案, 并案, 转社情民意) → 交办 → 办复 → rated → closed;
/// a deadline may be extended once; a 不满意 rating may send it back for re-handling once. Pure.
/// </summary>
public static class ProposalFlow
{
    public const int DeadlineMonths = 3, LongestDeadlineMonths = 6;

    /// <summary>立案 and every step after it: what counts as a registered proposal in rates, 五个一 and the 履职档案.</summary>
    public static readonly ProposalStatus[] Registered =
        [ProposalStatus.Registered, ProposalStatus.Assigned, ProposalStatus.Replied, ProposalStatus.Rated, ProposalStatus.Closed];

    public static Result<ProposalStatus> Next(ProposalStatus status, ProposalAction action, ProposalFacts facts) => (status, action) switch
    {
        (ProposalStatus.Draft, ProposalAction.Submit) => ProposalStatus.Submitted,
        (ProposalStatus.Submitted, ProposalAction.Register) => ProposalStatus.Registered,
        (ProposalStatus.Submitted, ProposalAction.Refuse) => ProposalStatus.Refused,
        (ProposalStatus.Submitted, ProposalAction.Merge) => ProposalStatus.Merged,
        (ProposalStatus.Submitted, ProposalAction.Convert) => ProposalStatus.Converted,
        (ProposalStatus.Registered, ProposalAction.Assign) => ProposalStatus.Assigned,
        (ProposalStatus.Assigned, ProposalAction.Extend) => facts.Extended ? Error.Conflict("办理期限只能延长一次") : ProposalStatus.Assigned,
        (ProposalStatus.Assigned, ProposalAction.Reply) => ProposalStatus.Replied,
        (ProposalStatus.Replied, ProposalAction.Rate) => ProposalStatus.Rated,
        (ProposalStatus.Rated, ProposalAction.SendBack) => facts.SentBack ? Error.Conflict("提案只能退回重新办理一次")
            : facts.Handling == Satisfaction.Dissatisfied || facts.Result == Satisfaction.Dissatisfied ? ProposalStatus.Assigned
            : Error.Conflict("只有评价为不满意的提案可以退回重新办理"),
        (ProposalStatus.Rated, ProposalAction.Close) => ProposalStatus.Closed,
        _ => Error.Conflict(Refusal(status, action)),
    };

    /// <summary>Why an action does not apply in a status, in the words an office clerk would use.</summary>
    static string Refusal(ProposalStatus status, ProposalAction action) => action switch
    {
        ProposalAction.Submit => "只有草稿可以提交",
        ProposalAction.Register or ProposalAction.Refuse or ProposalAction.Merge or ProposalAction.Convert => "只有已提交、待审查的提案可以审查",
        ProposalAction.Assign => "只有已立案的提案可以交办",
        ProposalAction.Extend => "只有办理中的提案可以延期",
        ProposalAction.Reply => "只有已交办、办理中的提案可以答复",
        ProposalAction.Rate => "只有已答复的提案可以评价",
        ProposalAction.SendBack => "只有已评价的提案可以退回重新办理",
        _ => status is ProposalStatus.Closed ? "提案已办结" : "只有已评价的提案可以办结",
    };

    public static DateOnly DefaultDeadline(DateOnly assignedOn) => assignedOn.AddMonths(DeadlineMonths);

    public static DateOnly LongestDeadline(DateOnly assignedOn) => assignedOn.AddMonths(LongestDeadlineMonths);

    /// <summary>A deadline may move once, later than the current one and no later than six months after 交办.</summary>
    public static string? CheckExtension(DateOnly assignedOn, DateOnly current, DateOnly wanted, string? reason) =>
        string.IsNullOrWhiteSpace(reason) ? "延期须说明理由"
        : wanted <= current ? "新的办理期限须晚于原期限"
        : wanted > LongestDeadline(assignedOn) ? "办理期限最长为交办后6个月"
        : null;
}
