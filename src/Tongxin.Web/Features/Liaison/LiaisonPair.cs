using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Web.Features.Liaison;

/// <summary>党员委员联系党外委员, or 党组成员联系界别.</summary>
public enum LiaisonKind { MemberPair, GroupSector }

public enum ContactWay { Visit, Meeting, Phone, Online, Other }

/// <summary>A standing liaison: a party member (党员委员 or 党组成员) and the non-party member or the 界别 they keep in touch with.</summary>
public class LiaisonPair
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public LiaisonKind Kind { get; set; }
    public long PartyPersonId { get; set; }
    public long? OtherPersonId { get; set; }
    public string? Sector { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? Until { get; set; }
    public List<LiaisonContact> Contacts { get; set; } = [];
}

/// <summary>One contact: when, how, what was talked about.</summary>
public class LiaisonContact
{
    public long Id { get; set; }
    public long PairId { get; set; }
    public DateOnly On { get; set; }
    public ContactWay Way { get; set; }
    public string Content { get; set; } = "";
    public string RecordedBy { get; set; } = "";
}

public class LiaisonConfiguration : IEntityTypeConfiguration<LiaisonPair>, IEntityTypeConfiguration<LiaisonContact>
{
    public void Configure(EntityTypeBuilder<LiaisonPair> b)
    {
        b.ToTable("LiaisonPairs");
        b.Property(p => p.Kind).HasConversion<string>().HasMaxLength(12);
        b.Property(p => p.Sector).HasMaxLength(50);
        b.HasIndex(p => new { p.TenantId, p.PartyPersonId });
        b.HasMany(p => p.Contacts).WithOne().HasForeignKey(c => c.PairId);
    }

    public void Configure(EntityTypeBuilder<LiaisonContact> b)
    {
        b.ToTable("LiaisonContacts");
        b.Property(c => c.Way).HasConversion<string>().HasMaxLength(10);
        b.Property(c => c.Content).HasMaxLength(2000);
        b.Property(c => c.RecordedBy).HasMaxLength(100);
        b.HasIndex(c => new { c.PairId, c.On });
    }
}
