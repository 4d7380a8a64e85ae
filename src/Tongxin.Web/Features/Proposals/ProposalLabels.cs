namespace Tongxin.Web.Features.Proposals;

/// <summary>Chinese names of the proposal's states and classes; pages pass them through the localiser.</summary>
public static class ProposalLabels
{
    public static string Name(this ProposalStatus s) => s switch
    {
        ProposalStatus.Draft => "草稿", ProposalStatus.Submitted => "待审查", ProposalStatus.Registered => "已立案",
        ProposalStatus.Refused => "不立案", ProposalStatus.Merged => "已并案", ProposalStatus.Converted => "转社情民意",
        ProposalStatus.Assigned => "办理中", ProposalStatus.Replied => "已答复", ProposalStatus.Rated => "已评价", _ => "已办结",
    };

    public static string Name(this OutcomeClass c) => c switch
    {
        OutcomeClass.A => "A类（已解决或基本解决）", OutcomeClass.B => "B类（正在解决或列入计划）",
        OutcomeClass.C => "C类（因条件限制暂缓解决）", _ => "D类（留作参考）",
    };

    public static string Name(this Satisfaction s) => s switch
    {
        Satisfaction.Satisfied => "满意", Satisfaction.BasicallySatisfied => "基本满意", _ => "不满意",
    };
}
