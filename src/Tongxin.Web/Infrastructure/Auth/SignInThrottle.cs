using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Web.Infrastructure.Auth;

/// <summary>
/// Failed sign-ins counted per client address and per (account, address), in the database so every node sees them.
/// An address that keeps failing is refused for a while, but the account itself is never locked by someone else's
/// failures: an administrator signing in from their own desk is not kept out by an attacker elsewhere.
/// </summary>
public class SignInThrottle
{
    public string Key { get; set; } = "";
    public int Failures { get; set; }
    public DateTime WindowStart { get; set; }

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    /// <summary>Failures for one account from one address before that pair is refused for the rest of the window.</summary>
    public const int PerAccount = 5;
    /// <summary>Failures from one address, any accounts, before the address is refused.</summary>
    public const int PerAddress = 20;

    static string AccountKey(string userName, string address) => $"u:{userName.Trim().ToLowerInvariant()}|{address}";
    static string AddressKey(string address) => $"ip:{address}";

    public static async Task<bool> BlockedAsync(AppDbContext db, string userName, string address, DateTime utcNow, CancellationToken ct)
    {
        var since = utcNow - Window;
        var keys = new[] { AccountKey(userName, address), AddressKey(address) };
        var rows = await db.SignInThrottles.AsNoTracking().Where(t => keys.Contains(t.Key) && t.WindowStart > since).ToListAsync(ct);
        return rows.Any(r => r.Key.StartsWith("ip:") ? r.Failures >= PerAddress : r.Failures >= PerAccount);
    }

    public static async Task FailedAsync(AppDbContext db, string userName, string address, DateTime utcNow, CancellationToken ct)
    {
        foreach (var key in new[] { AccountKey(userName, address), AddressKey(address) })
        {
            var row = await db.SignInThrottles.FirstOrDefaultAsync(t => t.Key == key, ct);
            if (row is null) db.SignInThrottles.Add(new SignInThrottle { Key = key, Failures = 1, WindowStart = utcNow });
            else if (row.WindowStart <= utcNow - Window) (row.Failures, row.WindowStart) = (1, utcNow);
            else row.Failures++;
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException) { db.ChangeTracker.Clear(); } // two failures at once: one is counted, which is enough
    }

    public static async Task SucceededAsync(AppDbContext db, string userName, string address, CancellationToken ct)
    {
        var key = AccountKey(userName, address);
        if (await db.SignInThrottles.FirstOrDefaultAsync(t => t.Key == key, ct) is { } row)
        {
            db.SignInThrottles.Remove(row);
            await db.SaveChangesAsync(ct);
        }
    }
}

public class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> b)
    {
        b.ToTable("SignInThrottles");
        b.HasKey(t => t.Key);
        b.Property(t => t.Key).HasMaxLength(300);
    }
}
