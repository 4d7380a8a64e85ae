using Tongxin.Web.Shared;

namespace Tongxin.Tests.Unit;

public class FlexibleDateTests
{
    [Theory]
    [InlineData("2019-07-01", 2019, 7, 1)]
    [InlineData("2019.7", 2019, 7, 1)]
    [InlineData("2019.07.15", 2019, 7, 15)]
    [InlineData("2019年7月", 2019, 7, 1)]
    [InlineData("2019年7月3日", 2019, 7, 3)]
    [InlineData("2019/7/1", 2019, 7, 1)]
    [InlineData("43647", 2019, 7, 1)]
    public void TryParse_AcceptedFormats(string text, int y, int m, int d)
    {
        Assert.True(FlexibleDate.TryParse(text, out var date, out var error), error);
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Fact]
    public void TryParse_ExcelSerialNumberCell_IsADate()
    {
        Assert.True(FlexibleDate.TryParse(43647d, out var date, out _));
        Assert.Equal(new DateOnly(2019, 7, 1), date);
    }

    [Theory]
    [InlineData("07/01/2019")]
    [InlineData("2019-13-01")]
    [InlineData("2019-02-30")]
    [InlineData("去年七月")]
    [InlineData("19.7")]
    public void TryParse_OtherFormats_AreRefusedInChinese(string text)
    {
        Assert.False(FlexibleDate.TryParse(text, out _, out var error));
        Assert.Contains("日期", error);
    }

    [Fact]
    public void TryParse_Empty_IsNoDate()
    {
        Assert.True(FlexibleDate.TryParse("  ", out var date, out _));
        Assert.Null(date);
    }
}
