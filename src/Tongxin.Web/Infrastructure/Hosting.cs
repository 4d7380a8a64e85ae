using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Http.Features;
using Tongxin.Web.Features;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Tongxin.Web.Features.Api;
using Tongxin.Web.Infrastructure.Audit;
using Tongxin.Web.Infrastructure.Auth;
using Tongxin.Web.Infrastructure.Data;
using Tongxin.Web.Infrastructure.Jobs;
using Tongxin.Web.Infrastructure.Localization;
using Tongxin.Web.Infrastructure.Seeding;

namespace Tongxin.Web.Infrastructure;

public static class Hosting
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static WebApplicationBuilder AddTongxin(this WebApplicationBuilder builder)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        Shared.Clock.Configure(builder.Configuration["Tongxin:TimeZone"]);
        var db = DatabaseSettings.From(builder.Configuration, builder.Environment.ContentRootPath);
        var s = builder.Services;
        s.AddSingleton(db);
        s.AddHttpContextAccessor();
        s.AddScoped<IAuditContext, HttpAuditContext>();
        s.AddDbContext<AppDbContext>(db.Configure);
        s.AddDataProtection().SetApplicationName("Tongxin").PersistKeysToDbContext<AppDbContext>();
        s.AddTongxinAuth();
        s.AddTongxinWebSecurity(builder.Configuration);
        s.AddSingleton<IStringLocalizerFactory, JsonStringLocalizerFactory>();
        s.AddLocalization();
        s.AddRazorPages(o => o.RootDirectory = "/Features")
            .AddViewLocalization()
            .AddDataAnnotationsLocalization(o => o.DataAnnotationLocalizerProvider = (_, f) => f.Create(typeof(UiText)));
        s.AddSingleton<Microsoft.Extensions.Options.IConfigureOptions<Microsoft.AspNetCore.Mvc.MvcOptions>, BindingMessages>();
        // Emit Chinese as characters rather than &#x...; escapes.
        s.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(o =>
            o.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));
        s.AddProblemDetails();
        s.AddExceptionHandler<Faults.ApiExceptionHandler>();
        s.AddOpenApi();
        s.AddTongxinFeatures();
        s.AddTongxinJobs(builder.Configuration, db);
        s.Configure<FormOptions>(o => o.MultipartBodyLengthLimit = 20 * 1024 * 1024);
        return builder;
    }

    /// <summary>A language chosen with ?culture= is kept in the culture cookie for later requests.</summary>
    static Task RememberCulture(HttpContext ctx, Func<Task> next)
    {
        if (ctx.Request.Query.TryGetValue("culture", out var chosen) && Cultures.Any(c => c.Name == chosen.ToString()))
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen.ToString())),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), HttpOnly = true, SameSite = SameSiteMode.Lax, IsEssential = true });
        return next();
    }

    public static WebApplication UseTongxin(this WebApplication app)
    {
        var db = app.Services.GetRequiredService<DatabaseSettings>();
        try { db.Migrate(); }
        catch (Exception ex) when (Faults.DatabaseOutage.StartupProblem(ex) is { } problem)
        {
            // One line for the operator instead of a stack trace.
            Console.Error.WriteLine($"同心无法启动：{problem}");
            Environment.Exit(2);
        }
        DemoSeeder.SeedIfEmptyAsync(app.Services, app.Configuration, app.Logger).GetAwaiter().GetResult();
        if (!app.Services.GetRequiredService<TwoFactorPolicy>().Enforced)
            app.Logger.LogWarning("双因素认证要求已关闭（演示模式）：系统、安全、审计管理员也可只凭密码登录。正式部署请设置 Tongxin__Seed__Demo=false 或 Tongxin__Auth__RequireTwoFactor=true");

        // Personal data a crash may have left on disk: expired roster uploads, half-written exports.
        app.Services.GetRequiredService<FileStore>().Sweep(Features.People.ImportModel.Area, Features.People.ImportModel.UploadLifetime);
        Excel.XlsxWriter.SweepTemporary(TimeSpan.FromHours(1));
        app.UseTongxinWebSecurity();
        app.UseExceptionHandler("/Error/500");
        app.UseStatusCodePagesWithReExecute("/Error/{0}");
        app.UseStaticFiles();
        app.UseRequestLocalization(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            o.RequestCultureProviders = [new QueryStringRequestCultureProvider(), new CookieRequestCultureProvider()];
        });
        app.Use(RememberCulture);
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapRazorPages();
        app.MapOpenApi().AllowAnonymous();
        app.MapTongxinApi();
        Features.OrgLife.OrgLifeApi.MapOrgLifeApi(app);
        return app;
    }
}
