using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Tongxin.Web.Shared;

namespace Tongxin.Web.Infrastructure.Data;

/// <summary>
/// A record edited in a form (person, organisation, proposal): every save raises <see cref="Version"/>, and an edit
/// made from an older version is refused instead of silently overwriting someone else's change.
/// </summary>
public interface IVersioned
{
    int Version { get; set; }
}

public static class Versioned
{
    public const string ChangedMeanwhile = "该记录已被他人修改，请刷新页面后重新编辑";

    /// <summary>
    /// Checks the version the form was built from: an edit of an existing record must name it (a form that lost it,
    /// or a value that did not bind, is refused like a stale one). The posted version also becomes the one the UPDATE
    /// is conditioned on, so a change landing between this load and the save fails as <see cref="DbUpdateConcurrencyException"/>.
    /// </summary>
    public static Error? Expect(DbContext db, IVersioned entity, int? postedVersion)
    {
        if (postedVersion is not { } v || entity.Version != v) return Error.Conflict(ChangedMeanwhile);
        db.Entry(entity).Property(nameof(IVersioned.Version)).OriginalValue = v;
        return null;
    }

    internal static void Configure(ModelBuilder builder)
    {
        foreach (var type in builder.Model.GetEntityTypes().Where(t => typeof(IVersioned).IsAssignableFrom(t.ClrType)))
            builder.Entity(type.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
    }

    internal static void Raise(ChangeTracker tracker)
    {
        foreach (var entry in tracker.Entries<IVersioned>().Where(e => e.State == EntityState.Modified))
            entry.Entity.Version = (int)entry.Property(nameof(IVersioned.Version)).OriginalValue! + 1;
    }
}
