using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Tests.Integration;

/// <summary>
/// A subtree filter (what every scope check becomes) is answered from the path index on SQLite, not by reading every
/// organisation: at province scale that scan was most of the 待办 count and of the 工作台 (docs/perf.md).
/// </summary>
public class SubtreeIndexTests
{
    [Fact]
    public async Task OnSqlite_AScopesOrganisationFilter_SearchesThePathIndex_AndStaysCaseSensitiveLikeStartsWith()
    {
        if (TestDatabase.CurrentProvider != DbProvider.Sqlite) return; // the PostgreSQL planner is measured in the bench
        using var database = new TestDatabase();
        database.Settings.Migrate();
        var options = new DbContextOptionsBuilder<AppDbContext>();
        database.Settings.Configure(options);
        await using var db = new AppDbContext(options.Options);

        var scope = new Scope("u", null, [new Grant(Roles.PartyAdmin, 2, "/1/2/", 1)]);
        var query = db.Organizations.Where(scope.OrgFilter(Permissions.OrgLife.View)).Select(o => o.Id);
        await db.Database.OpenConnectionAsync();
        await using var cmd = db.Database.GetDbConnection().CreateCommand();
        cmd.CommandText = "EXPLAIN QUERY PLAN " + query.ToQueryString();
        var plan = new List<string>();
        await using (var reader = await cmd.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(3));
        Assert.Contains(plan, step => step.Contains("SEARCH") && step.Contains("IX_Organizations_Path"));
        Assert.DoesNotContain(plan, step => step.StartsWith("SCAN"));

        // Case-sensitive, as .NET's StartsWith is: a path never differs by case, but a name search must not widen.
        cmd.CommandText = "SELECT 'ABC' LIKE 'abc%'";
        Assert.Equal(0L, await cmd.ExecuteScalarAsync());
    }
}
