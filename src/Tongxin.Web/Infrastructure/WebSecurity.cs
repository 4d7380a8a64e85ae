using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Tongxin.Web.Infrastructure;

/// <summary>
/// The web baseline: security headers on every response (a CSP with no inline script, no framing, nosniff, a
/// referrer policy, HSTS over HTTPS), Secure cookies over HTTPS, and forwarded headers from the configured proxies
/// only, so that links such as the sign-in QR name the public host.
/// </summary>
public static class WebSecurity
{
    public static IServiceCollection AddTongxinWebSecurity(this IServiceCollection s, IConfiguration config)
    {
        s.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto | ForwardedHeaders.XForwardedHost;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in Split(config["Tongxin:Proxy:KnownProxies"]))
                if (IPAddress.TryParse(proxy, out var ip)) o.KnownProxies.Add(ip);
            foreach (var network in Split(config["Tongxin:Proxy:KnownNetworks"]))
                if (System.Net.IPNetwork.TryParse(network, out var net)) o.KnownIPNetworks.Add(net);
            foreach (var host in Split(config["Tongxin:Proxy:AllowedHosts"])) o.AllowedHosts.Add(host);
        });
        s.Configure<Microsoft.AspNetCore.Server.Kestrel.Core.KestrelServerOptions>(o => o.AddServerHeader = false);
        s.Configure<CookiePolicyOptions>(o =>
        {
            o.Secure = CookieSecurePolicy.SameAsRequest;
            o.HttpOnly = Microsoft.AspNetCore.CookiePolicy.HttpOnlyPolicy.Always;
        });
        return s;
    }

    static IEnumerable<string> Split(string? value) =>
        (value ?? "").Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public static readonly HeaderPolicyCollection Headers = new HeaderPolicyCollection()
        .AddFrameOptionsDeny()
        .AddContentTypeOptionsNoSniff()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddStrictTransportSecurityMaxAge(maxAgeInSeconds: 365 * 24 * 3600)
        .RemoveServerHeader()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self();
            // style attributes (widths, colours) are used in markup; no inline script is.
            csp.AddStyleSrc().Self().UnsafeInline();
            csp.AddImgSrc().Self().Data();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().Self();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        });

    public static WebApplication UseTongxinWebSecurity(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseSecurityHeaders(Headers);
        app.UseCookiePolicy();
        return app;
    }
}
