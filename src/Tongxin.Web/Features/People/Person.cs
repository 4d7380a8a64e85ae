using Tongxin.Web.Infrastructure.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Web.Features.People;

public enum PartyStatus { None, Probationary, Full }
public enum Gender { Unknown, Male, Female }

/// <summary>One person with all their roles: party member, CPPCC member, organ staff.</summary>
public class Person : IVersioned
{
    public int Version { get; set; }
    public long Id { get; set; }
    public long TenantId { get; set; }
    public string Name { get; set; } = "";
    /// <summary>Pinyin initials of the name, so "zs" finds 张三.</summary>
    public string NameInitials { get; set; } = "";
    public Gender Gender { get; set; }
    public string? IdNumber { get; set; }
    public DateOnly? BirthDate { get; set; }
    public string? Phone { get; set; }
    /// <summary>For party members the branch holding the membership (组织关系所在); otherwise the unit.</summary>
    public long OrgId { get; set; }
    /// <summary>The 党小组 within the branch, if any.</summary>
    public long? PartyGroupId { get; set; }

    public PartyStatus PartyStatus { get; set; }
    public DateOnly? JoinedDate { get; set; }
    public DateOnly? FullDate { get; set; }
    public bool IsRetired { get; set; }

    public bool IsCppccMember { get; set; }
    public string? Sector { get; set; }
    public string? SpecialCommittee { get; set; }
    public bool IsStandingCommittee { get; set; }
    public string? Affiliation { get; set; }

    public bool IsStaff { get; set; }
    public string? StaffPost { get; set; }
    public bool IsYoungCadre { get; set; }

    public DateTime CreatedAt { get; set; }

    public bool IsPartyMember => PartyStatus != PartyStatus.None;
}

/// <summary>A branch whose organisational life a person joins besides the one holding the membership (双重组织生活).</summary>
public class DualLife
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long PersonId { get; set; }
    public long OrgId { get; set; }
}

public static class PartyAffiliations
{
    public const string Cpc = "中共";
    public static readonly string[] All = [Cpc, "民革", "民盟", "民建", "民进", "农工党", "致公党", "九三学社", "台盟", "无党派"];
}

public class PersonConfiguration : IEntityTypeConfiguration<Person>
{
    public void Configure(EntityTypeBuilder<Person> b)
    {
        b.ToTable("People");
        b.Property(p => p.Name).HasMaxLength(50);
        b.Property(p => p.NameInitials).HasMaxLength(50);
        b.Property(p => p.IdNumber).HasMaxLength(18);
        b.Property(p => p.Phone).HasMaxLength(20);
        b.Property(p => p.Gender).HasConversion<string>().HasMaxLength(10);
        b.Property(p => p.PartyStatus).HasConversion<string>().HasMaxLength(20);
        b.Property(p => p.Sector).HasMaxLength(50);
        b.Property(p => p.SpecialCommittee).HasMaxLength(50);
        b.Property(p => p.Affiliation).HasMaxLength(20);
        b.Property(p => p.StaffPost).HasMaxLength(50);
        b.HasIndex(p => new { p.TenantId, p.IdNumber }).IsUnique();
        b.HasIndex(p => p.OrgId);
        b.HasIndex(p => p.NameInitials);
        b.Ignore(p => p.IsPartyMember);
    }
}

public class DualLifeConfiguration : IEntityTypeConfiguration<DualLife>
{
    public void Configure(EntityTypeBuilder<DualLife> b)
    {
        b.ToTable("DualLives");
        b.HasIndex(d => new { d.PersonId, d.OrgId }).IsUnique();
        b.HasIndex(d => d.OrgId);
    }
}
