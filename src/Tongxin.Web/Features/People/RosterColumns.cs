namespace Tongxin.Web.Features.People;

/// <summary>The roster spreadsheet layout shared by the template, the import and the export.</summary>
public static class RosterColumns
{
    public const string Name = "姓名";
    public const string Gender = "性别";
    public const string IdNumber = "身份证号";
    public const string BirthDate = "出生日期";
    public const string Phone = "手机号";
    public const string Org = "所在组织";
    public const string PartyGroup = "党小组";
    public const string PartyStatus = "党员身份";
    public const string JoinedDate = "入党日期";
    public const string FullDate = "转正日期";
    public const string Retired = "离退休";
    public const string Cppcc = "政协委员";
    public const string Sector = "界别";
    public const string SpecialCommittee = "专委会";
    public const string Standing = "常委";
    public const string Affiliation = "党派";
    public const string StaffPost = "机关职务";
    public const string YoungCadre = "年轻干部";

    public static readonly string[] All =
    [
        Name, Gender, IdNumber, BirthDate, Phone, Org, PartyGroup, PartyStatus, JoinedDate, FullDate, Retired,
        Cppcc, Sector, SpecialCommittee, Standing, Affiliation, StaffPost, YoungCadre,
    ];

    public static readonly string[] Required = [Name, Org];
}
