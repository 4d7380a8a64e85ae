using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Web.Features.People;

/// <summary>
/// A person found sharing an ID number with an earlier one when the number became unique per unit (M0021): their
/// number was moved here, off the record, for someone with the permission to resolve (merge or correct).
/// </summary>
public class PersonDuplicate
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public long PersonId { get; set; }
    /// <summary>The earlier record that kept the number.</summary>
    public long KeptPersonId { get; set; }
    public string IdNumber { get; set; } = "";
    public DateTime FoundAt { get; set; }
}

public class PersonDuplicateConfiguration : IEntityTypeConfiguration<PersonDuplicate>
{
    public void Configure(EntityTypeBuilder<PersonDuplicate> b)
    {
        b.ToTable("PersonDuplicates");
        b.Property(d => d.IdNumber).HasMaxLength(18);
        b.HasIndex(d => d.TenantId);
    }
}
