using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Tongxin.Web.Infrastructure.Data;

/// <summary>The last number handed out per unit, kind and year (案号 and later 督办通知书 numbers).</summary>
public class NumberSequence
{
    public long TenantId { get; set; }
    public string Kind { get; set; } = "";
    public int Year { get; set; }
    public int Last { get; set; }

    /// <summary>
    /// The next number, taken inside the caller's transaction: the UPDATE locks the row (PostgreSQL) or the database
    /// (SQLite) until the caller commits, so two allocations at once get consecutive numbers, never the same one.
    /// <paramref name="floor"/> seeds a sequence that starts after numbers already given out.
    /// </summary>
    public static async Task<int> NextAsync(AppDbContext db, long tenantId, string kind, int year, Func<Task<int>> floor, CancellationToken ct)
    {
        if (db.Database.CurrentTransaction is null) throw new InvalidOperationException("Numbers are allocated inside a transaction.");
        var bumped = await Bump(db, tenantId, kind, year, ct);
        if (bumped == 0)
        {
            var start = await floor();
            await db.Database.ExecuteSqlInterpolatedAsync(
                $"""INSERT INTO "NumberSequences" ("TenantId", "Kind", "Year", "Last") VALUES ({tenantId}, {kind}, {year}, {start}) ON CONFLICT DO NOTHING""", ct);
            await Bump(db, tenantId, kind, year, ct);
        }
        return await db.NumberSequences.Where(s => s.TenantId == tenantId && s.Kind == kind && s.Year == year).Select(s => s.Last).SingleAsync(ct);
    }

    static Task<int> Bump(AppDbContext db, long tenantId, string kind, int year, CancellationToken ct) =>
        db.NumberSequences.Where(s => s.TenantId == tenantId && s.Kind == kind && s.Year == year)
            .ExecuteUpdateAsync(u => u.SetProperty(s => s.Last, s => s.Last + 1), ct);
}

public sealed class NumberSequenceConfig : IEntityTypeConfiguration<NumberSequence>
{
    public void Configure(EntityTypeBuilder<NumberSequence> b)
    {
        b.ToTable("NumberSequences");
        b.HasKey(s => new { s.TenantId, s.Kind, s.Year });
        b.Property(s => s.Kind).HasMaxLength(30);
    }
}
