namespace Tongxin.Tests.Support;

/// <summary>A test that needs PostgreSQL itself (stopping connections, several nodes): skipped, and reported so, on SQLite.</summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        if (TestDatabase.CurrentProvider != Tongxin.Web.Infrastructure.Data.DbProvider.Postgres) Skip = "needs PostgreSQL (runs in the PostgreSQL pass of test.sh)";
    }
}
