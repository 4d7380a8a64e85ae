using Microsoft.EntityFrameworkCore;

namespace Tongxin.Tests.Support;

/// <summary>
/// Every string the database holds, as one text: what a page may show in either language because it is data (names,
/// topics, messages) rather than UI text. The language sweeps use it to tell the two apart.
/// </summary>
public static class DataCorpus
{
    public static Task<string> ReadAsync(AppFactory app) => app.WithDbAsync(async db =>
    {
        var corpus = new System.Text.StringBuilder();
        foreach (var t in db.Model.GetEntityTypes().Where(t => t.GetTableName() is not null))
            foreach (var p in t.GetProperties().Where(p => p.ClrType == typeof(string)))
                foreach (var v in await db.Database.SqlQueryRaw<string>($"SELECT \"{p.GetColumnName()}\" AS \"Value\" FROM \"{t.GetTableName()}\" WHERE \"{p.GetColumnName()}\" IS NOT NULL").ToListAsync())
                    corpus.Append(v).Append('\n');
        return corpus.ToString();
    });
}
