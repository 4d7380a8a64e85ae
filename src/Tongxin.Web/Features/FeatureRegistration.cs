using Tongxin.Web.Infrastructure;

namespace Tongxin.Web.Features;

public static class FeatureRegistration
{
    /// <summary>Every use case's nested <c>Handler</c> is registered by scanning: a new one needs no line here.</summary>
    public static IServiceCollection AddTongxinFeatures(this IServiceCollection s)
    {
        s.AddSingleton<FileStore>();
        s.AddSingleton<OrgLife.SignInQueue>();
        s.AddHostedService(sp => sp.GetRequiredService<OrgLife.SignInQueue>());
        s.AddSingleton<Appraisal.BallotBox>();
        s.Scan(scan => scan.FromAssemblyOf<Program>()
            .AddClasses(c => c.Where(t => t.Name == "Handler" && t.IsNested && t.Namespace?.StartsWith("Tongxin.Web.Features") == true), publicOnly: false)
            .AsSelf().WithScopedLifetime());
        return s;
    }
}
