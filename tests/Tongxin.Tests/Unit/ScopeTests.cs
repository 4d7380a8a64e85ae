using Tongxin.Web.Infrastructure.Auth;

namespace Tongxin.Tests.Unit;

public class ScopeTests
{
    static Scope With(params Grant[] grants) => new("u", 42, grants);

    [Fact]
    public void Secretary_CanSeeOwnBranchSubtree_NotASibling()
    {
        var s = With(new Grant(Roles.BranchSecretary, 6, "/1/5/6/", 1));
        Assert.True(s.Can(Permissions.People.View, "/1/5/6/"));
        Assert.True(s.Can(Permissions.People.View, "/1/5/6/7/"));
        Assert.False(s.Can(Permissions.People.View, "/1/5/8/"));
        Assert.False(s.Can(Permissions.People.View, "/1/5/"));
        Assert.False(s.Can(Permissions.Orgs.Edit, "/1/5/6/"));
    }

    [Fact]
    public void Leader_ReadsTheSubtree_ButCannotEdit()
    {
        var s = With(new Grant(Roles.Leader, 1, "/1/", 1));
        Assert.True(s.Can(Permissions.People.View, "/1/5/6/"));
        Assert.False(s.Can(Permissions.People.Edit, "/1/5/6/"));
        Assert.False(s.Can(Permissions.People.ViewIdNumber, "/1/5/6/"));
    }

    [Fact]
    public void Auditor_ReadsOnlyTheAuditLog()
    {
        var s = With(new Grant(Roles.Auditor, 1, "/1/", 1));
        Assert.True(s.CanAnywhere(Permissions.Audit.View));
        Assert.False(s.CanAnywhere(Permissions.Orgs.View));
        Assert.False(s.CanAnywhere(Permissions.People.View));
    }

    [Fact]
    public void SystemAdmin_DoesNotReadAuditOrIdNumbers()
    {
        var s = With(new Grant(Roles.SystemAdmin, 1, "/1/", 1));
        Assert.True(s.Can(Permissions.Orgs.Edit, "/1/5/"));
        Assert.False(s.CanAnywhere(Permissions.Audit.View));
        Assert.False(s.CanAnywhere(Permissions.People.ViewIdNumber));
    }

    [Fact]
    public void Member_SeesOnlyTheirOwnRecord()
    {
        var s = With(new Grant(Roles.Member, 6, "/1/5/6/", 1));
        Assert.False(s.CanAnywhere(Permissions.People.View));
        Assert.True(s.CanSeePerson(42, "/1/5/6/"));
        Assert.False(s.CanSeePerson(43, "/1/5/6/"));
    }

    [Fact]
    public void PrefixOfAnotherId_IsNotInSubtree()
    {
        var s = With(new Grant(Roles.PartyAdmin, 5, "/1/5/", 1));
        Assert.False(s.Can(Permissions.People.View, "/1/55/"));
    }

    [Fact]
    public void PasswordPolicy_NeedsEightCharactersFromThreeClasses()
    {
        Assert.True(ThreeClassesPasswordValidator.IsStrong("Abcdefg1"));
        Assert.True(ThreeClassesPasswordValidator.IsStrong("abcdef1!"));
        Assert.False(ThreeClassesPasswordValidator.IsStrong("abcdefg1"));
        Assert.False(ThreeClassesPasswordValidator.IsStrong("Ab1!"));
    }

    [Fact]
    public void MemberAffairsStaff_SeeOnlyDutyActivities_UntilAnotherRoleOpensTheBranches()
    {
        var staff = With(new Grant(Roles.ProposalOffice, 1, "/1/", 1), new Grant(Roles.MemberAffairs, 20, "/1/20/", 1));
        Assert.True(staff.SeesOnlyDutyActivities);
        Assert.False(With(new Grant(Roles.MemberAffairs, 20, "/1/20/", 1), new Grant(Roles.BranchSecretary, 6, "/1/5/6/", 1)).SeesOnlyDutyActivities);
        Assert.False(With(new Grant(Roles.ProposalOffice, 1, "/1/", 1)).SeesOnlyDutyActivities); // no organisational life at all
    }
}
