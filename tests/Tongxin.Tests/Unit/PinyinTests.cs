using Tongxin.Web.Shared;

namespace Tongxin.Tests.Unit;

public class PinyinTests
{
    [Theory]
    [InlineData("张三", "zs")]
    [InlineData("李建国", "ljg")]
    [InlineData("欧阳晓东", "oyxd")]
    [InlineData("王琪", "wq")]
    [InlineData("Tom李", "toml")]
    public void Initials_OfChineseNames(string name, string expected) => Assert.Equal(expected, Pinyin.Initials(name));
}
