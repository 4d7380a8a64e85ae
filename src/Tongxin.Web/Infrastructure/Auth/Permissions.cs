namespace Tongxin.Web.Infrastructure.Auth;

/// <summary>One permission per action; roles are sets of them, held within an organisation subtree.</summary>
public static class Permissions
{
    public static class Orgs
    {
        public const string View = "orgs.view";
        public const string Edit = "orgs.edit";
    }

    public static class People
    {
        public const string View = "people.view";
        public const string Edit = "people.edit";
        public const string ViewIdNumber = "people.view-id-number";
        public const string Import = "people.import";
        public const string Export = "people.export";
    }

    public static class OrgLife
    {
        public const string View = "orglife.view";
        public const string Plan = "orglife.plan";
        public const string Rules = "orglife.rules";
    }

    public static class Points
    {
        /// <summary>See the points of the people in the subtree.</summary>
        public const string View = "points.view";
        /// <summary>Propose, and approve others' proposals of, manual awards and deductions.</summary>
        public const string Award = "points.award";
        /// <summary>Propose manual awards and deductions (a 党小组组长 for their group); approving needs <see cref="Award"/>.</summary>
        public const string Propose = "points.propose";
        /// <summary>Keep the unit's point rules: adopt a year, change items, lock.</summary>
        public const string Rules = "points.rules";
    }

    public static class Stars
    {
        /// <summary>See the branches' 争星 ratings in the subtree.</summary>
        public const string View = "stars.view";
        /// <summary>Fill in and submit the branch's self-assessment.</summary>
        public const string Assess = "stars.assess";
        /// <summary>Review submitted self-assessments and keep the yearly checklist.</summary>
        public const string Review = "stars.review";
    }

    public static class Appraisal
    {
        /// <summary>Run the branch's 民主评议党员: open the round, see the tallies, record the decisions.</summary>
        public const string Manage = "appraisal.manage";
    }

    public static class Proposals
    {
        /// <summary>The 提案 office: review, register, assign, extend, close; every proposal of the unit; the rates.</summary>
        public const string Review = "proposals.review";
        /// <summary>A handling unit: the proposals assigned to it, and its reply. Nothing else.</summary>
        public const string Handle = "proposals.handle";
        /// <summary>Read the unit's proposals and rates.</summary>
        public const string View = "proposals.view";
    }

    public static class Opinions
    {
        /// <summary>Edit, adopt, forward and record instructions on 社情民意; the counts.</summary>
        public const string Manage = "opinions.manage";
        /// <summary>Read the unit's 社情民意 and counts.</summary>
        public const string View = "opinions.view";
    }

    public static class Liaison
    {
        /// <summary>Set up and end liaison pairs; see every pair's contacts and counts.</summary>
        public const string Manage = "liaison.manage";
    }

    public static class Duty
    {
        /// <summary>A 界别召集人: the 五个一 of the members of their own 界别 (the 界别 on their person record).</summary>
        public const string Sector = "duty.sector";
    }

    public static class Users
    {
        public const string Manage = "users.manage";
    }

    public static class Security
    {
        /// <summary>安全管理员: links accounts to people and makes the grants that read ID numbers or reach a whole unit.</summary>
        public const string Manage = "security.manage";
    }

    public static class Feedback
    {
        /// <summary>Reads and answers the 投诉建议 about the system sent by the unit's users.</summary>
        public const string Manage = "feedback.manage";
    }

    public static class Audit
    {
        public const string View = "audit.view";
    }
}

public static class Roles
{
    public const string SystemAdmin = "SystemAdmin";
    public const string PartyAdmin = "PartyAdmin";
    public const string BranchSecretary = "BranchSecretary";
    public const string Member = "Member";
    public const string Leader = "Leader";
    public const string Auditor = "Auditor";
    public const string GroupLeader = "GroupLeader";
    public const string ProposalOffice = "ProposalOffice";
    public const string HandlingUnit = "HandlingUnit";
    public const string MemberAffairs = "MemberAffairs";
    public const string SectorConvener = "SectorConvener";
    public const string SecurityAdmin = "SecurityAdmin";

