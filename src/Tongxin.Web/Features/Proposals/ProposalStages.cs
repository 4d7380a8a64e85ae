namespace Tongxin.Web.Features.Proposals;

/// <summary>提案办理漏斗: the stages a proposal has reached, by its status; the dashboard counts and the list filter share them.</summary>
public enum ProposalStage { Submitted, Registered, Assigned, Answered, Rated }

public static class ProposalStages
{
    public static IReadOnlyList<ProposalStatus> Statuses(ProposalStage stage) => stage switch
    {
        ProposalStage.Submitted => Enum.GetValues<ProposalStatus>().Where(s => s != ProposalStatus.Draft).ToList(),
        ProposalStage.Registered => ProposalFlow.Registered,
        ProposalStage.Assigned => [ProposalStatus.Assigned, ProposalStatus.Replied, ProposalStatus.Rated, ProposalStatus.Closed],
        ProposalStage.Answered => [ProposalStatus.Replied, ProposalStatus.Rated, ProposalStatus.Closed],
        _ => [ProposalStatus.Rated, ProposalStatus.Closed],
    };

    public static string Name(ProposalStage stage) => stage switch
    {
        ProposalStage.Submitted => "已提交", ProposalStage.Registered => "已立案", ProposalStage.Assigned => "已交办",
        ProposalStage.Answered => "已答复", _ => "已评价",
    };
}
