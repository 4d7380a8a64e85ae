using Microsoft.AspNetCore.Builder;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Tongxin.Web.Features.Organizations;
using Tongxin.Web.Features.People;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;

namespace Tongxin.Tests.Support;

/// <summary>The real application over HTTP, on a fresh real database seeded with the demo organisation.</summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public const string AdminPassword = "Admin#2026x";
    public const string DemoPassword = "Demo#2026x";

    public TestDatabase Database { get; }
    readonly bool ownsDatabase;

    public AppFactory() : this(new TestDatabase(), owns: true) { }

    /// <summary>Another app node on a database some other factory owns (several nodes on one PostgreSQL).</summary>
    protected AppFactory(TestDatabase database, bool owns) => (Database, ownsDatabase) = (database, owns);
    public string FilesRoot { get; } = Directory.CreateTempSubdirectory("tongxin-files-").FullName;

    /// <summary>Whether the demo's year of use (DemoYear) is seeded on top of the organisation.</summary>
    protected virtual bool WithDemoYear => false;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Tongxin:Database:Provider", Database.Provider.ToString());
        builder.UseSetting("ConnectionStrings:Tongxin", Database.ConnectionString);
        builder.UseSetting("Tongxin:Files:Root", FilesRoot);
        builder.UseSetting("TONGXIN_ADMIN_PASSWORD", AdminPassword);
        builder.UseSetting("TONGXIN_DEMO_PASSWORD", DemoPassword);
        builder.UseSetting("Tongxin:Jobs:Enabled", "false"); // tests run the alert job themselves
        // The tests' baseline is the organisation without the year of use; DemoYearTests turn it on.
        builder.UseSetting("Tongxin:Seed:DemoYear", WithDemoYear ? "true" : "false");
        builder.ConfigureServices(s => s.AddTransient<Microsoft.AspNetCore.Hosting.IStartupFilter, TestClientAddress>());
    }

    /// <summary>The test server has no client address; a test names one with this header to act from several places.</summary>
    public const string ClientAddressHeader = "X-Test-Client-Address";

    sealed class TestClientAddress : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(async (Microsoft.AspNetCore.Http.HttpContext ctx, Func<Task> inner) =>
            {
                var header = ctx.Request.Headers[ClientAddressHeader].ToString();
                ctx.Connection.RemoteIpAddress = System.Net.IPAddress.TryParse(header, out var ip) ? ip : System.Net.IPAddress.Loopback;
                await inner();
            });
            next(app);
        };
    }

    public static string PasswordOf(string user) => user is "admin" or "auditor" or "security" ? AdminPassword : DemoPassword;

    /// <summary>A client with its own cookie jar, signed in as <paramref name="user"/> (or anonymous when null).</summary>
    public async Task<HttpClient> ClientAsync(string? user = null)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });
        if (user is null) return client;
        var response = await client.PostAsJsonAsync("/api/auth/login", new { userName = user, password = PasswordOf(user) });
        response.EnsureSuccessStatusCode();
        return client;
    }

    public async Task<T> WithDbAsync<T>(Func<AppDbContext, Task<T>> work)
    {
        using var scope = Services.CreateScope();
        return await work(scope.ServiceProvider.GetRequiredService<AppDbContext>());
    }

    public Task<long> OrgIdAsync(string name) => WithDbAsync(db => db.Organizations.Where(o => o.Name == name).Select(o => o.Id).SingleAsync());

    public Task<Person> PersonInAsync(string orgName) => WithDbAsync(db =>
        (from p in db.People join o in db.Organizations on p.OrgId equals o.Id where o.Name == orgName orderby p.Id select p).FirstAsync());

    /// <summary>Runs a handler from a fresh service scope as the given demo user.</summary>
    public async Task<T> AsAsync<THandler, T>(string user, Func<THandler, Scope, Task<T>> work) where THandler : notnull
    {
        var scope = await ScopeOfAsync(user);
        using var s = Services.CreateScope();
        return await work(s.ServiceProvider.GetRequiredService<THandler>(), scope);
    }

    public Task<Scope> ScopeOfAsync(string user) => WithDbAsync(async db =>
        await AccessScope.ForUserAsync(db, await db.Users.Where(u => u.UserName == user).Select(u => u.Id).SingleAsync()));

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing)
        {
            if (ownsDatabase) Database.Dispose();
            try { Directory.Delete(FilesRoot, recursive: true); } catch (IOException) { }
        }
    }
}