    public static readonly IReadOnlyDictionary<string, string> Names = new Dictionary<string, string>
    {
        [SystemAdmin] = "系统管理员", [PartyAdmin] = "党务管理员", [BranchSecretary] = "支部书记",
        [Member] = "党员", [Leader] = "领导", [Auditor] = "审计管理员", [GroupLeader] = "党小组组长",
        [ProposalOffice] = "提案工作人员", [HandlingUnit] = "承办单位", [MemberAffairs] = "委员工作人员",
        [SectorConvener] = "界别召集人", [SecurityAdmin] = "安全管理员",
    };

    /// <summary>Roles that may be granted in the UI; SystemAdmin, SecurityAdmin and Auditor are set up by deployment.</summary>
    public static readonly string[] Grantable = [PartyAdmin, BranchSecretary, GroupLeader, Member, Leader, ProposalOffice, HandlingUnit, MemberAffairs, SectorConvener];

    // 三员分立: the system administrator runs the system but does not read ID numbers or the audit log, and cannot
    // make an account that could; the security administrator links accounts to people and makes those grants
    // (SensitiveGrant); the auditor reads the audit log and nothing else.
    public static readonly IReadOnlyDictionary<string, string[]> Grants = new Dictionary<string, string[]>
    {
        // Reads the roster masked (to open accounts) but does not enter people: any form that writes ID numbers says
        // whether a number is registered, which with the masked digits and the birth date recovers the number.
        [SystemAdmin] = [Permissions.Orgs.View, Permissions.Orgs.Edit, Permissions.People.View, Permissions.Users.Manage,
            Permissions.OrgLife.View, Permissions.OrgLife.Rules, Permissions.Feedback.Manage],
        [PartyAdmin] = [Permissions.Orgs.View, Permissions.Orgs.Edit, Permissions.People.View,
            Permissions.People.Edit, Permissions.People.ViewIdNumber, Permissions.People.Import, Permissions.People.Export,
            Permissions.OrgLife.View, Permissions.OrgLife.Plan, Permissions.OrgLife.Rules, Permissions.Points.View, Permissions.Points.Award, Permissions.Points.Propose, Permissions.Points.Rules,
            Permissions.Stars.View, Permissions.Stars.Assess, Permissions.Stars.Review, Permissions.Appraisal.Manage, Permissions.Liaison.Manage],
        [BranchSecretary] = [Permissions.Orgs.View, Permissions.People.View, Permissions.People.Edit,
            Permissions.People.ViewIdNumber, Permissions.People.Export, Permissions.OrgLife.View, Permissions.OrgLife.Plan,
            Permissions.Points.View, Permissions.Points.Award, Permissions.Points.Propose, Permissions.Stars.View, Permissions.Stars.Assess, Permissions.Appraisal.Manage],
        // A 党小组组长, granted on the group: sees its organisational life and proposes points for its members.
        [GroupLeader] = [Permissions.Orgs.View, Permissions.OrgLife.View, Permissions.Points.Propose],
        [Leader] = [Permissions.Orgs.View, Permissions.People.View, Permissions.People.Export, Permissions.OrgLife.View, Permissions.Points.View, Permissions.Stars.View,
            Permissions.Proposals.View, Permissions.Opinions.View],
        [ProposalOffice] = [Permissions.Orgs.View, Permissions.Proposals.Review, Permissions.Proposals.View, Permissions.Opinions.Manage, Permissions.Opinions.View, Permissions.Liaison.Manage],
        // A handling unit's user sees the proposals assigned to the unit and nothing else: no people, no other proposals.
        [HandlingUnit] = [Permissions.Proposals.Handle],
        // Granted on the 政协委员 body: plans and records the members' duty activities (全体会议, 调研视察…) with the
        // organisational-life engine (sign-in, leave, records), and nothing of the party branches.
        [MemberAffairs] = [Permissions.OrgLife.View, Permissions.OrgLife.Plan],
        // A CPPCC member who convenes a 界别: follows the 五个一 of that 界别's members; nothing of the party side.
        [SectorConvener] = [Permissions.Duty.Sector],
        // A member's reach is their own record only; see AccessScope.
        [Member] = [],
        [Auditor] = [Permissions.Audit.View],
        [SecurityAdmin] = [Permissions.Users.Manage, Permissions.Security.Manage],
    };

    /// <summary>A grant only the security administrator makes: one that reads ID numbers, or one over a whole unit.</summary>
    public static bool IsSensitive(string role, long orgId, long tenantId) =>
        Grants[role].Contains(Permissions.People.ViewIdNumber) || orgId == tenantId;
}
