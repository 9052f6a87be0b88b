using Bedarfsanalyse.Core.Establishments;

namespace Bedarfsanalyse.Tests.Establishments;

public sealed class SizeClassTests
{
    [Theory]
    [InlineData(1, "1-9")]
    [InlineData(9, "1-9")]
    [InlineData(10, "10-49")]
    [InlineData(49, "10-49")]
    [InlineData(50, "50-249")]
    [InlineData(249, "50-249")]
    [InlineData(250, "250+")]
    [InlineData(12000, "250+")]
    public void The_size_class_follows_from_the_exact_headcount(int headcount, string expected)
    {
        SizeClass.Of(headcount)!.Code.ShouldBe(expected);
    }

    [Fact]
    public void A_headcount_below_one_has_no_size_class()
    {
        SizeClass.Of(0).ShouldBeNull();
    }
}
