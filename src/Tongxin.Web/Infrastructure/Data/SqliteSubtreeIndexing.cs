using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Tongxin.Web.Infrastructure.Data;

/// <summary>
/// Makes SQLite's LIKE case-sensitive on every connection the app opens, so that a subtree filter
/// (<c>Path LIKE '/1/2/%'</c>, what <c>Path.StartsWith</c> becomes) is answered from the path index instead of scanning every
/// organisation: SQLite only uses an index for LIKE when LIKE compares the way the index sorts. Case-sensitive is also what
/// .NET's StartsWith means; the app has no LIKE of its own that relies on case-insensitivity.
/// </summary>
public sealed class SqliteSubtreeIndexing : DbConnectionInterceptor
{
    public static readonly SqliteSubtreeIndexing Instance = new();
    const string Pragma = "PRAGMA case_sensitive_like = ON;";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragma;
        cmd.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken ct = default)
    {
        await using var cmd = connection.CreateCommand();
        cmd.CommandText = Pragma;
        await cmd.ExecuteNonQueryAsync(ct);
    }
}
