using Bedarfsanalyse.Core.Statistics.Distributions;

namespace Bedarfsanalyse.Tests.Statistics;

public sealed class DistributionTests
{
    [Theory]
    // Exact values: Γ(n) = (n − 1)!, Γ(1/2) = √π, Γ(3/2) = √π / 2.
    [InlineData(1.0, 0.0)]
    [InlineData(2.0, 0.0)]
    [InlineData(5.0, 3.1780538303479458)] // ln 24
    [InlineData(11.0, 15.104412573075516)] // ln 3,628,800
    [InlineData(0.5, 0.57236494292470008)] // ln √π
    [InlineData(1.5, -0.12078223763524522)] // ln (√π / 2)
    [InlineData(171.0, 706.57306224578735)] // ln 170!
    public void The_log_gamma_function_matches_exact_factorials(double x, double expected)
    {
        LogGamma.Of(x).ShouldBe(expected, 1e-13 * Math.Max(1.0, Math.Abs(expected)));
    }

    [Theory]
    // Normal quantiles as in any statistics textbook's table (more digits from the exact inverse error function).
    [InlineData(0.975, 1.959963984540054)]
    [InlineData(0.995, 2.5758293035489008)]
    [InlineData(0.9, 1.2815515655446004)]
    [InlineData(0.025, -1.959963984540054)]
    [InlineData(0.5, 0.0)]
    public void Normal_quantiles_match_the_tables(double p, double expected)
    {
        NormalDistribution.Quantile(p).ShouldBe(expected, 1e-12);
    }

    [Theory]
    // t(0.975; ν) as in every t table (e.g. Fisher & Yates, Statistical Tables), 15 digits
    // here from the exact inversion; the printed tables' three decimals are 12.706, 4.303, 3.182, 2.571, 2.262,
    // 2.228, 2.045, 2.042, 1.984.
    [InlineData(1, 12.7062047361747)]
    [InlineData(2, 4.30265272974946)]
    [InlineData(3, 3.18244630528371)]
    [InlineData(5, 2.57058183563632)]
    [InlineData(9, 2.26215716279821)]
    [InlineData(10, 2.22813885198627)]
    [InlineData(29, 2.0452296421327)]
    [InlineData(30, 2.04227245630124)]
    [InlineData(100, 1.98397151852355)]
    public void Student_t_quantiles_match_the_t_table(int degreesOfFreedom, double expected)
    {
        StudentTDistribution.Quantile(0.975, degreesOfFreedom).ShouldBe(expected, 1e-10);
        Math.Round(StudentTDistribution.Quantile(0.975, degreesOfFreedom), 3).ShouldBe(Math.Round(expected, 3));
    }

    [Fact]
    public void Student_t_quantiles_agree_with_the_closed_forms_for_one_and_two_degrees_of_freedom()
    {
        // ν = 1 is the Cauchy distribution, t = tan(π(p − 1/2)); ν = 2 has t = (2p − 1) / √(2p(1 − p)).
        foreach (var p in new[] { 0.6, 0.9, 0.975, 0.995, 0.9995 })
        {
            StudentTDistribution.Quantile(p, 1).ShouldBe(Math.Tan(Math.PI * (p - 0.5)), 1e-9 * Math.Tan(Math.PI * (p - 0.5)));
            StudentTDistribution.Quantile(p, 2).ShouldBe((2 * p - 1) / Math.Sqrt(2 * p * (1 - p)), 1e-10);
            StudentTDistribution.Quantile(1 - p, 2).ShouldBe(-(2 * p - 1) / Math.Sqrt(2 * p * (1 - p)), 1e-10);
        }
    }

    [Fact]
    public void The_t_quantile_approaches_the_normal_one_for_many_degrees_of_freedom()
    {
        StudentTDistribution.Quantile(0.975, 1e7).ShouldBe(1.959963984540054, 1e-6);
    }

    [Fact]
    public void Beta_quantiles_invert_the_distribution_function()
    {
        foreach (var (a, b) in new[] { (0.5, 0.5), (1.0, 1.0), (2.0, 30.0), (81.0, 183.0), (1000.0, 3.0), (0.5, 4.5) })
        {
            foreach (var p in new[] { 1e-6, 0.025, 0.5, 0.975 })
            {
                var x = BetaDistribution.Quantile(p, a, b);
                BetaDistribution.Cdf(x, a, b).ShouldBe(p, 1e-12 + 1e-10 * p);
            }
        }

        // Beta(1, 1) is uniform; Beta(a, 1) has F(x) = x^a.
        BetaDistribution.Quantile(0.3, 1, 1).ShouldBe(0.3, 1e-14);
        BetaDistribution.Quantile(0.3, 4, 1).ShouldBe(Math.Pow(0.3, 0.25), 1e-14);
    }

    [Fact]
    public void Binomial_probabilities_are_exact_sums_of_binomial_coefficients()
    {
        // P(Bin(10, 1/2) ≤ 1) = 11/1024, P(Bin(20, 1/2) ≤ 5) = 21,700/1,048,576.
        BinomialDistribution.Cdf(1, 10, 0.5).ShouldBe(11.0 / 1024.0, 1e-15);
        BinomialDistribution.Cdf(5, 20, 0.5).ShouldBe(21700.0 / 1048576.0, 1e-15);
        BinomialDistribution.Cdf(-1, 20, 0.5).ShouldBe(0.0);
        BinomialDistribution.Cdf(20, 20, 0.5).ShouldBe(1.0);
    }
}
