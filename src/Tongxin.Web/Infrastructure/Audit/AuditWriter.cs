using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;
using Tongxin.Web.Features.Audit;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Infrastructure.Audit;

public interface IAuditContext { string UserName { get; } }

public sealed class HttpAuditContext(IHttpContextAccessor http) : IAuditContext
{
    public string UserName => http.HttpContext?.User.Identity?.Name
        ?? (http.HttpContext is null ? "system" : "anonymous");
}

/// <summary>
/// Writes one audit entry per changed entity, in the same transaction as the change, chained by hash.
/// The log is <see cref="Streams"/> chains (decision 0007): a transaction appends to one stream under that stream's
/// lock (a PostgreSQL advisory lock; on SQLite the database's single write lock), so a stream never forks and
/// concurrent writers only queue when every stream is busy.
/// </summary>
public static class AuditWriter
{
    public const int Streams = 64;
    const int ChainLockClass = 0x7458_4155; // "tXAU"
    static readonly HashSet<string> Redacted = ["PasswordHash", "SecurityStamp", "ConcurrencyStamp", "SignInSecret", "SealedBox"];
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
        int count;
        if (pending.Any(p => HasTemporaryKey(p.Entry)))
        {
            // New rows with database-generated keys: save them first so their entries can name them.
            count = await save();
            await AppendEntriesAsync(db, userName, pending, ct);
            await save();
        }
        else
        {
            // Keys are known: the change and its entries go to the database in one batch.
            var entries = await AppendEntriesAsync(db, userName, pending, ct);
            try { count = await save() - entries.Count; }
            catch
            {
                foreach (var e in entries) db.Entry(e).State = EntityState.Detached;
                throw;
            }
        }
        if (tx is not null) await tx.CommitAsync(ct);
        return count;
    }

    static async Task<List<AuditEntry>> AppendEntriesAsync(AppDbContext db, string userName, List<Pending> pending, CancellationToken ct)
    {
        var (stream, seq, prev) = await LockStreamAsync(db, ct);
        var now = DateTime.UtcNow;
        now = new DateTime(now.Ticks - now.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
        var entries = new List<AuditEntry>(pending.Count);
        foreach (var p in pending)
        {
            var entry = new AuditEntry
            {
                Stream = stream,
                Seq = ++seq,
                TenantId = TenantOf(p.Entry),
                At = now,
                UserName = db.ActorOf(p.Entry.Entity) ?? userName,
                Action = p.State switch { EntityState.Added => "Create", EntityState.Deleted => "Delete", _ => "Update" },
                EntityType = p.Entry.Metadata.ClrType.Name,
                EntityId = KeyOf(p.Entry),
                Before = p.Before,
                After = p.State == EntityState.Deleted ? null : Snapshot(p.Entry, p.Modified, current: true),
                PrevHash = prev,
            };
            entry.Hash = AuditChain.Compute(entry, prev);
            prev = entry.Hash;
            entries.Add(entry);
        }
        db.AuditEntries.AddRange(entries);
        return entries;
    }

    static bool HasTemporaryKey(EntityEntry e) =>
        e.State == EntityState.Added && e.Metadata.FindPrimaryKey()!.Properties.Any(p => e.Property(p.Name).IsTemporary);

    /// <summary>
    /// Locks a stream and reads its last entry. On PostgreSQL: the first free stream starting from a random one, or
    /// a wait for that one when all are busy, in one round trip — the second statement of the batch takes its
    /// snapshot after the first has the lock, so it sees the previous holder's committed entry.
    /// SQLite has one writer at a time (the first save already holds the write lock), so it keeps stream 0.
    /// </summary>
    static async Task<(int Stream, long Seq, string Hash)> LockStreamAsync(AppDbContext db, CancellationToken ct)
    {
        if (!db.Database.IsNpgsql())
        {
            var last = await db.AuditEntries.AsNoTracking().Where(a => a.Stream == 0).OrderByDescending(a => a.Seq)
                .Select(a => new { a.Seq, a.Hash }).FirstOrDefaultAsync(ct);
            return last is null ? (0, 0L, AuditChain.Genesis) : (0, last.Seq, last.Hash);
        }
        var start = Random.Shared.Next(Streams);
        var conn = db.Database.GetDbConnection();
        await using var cmd = conn.CreateCommand();
        cmd.Transaction = db.Database.CurrentTransaction!.GetDbTransaction();
        cmd.CommandText = $"""
            SELECT set_config('tongxin.audit_stream', COALESCE(
                (SELECT s FROM (SELECT (g + {start}) % {Streams} AS s FROM generate_series(0, {Streams - 1}) g) x
                 WHERE pg_try_advisory_xact_lock({ChainLockClass}, s) LIMIT 1),
                (SELECT {start} FROM (SELECT pg_advisory_xact_lock({ChainLockClass}, {start})) l))::text, true);
            SELECT "Seq", "Hash" FROM "AuditEntries" WHERE "Stream" = current_setting('tongxin.audit_stream')::int
            ORDER BY "Seq" DESC LIMIT 1;
            """;
        await using var reader = await cmd.ExecuteReaderAsync(ct);
        await reader.ReadAsync(ct);
        var stream = int.Parse(reader.GetString(0), System.Globalization.CultureInfo.InvariantCulture);
        await reader.NextResultAsync(ct);
        return await reader.ReadAsync(ct) ? (stream, reader.GetInt64(0), reader.GetString(1)) : (stream, 0L, AuditChain.Genesis);
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

    /// <summary>An account token's value is a secret (the second factor's key, a recovery code): never in the log.</summary>
    static bool IsToken(EntityEntry e, string property) =>
        property == "Value" && e.Entity is Microsoft.AspNetCore.Identity.IdentityUserToken<string>;

    /// <summary>JSON of the named properties (all when none are named), secrets redacted.</summary>
    static string Snapshot(EntityEntry e, string[] only, bool current)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var p in e.Properties)
        {
            var name = p.Metadata.Name;
            if (only.Length > 0 && !only.Contains(name)) continue;
            var value = current ? p.CurrentValue : p.OriginalValue;
            values[name] = Redacted.Contains(name) || IsToken(e, name) ? "***" : PersonalData.MaskForAudit(name, value);
        }
        return JsonSerializer.Serialize(values, Json);
    }

    // Composite keys (Identity's user tokens: user id, provider, name) can be longer than the column.
    static string KeyOf(EntityEntry e)
    {
        var key = string.Join(",", e.Metadata.FindPrimaryKey()!.Properties.Select(p => e.Property(p.Name).CurrentValue));
        return key.Length <= 60 ? key : key[..60];
    }

    static long? TenantOf(EntityEntry e) =>
        e.Metadata.FindProperty("TenantId") is null ? null : e.Property("TenantId").CurrentValue as long?;
}
