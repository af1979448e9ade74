using ApimLint.Model;

namespace ApimLint.Tests.Model;

public sealed class ProductVersionTests
{
    [Theory]
    [InlineData("2.6.0", "2.6.0")]
    [InlineData(" 2.1.0-update5 ", "2.1.0")]
    [InlineData("2.5", "2.5.0")]
    [InlineData("4.2.0-SNAPSHOT", "4.2.0")]
    [InlineData("\t2.6.", "2.6.0")]
    [InlineData("2.12345.6", "2.1234.0")]
    [InlineData("2.6.12345", "2.6.1234")]
    public void Reads_the_release_a_version_starts_with(string text, string expected) =>
        Assert.Equal(expected, ProductVersion.Parse(text).ToString());

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("${product.version}")]
    [InlineData("two")]
    [InlineData("12345.6.0")]
    [InlineData("2")]
    [InlineData("٢.٦.٠")]
    public void A_text_naming_no_release_gives_none(string? text) => Assert.Null(ProductVersion.Parse(text));

    [Theory]
    [InlineData("2.0.0", true)]
    [InlineData("2.6.3", true)]
    [InlineData("1.10.0", false)]
    [InlineData("2.7.0", false)]
    [InlineData("3.2.0", false)]
    public void Api_manager_2_covers_2_0_to_every_2_6_patch(string version, bool covered) =>
        Assert.Equal(covered, VersionRange.ApiManager2.Contains(ProductVersion.Parse(version)!.Value));

    [Fact]
    public void A_rule_checks_a_deployment_whose_release_is_unknown()
    {
        var descriptor = new ApimLint.Diagnostics.RuleDescriptor("APIM999", "some-rule", ApimLint.Diagnostics.RuleCategory.Input, ApimLint.Diagnostics.Severity.Error, "S.", "E");
        Assert.True(descriptor.AppliesTo((ProductVersion?)null));
        Assert.False(descriptor.AppliesTo(ProductVersion.Parse("3.2.0")));
        Assert.Equal("API-M 2.0–2.6", descriptor.Versions.ToString());
    }
}
