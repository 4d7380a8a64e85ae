using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Web.Features.Stars;

/// <summary>Where an item's score comes from: scored by hand with evidence, or filled from the branch's records.</summary>
public enum StarSource
{
    Manual,
    /// <summary>Share of the required organisational-life activities held in their periods (compliance calendar).</summary>
    ActivitiesHeld,
    /// <summary>Average year total of the branch's party members against a target.</summary>
    AveragePoints,
}

/// <summary>A tenant's 支部争星 checklist for one year, with the thresholds that turn a total into stars.</summary>
public class StarTemplate
{
    public long Id { get; set; }
    public long TenantId { get; set; }
    public int Year { get; set; }
    public double FiveAt { get; set; }
    public double FourAt { get; set; }
    public double ThreeAt { get; set; }
    public double TwoAt { get; set; }
    /// <summary>A unit with at least this many rated branches and none rated four stars or more is in the bottom band.</summary>
    public int BottomBandBranches { get; set; } = StarChecklist.DefaultBottomBandBranches;
    public List<StarTemplateItem> Items { get; set; } = [];
}

public class StarTemplateItem
{
    public long Id { get; set; }
    public long TemplateId { get; set; }
    public int Order { get; set; }
    public string Code { get; set; } = "";
    public string Group { get; set; } = "";
    public string Name { get; set; } = "";
    public double MaxScore { get; set; }
    public StarSource Source { get; set; }
    /// <summary>For <see cref="StarSource.AveragePoints"/>: the average that earns full marks.</summary>
    public int? Target { get; set; }
    /// <summary>A score on this item is the 创新 the five-star rating needs.</summary>
    public bool IsInnovation { get; set; }
}

public class StarTemplateConfiguration : IEntityTypeConfiguration<StarTemplate>
{
    public void Configure(EntityTypeBuilder<StarTemplate> b)
    {
        b.ToTable("StarTemplates");
        b.HasIndex(t => new { t.TenantId, t.Year }).IsUnique();
        b.HasMany(t => t.Items).WithOne().HasForeignKey(i => i.TemplateId);
    }
}

public class StarTemplateItemConfiguration : IEntityTypeConfiguration<StarTemplateItem>
{
    public void Configure(EntityTypeBuilder<StarTemplateItem> b)
    {
        b.ToTable("StarTemplateItems");
        b.Property(i => i.Code).HasMaxLength(40);
        b.Property(i => i.Group).HasMaxLength(40);
        b.Property(i => i.Name).HasMaxLength(200);
        b.Property(i => i.Source).HasConversion<string>().HasMaxLength(20);
        b.HasIndex(i => new { i.TemplateId, i.Code }).IsUnique();
    }
}
