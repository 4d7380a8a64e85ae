namespace Tongxin.Web.Features.People;

public static class PersonLabels
{
    public static string Party(PartyStatus s) => s switch
    {
        PartyStatus.Full => "正式党员", PartyStatus.Probationary => "预备党员", _ => "",
    };

    public static string Gender(Gender g) => g switch { People.Gender.Male => "男", People.Gender.Female => "女", _ => "" };

    /// <summary>Role filters offered in lists, exports and the API.</summary>
    public static readonly IReadOnlyDictionary<string, string> RoleFilters = new Dictionary<string, string>
    {
        ["party"] = "党员", ["full"] = "正式党员", ["probationary"] = "预备党员", ["retired"] = "离退休党员",
        ["cppcc"] = "政协委员", ["cpc-cppcc"] = "党员委员", ["non-cpc-cppcc"] = "党外委员", ["standing"] = "常委",
        ["staff"] = "机关干部", ["young"] = "年轻干部", ["dual"] = "参加双重组织生活",
    };
}
