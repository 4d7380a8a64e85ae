using System.Globalization;
using System.Text.Json;
using Microsoft.Extensions.Localization;

namespace Tongxin.Web.Infrastructure.Localization;

/// <summary>Marker for the shared UI strings.</summary>
public sealed class UiText;

/// <summary>
/// Keys are the zh-CN text itself (the default culture); other cultures come from
/// Resources/{culture}.json, falling back to the Chinese key.
/// </summary>
public sealed class JsonStringLocalizerFactory : IStringLocalizerFactory
{
    readonly Dictionary<string, IReadOnlyDictionary<string, string>> tables = new(StringComparer.OrdinalIgnoreCase);

    public JsonStringLocalizerFactory()
    {
        var asm = typeof(JsonStringLocalizerFactory).Assembly;
        foreach (var name in asm.GetManifestResourceNames().Where(n => n.EndsWith(".json") && n.Contains(".Resources.")))
        {
            var culture = Path.GetFileNameWithoutExtension(name).Split('.').Last();
            using var s = asm.GetManifestResourceStream(name)!;
            tables[culture] = JsonSerializer.Deserialize<Dictionary<string, string>>(s)!;
        }
    }

    public IStringLocalizer Create(Type resourceSource) => new JsonStringLocalizer(tables);
    public IStringLocalizer Create(string baseName, string location) => new JsonStringLocalizer(tables);

    public IReadOnlyDictionary<string, string>? Table(string culture) => tables.GetValueOrDefault(culture);
}

public sealed class JsonStringLocalizer(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> tables) : IStringLocalizer
{
    public LocalizedString this[string name] => Translate(name);

    public LocalizedString this[string name, params object[] arguments]
    {
        get
        {
            var t = Translate(name);
            return new LocalizedString(name, string.Format(CultureInfo.CurrentCulture, t.Value, arguments), t.ResourceNotFound);
        }
    }

    public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) =>
        Current()?.Select(kv => new LocalizedString(kv.Key, kv.Value)) ?? [];

    LocalizedString Translate(string name)
    {
        var table = Current();
        if (table is null) return new LocalizedString(name, name, resourceNotFound: false);
        return table.TryGetValue(name, out var v)
            ? new LocalizedString(name, v)
            : new LocalizedString(name, name, resourceNotFound: true);
    }

    IReadOnlyDictionary<string, string>? Current()
    {
        var c = CultureInfo.CurrentUICulture;
        if (c.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase) || c.Name.Length == 0) return null;
        return tables.GetValueOrDefault(c.Name) ?? tables.GetValueOrDefault(c.TwoLetterISOLanguageName);
    }
}
