using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Web.Features.Organizations;

public enum CommitteePost { Secretary, DeputySecretary, OrganizationMember, PublicityMember, DisciplineMember, Member }

public static class CommitteePosts
{
    public static readonly IReadOnlyDictionary<CommitteePost, string> Names = new Dictionary<CommitteePost, string>
    {
        [CommitteePost.Secretary] = "书记", [CommitteePost.DeputySecretary] = "副书记",
        [CommitteePost.OrganizationMember] = "组织委员", [CommitteePost.PublicityMember] = "宣传委员",
        [CommitteePost.DisciplineMember] = "纪检委员", [CommitteePost.Member] = "委员",
    };
}

/// <summary>A seat on a branch's committee (or the lone secretary of a small branch).</summary>
public class CommitteeMember
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long OrgId { get; set; }
    public long PersonId { get; set; }
    public CommitteePost Post { get; set; }
}

public class CommitteeMemberConfiguration : IEntityTypeConfiguration<CommitteeMember>
{
    public void Configure(EntityTypeBuilder<CommitteeMember> b)
    {
        b.ToTable("CommitteeMembers");
        b.Property(c => c.Post).HasConversion<string>().HasMaxLength(40);
        b.HasIndex(c => new { c.OrgId, c.PersonId }).IsUnique();
    }
}
