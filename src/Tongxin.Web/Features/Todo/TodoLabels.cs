namespace Tongxin.Web.Features.Todo;

public static class TodoLabels
{
    public static string Name(this GetTodo.Kind kind) => kind switch
    {
        GetTodo.Kind.Leave => "请假待审批",
        GetTodo.Kind.PointsApproval => "积分待审核",
        GetTodo.Kind.StarsReview => "争星自评待审核",
        GetTodo.Kind.Cosign => "提案待确认联名",
        GetTodo.Kind.ProposalReview => "提案待审查",
        GetTodo.Kind.ProposalAnswer => "提案待办复",
        GetTodo.Kind.ProposalRating => "提案答复待评价",
        GetTodo.Kind.Opinion => "社情民意待处理",
        GetTodo.Kind.Ballot => "民主评议待投票",
        GetTodo.Kind.Unrecorded => "活动已结束待记录",
        GetTodo.Kind.FiveOne => "“五个一”未完成事项",
        _ => "预警提醒",
    };
}
