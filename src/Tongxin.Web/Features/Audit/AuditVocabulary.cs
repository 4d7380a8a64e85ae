namespace Tongxin.Web.Features.Audit;

/// <summary>
/// The audit log in the words of its readers: Chinese names for record types, actions and fields. Every entity and
/// property of the model has one (a test holds this), so a new field cannot reach the log unnamed.
/// </summary>
public static class AuditVocabulary
{
    public static readonly IReadOnlyDictionary<string, string> Actions = new Dictionary<string, string>
    {
        ["Create"] = "新增", ["Update"] = "修改", ["Delete"] = "删除",
    };

    public static readonly IReadOnlyDictionary<string, string> Types = new Dictionary<string, string>
    {
        ["Organization"] = "组织", ["CommitteeMember"] = "支委会成员", ["Person"] = "人员", ["DualLife"] = "双重组织生活",
        ["PersonDuplicate"] = "疑似重复人员", ["RoleAssignment"] = "角色授权", ["NumberSequence"] = "编号序列", ["FormSubmission"] = "表单提交",
        ["Notice"] = "站内通知", ["FeedbackItem"] = "投诉建议", ["JobRun"] = "定时任务", ["SignInThrottle"] = "登录限制",
        ["Activity"] = "组织生活活动", ["Attendee"] = "参加人员", ["FrequencyRule"] = "频次要求", ["Alert"] = "提醒",
        ["PointRuleSet"] = "积分规则", ["PointRuleItem"] = "积分规则条目", ["PointEntry"] = "积分记录", ["PointProposal"] = "积分申请",
        ["StarTemplate"] = "争星评分细则", ["StarTemplateItem"] = "争星评分条目", ["StarRating"] = "支部争星评定", ["StarScore"] = "争星得分",
        ["AppraisalRound"] = "民主评议", ["AppraisalParticipant"] = "民主评议参加人", ["AppraisalBallot"] = "民主评议选票",
        ["Proposal"] = "提案", ["ProposalSigner"] = "提案联名人", ["ProposalUnit"] = "提案承办单位", ["OpinionReport"] = "社情民意",
        ["LiaisonPair"] = "联系委员", ["LiaisonContact"] = "联系记录", ["DutyTarget"] = "五个一目标", ["DutyScheme"] = "履职评价方案",
        ["AppUser"] = "账号", ["IdentityUserClaim`1"] = "账号声明", ["IdentityUserLogin`1"] = "外部登录", ["IdentityUserToken`1"] = "账号令牌",
        ["IdentityUserRole`1"] = "账号角色", ["IdentityRole"] = "角色", ["IdentityRoleClaim`1"] = "角色声明",
        ["AuditLogAccess"] = "查阅审计日志", ["ActivityAttachment"] = "活动附件", ["DutySchemeItem"] = "履职评价方案条目",
    };

