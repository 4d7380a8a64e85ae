using Tongxin.Web.Features.Organizations;

namespace Tongxin.Tests.Unit;

public class OrgTreeTests
{
    [Theory]
    [InlineData("/1/4/", "/1/4/")]      // onto itself
    [InlineData("/1/4/", "/1/4/9/")]    // into its child
    [InlineData("/1/4/", "/1/4/9/12/")] // into a grandchild
    public void CheckMove_IntoOwnSubtree_IsRefused(string node, string target) => Assert.NotNull(OrgTree.CheckMove(node, target));

    [Theory]
    [InlineData("/1/4/", "/1/5/")]
    [InlineData("/1/4/", "/1/")]
    [InlineData("/1/4/", "/1/44/")] // a sibling whose id starts with the same digits is not a descendant
    public void CheckMove_Elsewhere_IsAllowed(string node, string target) => Assert.Null(OrgTree.CheckMove(node, target));

    [Fact]
    public void Rebase_MovesDescendantPaths() => Assert.Equal("/1/5/4/9/", OrgTree.Rebase("/1/4/9/", "/1/4/", "/1/5/4/"));

    [Fact]
    public void DepthAndAncestors_FollowThePath()
    {
        Assert.Equal(0, OrgTree.DepthOf("/1/"));
        Assert.Equal(2, OrgTree.DepthOf("/1/4/9/"));
        Assert.Equal([1L, 4L, 9L], OrgTree.AncestorIds("/1/4/9/"));
    }

    [Fact]
    public void BranchHealth_FlagsSmallBranchesMissingCommitteesAndDueElections()
    {
        var today = new DateOnly(2026, 11, 22);
        Assert.Contains(BranchHealth.Flags(2, false, null, today), f => f.Text.Contains("不足3人"));
        Assert.Contains(BranchHealth.Flags(8, false, null, today), f => f.Text.Contains("应设立支部委员会"));
        Assert.Empty(BranchHealth.Flags(8, true, new DateOnly(2028, 1, 1), today));
        Assert.Empty(BranchHealth.Flags(3, false, null, today));
        Assert.Contains(BranchHealth.Flags(5, false, new DateOnly(2027, 1, 10), today), f => f.Text.Contains("请准备换届"));
        Assert.Contains(BranchHealth.Flags(5, false, new DateOnly(2026, 6, 1), today), f => f.Text.Contains("应换届"));
    }
}
