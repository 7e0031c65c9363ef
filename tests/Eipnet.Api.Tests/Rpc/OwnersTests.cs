using Eipnet.Api.Rpc;

namespace Eipnet.Api.Tests.Rpc;

public sealed class OwnersTests
{
    [Fact]
    public void NumericId_Has16DigitsBelow2To53_SoJavaScriptClientsReadItExactly()
    {
        for (var i = 0; i < 10_000; i++)
        {
            var id = Owners.NumericId("acc-" + Guid.NewGuid().ToString("N"));
            Assert.InRange(id, 1_000_000_000_000_000L, (1L << 53) - 1);
        }
    }
}
