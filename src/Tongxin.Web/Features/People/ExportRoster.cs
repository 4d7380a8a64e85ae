using Tongxin.Web.Infrastructure.Excel;

namespace Tongxin.Web.Features.People;

public static class ExportRoster
{
    public static readonly string[] Headers =
    [
        RosterColumns.Name, RosterColumns.Gender, RosterColumns.IdNumber, RosterColumns.Phone, RosterColumns.Org,
        RosterColumns.PartyStatus, RosterColumns.JoinedDate, RosterColumns.Retired, RosterColumns.Cppcc,
        RosterColumns.Sector, RosterColumns.Standing, RosterColumns.Affiliation, RosterColumns.StaffPost, RosterColumns.YoungCadre,
    ];

    static string YesNo(bool b) => b ? "是" : "否";

    public static async IAsyncEnumerable<IReadOnlyList<string?>> Rows(IAsyncEnumerable<ListPeople.Row> rows)
    {
        await foreach (var r in rows)
            yield return [r.Name, PersonLabels.Gender(r.Gender), r.IdNumber, r.Phone, r.OrgName, PersonLabels.Party(r.PartyStatus),
                r.JoinedDate?.ToString("yyyy-MM-dd"), YesNo(r.IsRetired), YesNo(r.IsCppccMember), r.Sector,
                YesNo(r.IsStandingCommittee), r.Affiliation, r.StaffPost, YesNo(r.IsYoungCadre)];
    }

    /// <summary>The import template: headers (required ones starred) and one example row.</summary>
    public static async Task<string> TemplateAsync()
    {
        var headers = RosterColumns.All.Select(h => RosterColumns.Required.Contains(h) ? h + "*" : h).ToList();
        return await XlsxWriter.WriteAsync("花名册", headers, Example());

        static async IAsyncEnumerable<IReadOnlyList<string?>> Example()
        {
            await Task.CompletedTask;
            yield return ["张三", "男", Tongxin.Web.Shared.IdNumber.WithCheckDigit("11010519900101123"),
                "", "13800000000", "第一党支部", "", "正式党员", "2019-07-01", "2020-07-01", "否", "否", "", "", "否", "", "科员", "是"];
        }
    }
}
