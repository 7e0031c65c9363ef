using Eipnet.Api.Protocol;

namespace Eipnet.Api.Tests.Protocol;

public sealed class PercentEncodingTests
{
    [Theory]
    // decoded                               signing encoding                                                             source
    [InlineData("desc *!'()~ +/=&?#%中文",     "desc%20%2A%21%27%28%29~%20%2B%2F%3D%26%3F%23%25%E4%B8%AD%E6%96%87")]        // sdk-wire #5
    [InlineData("a b*!'()~中",                 "a%20b%2A%21%27%28%29~%E4%B8%AD")]                                             // sdk-wire #13
    [InlineData("spaces & symbols *!'()~+/=",  "spaces%20%26%20symbols%20%2A%21%27%28%29~%2B%2F%3D")]                          // sdk-wire #3
    [InlineData("2026-11-26T01:09:44Z",        "2026-11-26T01%3A09%3A44Z")]                                                   // sdk-wire #13
    [InlineData("FP+l2Mn5Q0ENzc16tJsSOME9qF4=", "FP%2Bl2Mn5Q0ENzc16tJsSOME9qF4%3D")]                                          // sdk-wire #11
    [InlineData("/",                           "%2F")]
    [InlineData("AZaz09-_.~",                  "AZaz09-_.~")]
    [InlineData("",                            "")]
    public void Encode_MatchesSdkEncoding(string value, string expected) =>
        Assert.Equal(expected, PercentEncoding.Encode(value));

    [Fact]
    public void Encode_UsesUpperCaseHex_ForEveryReservedAsciiByte()
    {
        var encoded = PercentEncoding.Encode("\u0001\n:@[]{}|\\^`\"<>\u007f");

        Assert.Equal("%01%0A%3A%40%5B%5D%7B%7D%7C%5C%5E%60%22%3C%3E%7F", encoded);
    }
}
