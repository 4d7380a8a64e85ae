using Tongxin.Web.Shared;

namespace Tongxin.Tests.Unit;

public class IdNumberTests
{
    [Theory]
    [InlineData("11010519491231002X")] // the GB 11643 example
    [InlineData("440524188001010014")]
    public void Validate_WithCorrectCheckDigit_Accepts(string id) => Assert.Null(IdNumber.Validate(id));

    [Fact]
    public void Validate_LowerCaseX_IsAcceptedAfterNormalising() => Assert.Null(IdNumber.Validate("11010519491231002x"));

    [Theory]
    [InlineData("110105194912310021", "身份证号校验位错误")]
    [InlineData("11010519491231002", "身份证号应为18位")]
    [InlineData("1101051949123100AX", "身份证号前17位应为数字")]
    [InlineData("110105194913310025", "身份证号中的出生日期无效")]
    public void Validate_BadNumber_GivesChineseReason(string id, string reason) => Assert.Equal(reason, IdNumber.Validate(id));

    [Fact]
    public void CheckDigit_MatchesWeightedSumModulo11()
    {
        Assert.Equal('X', IdNumber.CheckDigit("11010519491231002"));
        Assert.Equal('4', IdNumber.CheckDigit("44052418800101001"));
    }

    [Fact]
    public void Mask_KeepsFirstThreeAndLastFour() => Assert.Equal("110***********1234", IdNumber.Mask("110105199001011234"));

    [Fact]
    public void BirthDate_IsReadFromPositions7To14() =>
        Assert.Equal(new DateOnly(1949, 12, 31), IdNumber.BirthDate("11010519491231002X"));
}
