using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Tongxin.Web.Features.Audit;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Infrastructure.Audit;

public interface IAuditContext { string UserName { get; } }

public sealed class HttpAuditContext(IHttpContextAccessor http) : IAuditContext
{
    public string UserName => http.HttpContext?.User.Identity?.Name
        ?? (http.HttpContext is null ? "system" : "anonymous");
}

/// <summary>
/// Writes one audit entry per changed entity, in the same transaction as the change, chained by hash.
/// Ids are assigned under a lock (PostgreSQL advisory lock; SQLite's write lock) so the chain never forks.
/// </summary>
public static class AuditWriter
{
    const long ChainLockKey = 0x7458_4155_4449_54; // "tXAUDIT"
    static readonly HashSet<string> Redacted = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "SignInSecret"];
    static readonly JsonSerializerOptions Json = new()
    {
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        Converters = { new JsonStringEnumConverter() },
    };

    sealed record Pending(EntityEntry Entry, EntityState State, string? Before, string[] Modified);

    public static async Task<int> SaveWithAuditAsync(AppDbContext db, string userName, Func<Task<int>> save, CancellationToken ct)
    {
        var pending = db.ChangeTracker.Entries()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Where(e => e.Entity is not AuditEntry and not DataProtectionKey)
            .Select(e => Capture(e))
            .Where(p => p.State != EntityState.Modified || p.Modified.Length > 0)
            .ToList();
        if (db.ChangeTracker.Entries<AuditEntry>().Any(e => e.State is EntityState.Modified or EntityState.Deleted))
            throw new InvalidOperationException("Audit entries are append-only.");
        if (pending.Count == 0) return await save();

        var ownTransaction = db.Database.CurrentTransaction is null;
        await using var tx = ownTransaction ? await db.Database.BeginTransactionAsync(ct) : null;
        var count = await save();

        if (db.Database.IsNpgsql())
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", ct);
        var last = await db.AuditEntries.AsNoTracking().OrderByDescending(a => a.Id)
            .Select(a => new { a.Id, a.Hash }).FirstOrDefaultAsync(ct);
        var (id, prev) = last is null ? (0L, AuditChain.Genesis) : (last.Id, last.Hash);
        var now = DateTime.UtcNow;
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);

        foreach (var p in pending)
        {
            var entry = new AuditEntry
            {
                Id = ++id,
                TenantId = TenantOf(p.Entry),
                At = now,
                UserName = userName,
                Action = p.State switch { EntityState.Added => "Create", EntityState.Deleted => "Delete", _ => "Update" },
                EntityType = p.Entry.Metadata.ClrType.Name,
                EntityId = KeyOf(p.Entry),
                Before = p.Before,
                After = p.State == EntityState.Deleted ? null : Snapshot(p.Entry, p.Modified, current: true),
                PrevHash = prev,
            };
            entry.Hash = AuditChain.Compute(entry, prev);
            prev = entry.Hash;
            db.AuditEntries.Add(entry);
        }
        await save();
        if (tx is not null) await tx.CommitAsync(ct);
        return count;
    }

    static Pending Capture(EntityEntry e)
    {
        var modified = e.State == EntityState.Modified
            ? e.Properties.Where(p => p.IsModified && !Equals(p.OriginalValue, p.CurrentValue)).Select(p => p.Metadata.Name).ToArray()
            : [];
        var before = e.State switch
        {
            EntityState.Modified => Snapshot(e, modified, current: false),
            EntityState.Deleted => Snapshot(e, [], current: false),
            _ => null,
        };
        return new Pending(e, e.State, before, modified);
    }

    /// <summary>JSON of the named properties (all when none are named), secrets redacted.</summary>
    static string Snapshot(EntityEntry e, string[] only, bool current)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in e.Properties)
        {
            var name = p.Metadata.Name;
            if (only.Length > 0 && !only.Contains(name)) continue;
            values[name] = Redacted.Contains(name) ? "***" : current ? p.CurrentValue : p.OriginalValue;
        }
        return JsonSerializer.Serialize(values, Json);
    }

    static string KeyOf(EntityEntry e) =>
        string.Join(",", e.Metadata.FindPrimaryKey()!.Properties.Select(p => e.Property(p.Name).CurrentValue));

    static long? TenantOf(EntityEntry e) =>
        e.Metadata.FindProperty("TenantId") is null ? null : e.Property("TenantId").CurrentValue as long?;
}