    /// <summary>Field names shared by many records; <see cref="ByType"/> names those that mean something else in one.</summary>
    static readonly Dictionary<string, string> Common = new()
    {
        ["Id"] = "编号", ["TenantId"] = "所属单位", ["OrgId"] = "组织", ["PersonId"] = "人员", ["UserId"] = "账号", ["UserName"] = "用户名",
        ["Name"] = "名称", ["Type"] = "类型", ["Status"] = "状态", ["Year"] = "年度", ["Kind"] = "类别", ["Key"] = "键",
        ["CreatedAt"] = "创建时间", ["CreatedBy"] = "创建人", ["ChangedAt"] = "修改时间", ["ChangedBy"] = "修改人", ["ClosedAt"] = "关闭时间",
        ["Version"] = "版本", ["Note"] = "备注", ["Reason"] = "理由", ["Title"] = "标题", ["Content"] = "内容", ["Text"] = "内容", ["Url"] = "链接",
        ["Message"] = "内容", ["Order"] = "顺序", ["Points"] = "分值", ["Category"] = "类别", ["Code"] = "代码", ["At"] = "时间",
        ["StartsAt"] = "开始时间", ["EndsAt"] = "结束时间", ["StartDate"] = "开始日期", ["EndDate"] = "结束日期", ["EffectiveFrom"] = "生效日期",
        ["ReadAt"] = "阅读时间", ["Role"] = "角色", ["Post"] = "职务", ["Sector"] = "界别", ["Deadline"] = "办理期限",
        ["SubmittedAt"] = "提交时间", ["ReviewedAt"] = "评定时间", ["ReviewedBy"] = "评定人", ["Comment"] = "意见", ["Item"] = "项目",
        ["ParentId"] = "上级组织", ["Path"] = "组织路径", ["Value"] = "值", ["Period"] = "周期", ["MinCount"] = "最少次数",
        ["Subject"] = "标题", ["Body"] = "内容", ["Answer"] = "答复", ["AnsweredBy"] = "答复人", ["AnsweredAt"] = "答复时间",
        ["EntityId"] = "记录", ["Filter"] = "查询条件", ["Action"] = "操作",
        ["CancelledAt"] = "取消时间", ["CancelReason"] = "取消原因", ["ChangeNote"] = "变更说明", ["Decisions"] = "决议", ["HostPersonId"] = "主持人",
        ["Minutes"] = "会议纪要", ["Place"] = "地点", ["QuorumMet"] = "到会人数是否过半", ["RecordedAt"] = "纪实时间", ["SignInSecret"] = "签到密钥",
        ["Topic"] = "主题", ["ActivityId"] = "活动", ["ContentType"] = "文件类型", ["FileName"] = "文件名", ["Size"] = "大小", ["StoredKey"] = "存储位置",
        ["UploadedAt"] = "上传时间", ["UploadedBy"] = "上传人", ["Grade"] = "等次", ["RoundId"] = "评议", ["SubjectId"] = "被评议人",
        ["GradeNote"] = "等次说明", ["IsProbationary"] = "预备党员", ["PointsTotal"] = "积分", ["SelfAssessedAt"] = "自评时间", ["SelfAssessment"] = "自我评价",
        ["VotedAt"] = "投票时间", ["VotedOnPaper"] = "纸质投票", ["BoxVersion"] = "票箱版本", ["FinalisedAt"] = "确定时间", ["FinalisedBy"] = "确定人",
        ["OpenedAt"] = "开始时间", ["OpenedBy"] = "发起人", ["SealedBox"] = "密封票箱",
        ["AccessFailedCount"] = "登录失败次数", ["ConcurrencyStamp"] = "并发标记", ["DisplayName"] = "显示名称", ["Email"] = "电子邮箱",
        ["EmailConfirmed"] = "邮箱已确认", ["LockoutEnabled"] = "允许锁定", ["LockoutEnd"] = "锁定至", ["MustChangePassword"] = "须修改密码",
        ["NormalizedEmail"] = "电子邮箱（规范化）", ["NormalizedUserName"] = "用户名（规范化）", ["PasswordHash"] = "密码", ["PhoneNumber"] = "手机号",
        ["PhoneNumberConfirmed"] = "手机号已确认", ["SecurityStamp"] = "安全标记", ["TwoFactorEnabled"] = "双因素认证",
        ["Leave"] = "请假", ["LeaveDecidedBy"] = "请假审批人", ["LeaveReason"] = "请假事由", ["ManualReason"] = "补签原因", ["Method"] = "签到方式",
        ["SignedInAt"] = "签到时间", ["Base"] = "基础分", ["CompetentAt"] = "称职线", ["ExcellentAt"] = "优秀线", ["MaxBonus"] = "加分上限",
        ["Cap"] = "上限", ["Fact"] = "履职事项", ["FreeCount"] = "不计分次数", ["SchemeId"] = "方案",
        ["ClaimType"] = "声明类型", ["ClaimValue"] = "声明值", ["LoginProvider"] = "登录方式", ["ProviderDisplayName"] = "登录方式名称", ["ProviderKey"] = "登录标识",
        ["Failed"] = "失败", ["FinishedAt"] = "结束时间", ["Job"] = "任务", ["Node"] = "节点", ["ScheduledFor"] = "计划时间", ["StartedAt"] = "开始时间",
        ["On"] = "日期", ["PairId"] = "联系关系", ["RecordedBy"] = "记录人", ["Way"] = "联系方式", ["From"] = "起始日期", ["Until"] = "截止日期",
        ["OtherPersonId"] = "党外委员", ["PartyPersonId"] = "中共党员", ["Last"] = "最后编号",
        ["AuthorPersonId"] = "报送人", ["DecidedBy"] = "处理人", ["DecidedOn"] = "处理日期", ["DecidedAt"] = "审核时间", ["DecisionNote"] = "处理意见",
        ["EditedAt"] = "编辑时间", ["EditedBy"] = "编辑人", ["ForwardedOn"] = "报送日期", ["ForwardedTo"] = "报送层级", ["InstructedBy"] = "批示领导",
        ["InstructedOn"] = "批示日期", ["Instruction"] = "批示内容", ["SourceProposalId"] = "来源提案",
        ["Depth"] = "层级", ["SortOrder"] = "排序", ["TermStart"] = "本届开始日期",
        ["Affiliation"] = "党派", ["BirthDate"] = "出生日期", ["FullDate"] = "转正日期", ["Gender"] = "性别", ["IdNumber"] = "身份证号",
        ["IsCppccMember"] = "政协委员", ["IsRetired"] = "离退休", ["IsStaff"] = "机关工作人员", ["IsStandingCommittee"] = "常委",
        ["IsYoungCadre"] = "年轻干部", ["JoinedDate"] = "入党日期", ["NameInitials"] = "拼音首字母", ["PartyGroupId"] = "党小组",
        ["PartyStatus"] = "党员身份", ["Phone"] = "联系电话", ["SpecialCommittee"] = "专委会", ["StaffPost"] = "职务",
        ["FoundAt"] = "发现时间", ["KeptPersonId"] = "保留人员",
        ["ApprovedBy"] = "审核人", ["AwardedBy"] = "记分人", ["CapNote"] = "封顶说明", ["Reverses"] = "冲正记录", ["RuleCode"] = "规则代码",
        ["RuleItemId"] = "规则条目", ["RuleVersion"] = "规则版本", ["SourceKey"] = "来源", ["Evidence"] = "依据", ["ProposedAt"] = "申请时间",
        ["ProposedBy"] = "申请人", ["Active"] = "启用", ["ActivityType"] = "活动类型", ["CapPeriod"] = "封顶周期", ["NeedsApproval"] = "须审核",
        ["Proposer"] = "申请人角色", ["RuleSetId"] = "规则", ["Trigger"] = "记分事项", ["Floor"] = "最低分", ["LockedAt"] = "锁定时间", ["LockedBy"] = "锁定人",
        ["AssignedOn"] = "交办日期", ["Extended"] = "已延期", ["ExtensionReason"] = "延期理由", ["HandlingRating"] = "办理过程评价",
        ["IsExcellent"] = "优秀提案", ["IsKey"] = "重点提案", ["LeadPersonId"] = "第一提案人", ["MergedIntoId"] = "并入提案", ["Number"] = "案号",
        ["Outcome"] = "办理结果类别", ["Overseer"] = "督办领导", ["RatedAt"] = "评价时间", ["RatingNote"] = "评价意见", ["RepliedBy"] = "答复人",
        ["RepliedOn"] = "答复日期", ["ReplyText"] = "答复内容", ["ResultRating"] = "办理结果评价", ["ReviewNote"] = "审查意见", ["SentBack"] = "已退回重办",
        ["ConfirmedAt"] = "确认时间", ["ProposalId"] = "提案", ["IsLead"] = "主办", ["Failures"] = "失败次数", ["WindowStart"] = "计数开始",
        ["ReviewStars"] = "评定星级", ["ReviewTotal"] = "评定得分", ["SelfStars"] = "自评星级", ["SelfTotal"] = "自评得分", ["SubmittedBy"] = "提交人",
        ["Basis"] = "自评依据", ["ItemCode"] = "条目代码", ["RatingId"] = "评定", ["ReviewScore"] = "评定分", ["SelfScore"] = "自评分",
        ["BottomBandBranches"] = "末档支部数", ["FiveAt"] = "五星线", ["FourAt"] = "四星线", ["ThreeAt"] = "三星线", ["TwoAt"] = "二星线",
        ["Group"] = "分组", ["IsInnovation"] = "创新项", ["MaxScore"] = "满分", ["Source"] = "数据来源", ["Target"] = "要求", ["TemplateId"] = "评分细则",
    };

    static readonly Dictionary<string, string> ByType = new()
    {
        ["Person.Name"] = "姓名", ["Organization.Name"] = "组织名称", ["AppUser.UserName"] = "用户名",
        ["AppraisalParticipant.Grade"] = "评定等次", ["StarScore.ReviewNote"] = "评定意见", ["StarRating.ReviewNote"] = "评定意见",
        ["Proposal.ReviewNote"] = "审查意见", ["Proposal.ReviewedAt"] = "审查时间", ["Proposal.ReviewedBy"] = "审查人", ["JobRun.Failed"] = "是否失败",
    };

    public static string Type(string clrName) => Types.GetValueOrDefault(clrName, clrName);

    public static string Action(string action) => Actions.GetValueOrDefault(action, action);

    public static string? FieldOrNull(string type, string field) =>
        ByType.TryGetValue($"{type}.{field}", out var own) ? own : Common.GetValueOrDefault(field);

    public static string Field(string type, string field) => FieldOrNull(type, field) ?? field;
}
