using Tongxin.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Web.Features.Organizations;

public enum OrgType
{
    ProvinceCppcc, CityCppcc, CountyCppcc,
    LeadingPartyGroup, OrganPartyGroup, CommitteeSubGroup,
    OrganPartyCommittee, GeneralBranch,
    OrganBranch, RetireeBranch, FunctionalBranch, SectorBranch, TemporaryBranch,
    PartyGroup,
    /// <summary>承办单位: a department handling proposals; its users see only what is assigned to it.</summary>
    HandlingUnit,
    /// <summary>政协委员: the body of the unit's CPPCC members, which holds their duty activities (全体会议, 调研视察…).</summary>
    MemberBody,
}

public static class OrgTypes
{
    public static readonly IReadOnlyDictionary<OrgType, string> Names = new Dictionary<OrgType, string>
    {
        [OrgType.ProvinceCppcc] = "省政协", [OrgType.CityCppcc] = "市政协", [OrgType.CountyCppcc] = "县（区）政协",
        [OrgType.LeadingPartyGroup] = "政协党组", [OrgType.OrganPartyGroup] = "机关党组",
        [OrgType.CommitteeSubGroup] = "专委会分党组", [OrgType.OrganPartyCommittee] = "机关党委",
        [OrgType.GeneralBranch] = "机关总支", [OrgType.OrganBranch] = "机关党支部",
        [OrgType.RetireeBranch] = "离退休党支部", [OrgType.FunctionalBranch] = "专委会功能型党支部",
        [OrgType.SectorBranch] = "界别党支部", [OrgType.TemporaryBranch] = "临时党支部",
        [OrgType.PartyGroup] = "党小组", [OrgType.HandlingUnit] = "承办单位", [OrgType.MemberBody] = "政协委员",
    };

    public static bool IsCppccUnit(this OrgType t) => t is OrgType.ProvinceCppcc or OrgType.CityCppcc or OrgType.CountyCppcc;
    public static bool IsBranch(this OrgType t) => t is OrgType.OrganBranch or OrgType.RetireeBranch
        or OrgType.FunctionalBranch or OrgType.SectorBranch or OrgType.TemporaryBranch;
    public static string DisplayName(this OrgType t) => Names[t];
}

public class Organization : IVersioned
{
    public int Version { get; set; }
    public const int TermYears = 3;

    public long Id { get; set; }
    /// <summary>The CPPCC unit at the top of this subtree (the shard key).</summary>
    public long TenantId { get; set; }
    public long? ParentId { get; set; }
    public string Name { get; set; } = "";
    public OrgType Type { get; set; }
    /// <summary>Materialised path of ids, "/1/4/9/", so a subtree is a prefix match.</summary>
    public string Path { get; set; } = "/";
    public int Depth { get; set; }
    public int SortOrder { get; set; }
    public DateOnly? StartDate { get; set; }
    public DateOnly? EndDate { get; set; }
    /// <summary>Start of the current committee term; 换届 is due <see cref="TermYears"/> years later.</summary>
    public DateOnly? TermStart { get; set; }
    public DateTime? ClosedAt { get; set; }
    public DateTime CreatedAt { get; set; }

    public bool IsClosed => ClosedAt is not null;
    public DateOnly? ReElectionDue => TermStart?.AddYears(TermYears);
}

public class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> b)
    {
        b.ToTable("Organizations");
        b.Property(o => o.Name).HasMaxLength(100);
        b.Property(o => o.Type).HasConversion<string>().HasMaxLength(40);
        b.Property(o => o.Path).HasMaxLength(400);
        b.HasIndex(o => o.Path);
        b.HasIndex(o => new { o.TenantId, o.ParentId });
        b.Ignore(o => o.IsClosed);
        b.Ignore(o => o.ReElectionDue);
    }
}
