namespace Tongxin.Web.Features.Dashboard;

/// <summary>What an alert kind is called and where its records are, said once for the 工作台's counts and its list.</summary>
public static class AlertKinds
{
    public static (string Name, string Link) Of(string kind) => kind switch
    {
        "missing" => ("未按期召开", "/OrgLife/Compliance"),
        "term" => ("换届", "/Organizations"),
        Duty.RaiseFiveOneReminders.Kind => ("五个一", "/Duty/FiveOne"),
        Proposals.RaiseOverdueAlerts.Kind => ("提案超期", "/Proposals"),
        _ => ("未记录纪实", "/Todo"),
    };
}
