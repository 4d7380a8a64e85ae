using Microsoft.EntityFrameworkCore;
using Tongxin.Tests.Support;
using Tongxin.Web.Features.Audit;

namespace Tongxin.Tests.Unit;

/// <summary>The audit log names every record type and field in Chinese (issue 12 point 7): a new field cannot reach it unnamed.</summary>
public class AuditVocabularyTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task EveryAuditedTypeAndFieldHasAChineseName()
    {
        var missing = await app.WithDbAsync(db => Task.FromResult(db.Model.GetEntityTypes()
            .Where(t => t.ClrType.Name is not (nameof(AuditEntry) or "DataProtectionKey") && !t.IsOwned())
            .SelectMany(t => (AuditVocabulary.Types.ContainsKey(t.ClrType.Name) ? [] : new[] { t.ClrType.Name })
                .Concat(t.GetProperties().Where(p => AuditVocabulary.FieldOrNull(t.ClrType.Name, p.Name) is null).Select(p => $"{t.ClrType.Name}.{p.Name}")))
            .Distinct().Order().ToList()));
        Assert.True(missing.Count == 0, "unnamed: " + string.Join(", ", missing));
    }
}
