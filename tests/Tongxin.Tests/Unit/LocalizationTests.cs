using System.Text.Json;
using System.Text.RegularExpressions;

namespace Tongxin.Tests.Unit;

public partial class LocalizationTests
{
    [GeneratedRegex("""L\["([^"]+)"[\],]""")]
    private static partial Regex Key();

    static string WebProject()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Tongxin.slnx"))) dir = dir.Parent;
        return Path.Combine(dir!.FullName, "src", "Tongxin.Web");
    }

    [Fact]
    public void EveryUiStringHasAnEnglishTranslation()
    {
        var root = WebProject();
        var en = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(root, "Resources", "en.json")))!;
        var keys = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => (f.EndsWith(".cshtml") || f.EndsWith(".cs")) && !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => Key().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Distinct().ToList();
        Assert.True(keys.Count > 100, $"only {keys.Count} keys found");
        Assert.Empty(keys.Where(k => !en.ContainsKey(k)));
    }

    [GeneratedRegex(@"Error\.(?:Invalid|ConflictWith)\(\$""((?:[^""\\]|\\.)*)""")]
    private static partial Regex WithValues();

    [GeneratedRegex("""\{[^}]*\}""")]
    private static partial Regex Hole();

    [Fact]
    public void MessagesWithValues_HaveTheirTemplatesTranslated()
    {
        var root = WebProject();
        var en = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(root, "Resources", "en.json")))!;
        var templates = Directory.EnumerateFiles(root, "*.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}"))
            .SelectMany(f => WithValues().Matches(File.ReadAllText(f)).Select(m => m.Groups[1].Value))
            .Select(t => { var n = 0; return Hole().Replace(t, _ => $"{{{n++}}}"); })
            .Distinct().ToList();
        Assert.True(templates.Count >= 8, $"only {templates.Count} templates found");
        Assert.Empty(templates.Where(t => !en.ContainsKey(t)));
    }

    [Fact]
    public void LabelTablesAreTranslatedToo()
    {
        var en = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(WebProject(), "Resources", "en.json")))!;
        var labels = Tongxin.Web.Features.Organizations.OrgTypes.Names.Values
            .Concat(Tongxin.Web.Features.Organizations.CommitteePosts.Names.Values)
            .Concat(Tongxin.Web.Infrastructure.Auth.Roles.Names.Values)
            .Concat(Tongxin.Web.Features.People.PersonLabels.RoleFilters.Values)
            .Concat(Tongxin.Web.Features.OrgLife.ActivityTypes.All.Select(t => t.Name))
            .Concat(Enum.GetValues<Tongxin.Web.Features.OrgLife.RulePeriod>().Select(p => Tongxin.Web.Features.OrgLife.ActivityTypes.PeriodName(p)))
            .Concat(Enum.GetValues<Tongxin.Web.Features.OrgLife.ActivityStatus>().Select(s => Tongxin.Web.Features.OrgLife.ActivityTypes.DisplayName(s)))
            .Concat(Enum.GetValues<Tongxin.Web.Features.OrgLife.LeaveStatus>().Skip(1).Select(s => Tongxin.Web.Features.OrgLife.ActivityTypes.DisplayName(s)))
            .Concat(Enum.GetValues<Tongxin.Web.Features.OrgLife.Rag>().Select(Tongxin.Web.Features.OrgLife.ComplianceModel.RagName))
            .Concat(Enum.GetValues<Tongxin.Web.Features.Duty.DutyFact>().Select(Tongxin.Web.Features.Duty.DutyScore.Name));
        Assert.Empty(labels.Where(l => !en.ContainsKey(l)));
    }
}
