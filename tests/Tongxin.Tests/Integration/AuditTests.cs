using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.Audit;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Tests.Integration;

[Trait("Category", "Db")]
public class AuditTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Update_WritesWhoWhatBeforeAndAfter()
    {
        var c = await app.ClientAsync("partyadmin");
        var b2 = await app.OrgIdAsync("第二党支部");
        var version = await app.WithDbAsync(db => db.Organizations.Where(o => o.Id == b2).Select(o => o.Version).SingleAsync());
        var r = await Html.PostFormAsync(c, $"/Organizations/Edit/{b2}", $"/Organizations/Edit/{b2}", new()
        {
            ["Input.Id"] = b2.ToString(), ["Input.Version"] = version.ToString(), ["Input.Name"] = "第二党支部", ["Input.Type"] = "OrganBranch", ["Input.TermStart"] = "2026-10-08",
        });
        Assert.Equal(HttpStatusCode.Redirect, r.StatusCode);
        var entry = await app.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == "Organization" && a.EntityId == b2.ToString())
            .OrderByDescending(a => a.Id).FirstAsync());
        Assert.Equal("partyadmin", entry.UserName);
        Assert.Equal("Update", entry.Action);
        Assert.Equal("2023-12-20", JsonDocument.Parse(entry.Before!).RootElement.GetProperty("TermStart").GetString());
        Assert.Equal("2026-10-08", JsonDocument.Parse(entry.After!).RootElement.GetProperty("TermStart").GetString());
        Assert.NotNull(entry.TenantId);
    }

    [Fact]
    public async Task FailedSave_LeavesNeitherChangeNorAuditEntry()
    {
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
        await Assert.ThrowsAnyAsync<DbUpdateException>(() => app.WithDbAsync(async db =>
        {
            // OrgId 999999 violates the foreign key, so the transaction rolls back.
            db.People.Add(new Tongxin.Web.Features.People.Person { Name = "无效", NameInitials = "wx", OrgId = 999999, TenantId = 1, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        }));
        Assert.Equal(before, await app.WithDbAsync(db => db.AuditEntries.CountAsync()));
        Assert.False(await app.WithDbAsync(db => db.People.AnyAsync(p => p.Name == "无效")));
    }

    [Fact]
    public async Task Log_IsAppendOnly_InTheDatabaseItself()
    {
        var sql = "UPDATE \"AuditEntries\" SET \"UserName\" = 'x' WHERE \"Id\" = 1";
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync(sql)));
        await Assert.ThrowsAnyAsync<Exception>(() => app.WithDbAsync(db => db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEntries\" WHERE \"Id\" = 1")));
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDbAsync(async db =>
        {
            var e = await db.AuditEntries.FirstAsync();
            e.UserName = "x";
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task ConcurrentWriters_KeepEveryStreamUnbrokenAndGapless()
    {
        var b1 = await app.OrgIdAsync("第一党支部");
        var before = await app.WithDbAsync(db => db.AuditEntries.CountAsync());
        await Task.WhenAll(Enumerable.Range(0, 40).Select(i => app.WithDbAsync(async db =>
        {
            db.People.Add(new Tongxin.Web.Features.People.Person { Name = $"并发{i}", NameInitials = "bf", OrgId = b1, TenantId = 1, CreatedAt = DateTime.UtcNow });
            return await db.SaveChangesAsync();
        })));
        var entries = await app.WithDbAsync(db => db.AuditEntries.ToListAsync());
        Assert.Equal(before + 40, entries.Count);
        foreach (var stream in entries.GroupBy(e => e.Stream))
        {
            var inOrder = stream.OrderBy(e => e.Seq).ToList();
            Assert.Null(AuditChain.FirstBroken(inOrder));
            Assert.Equal(Enumerable.Range(1, inOrder.Count).Select(i => (long)i), inOrder.Select(e => e.Seq));
        }
        Assert.Equal(new VerifyAuditChain.Report(entries.Count, null), await app.WithDbAsync(db => new VerifyAuditChain.Handler(db).Handle()));
        // PostgreSQL writers spread over the streams instead of queuing on one; SQLite has one writer and one stream.
        var streams = entries.Select(e => e.Stream).Distinct().Count();
        if (app.Services.GetRequiredService<DatabaseSettings>().Provider == DbProvider.Postgres) Assert.True(streams > 1, $"{streams} stream(s)");
        else Assert.Equal(1, streams);
    }
}

/// <summary>Tampering breaks the chain for good, so it gets a database of its own.</summary>
[Trait("Category", "Db")]
public class AuditTamperTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Verify_ReportsIntactChain_ThenTheFirstTamperedEntry()
    {
        var auditor = await app.ClientAsync("auditor");
        var page = Html.Parse((await (await Html.PostFormAsync(auditor, "/Audit", "/Audit?handler=Verify", new())).Content.ReadAsStringAsync()));
        Assert.Contains("日志链完整", page.QuerySelector("[data-testid=verify-result]")!.TextContent);

        // Someone with database access disables the guard and edits entry #5.
        await app.WithDbAsync(async db =>
        {
            var provider = app.Services.GetRequiredService<DatabaseSettings>().Provider;
            if (provider == DbProvider.Postgres)
            {
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" DISABLE TRIGGER \"AuditEntries_AppendOnly\"");
                await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEntries\" SET \"UserName\" = 'intruder' WHERE \"Id\" = 5");
                await db.Database.ExecuteSqlRawAsync("ALTER TABLE \"AuditEntries\" ENABLE TRIGGER \"AuditEntries_AppendOnly\"");
            }
            else
            {
                await db.Database.ExecuteSqlRawAsync("DROP TRIGGER AuditEntries_NoUpdate");
                await db.Database.ExecuteSqlRawAsync("UPDATE AuditEntries SET UserName = 'intruder' WHERE Id = 5");
            }
            return 0;
        });
        var report = await app.WithDbAsync(db => new VerifyAuditChain.Handler(db).Handle());
        Assert.Equal(5, report.FirstBrokenId);
        page = Html.Parse((await (await Html.PostFormAsync(auditor, "/Audit", "/Audit?handler=Verify", new())).Content.ReadAsStringAsync()));
        Assert.Contains("#5", page.QuerySelector("[data-testid=verify-result]")!.TextContent);
    }
}
