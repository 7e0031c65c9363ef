using Eipnet.DataPlane.Linux;

namespace Eipnet.DataPlane.Tests.Linux;

public sealed class DesiredStateTests
{
    [Fact]
    public void Apply_DropsWhatIsNotListed_WhenFull()
    {
        var state = new DesiredState();
        state.Apply(Make.Full(1, [], [Make.Eni("eni-a", null, ["10.0.0.5"])], []));

        var touched = state.Apply(Make.Full(2, [], [Make.Eni("eni-b", null, ["10.0.0.6"])], []));

        Assert.Equal(["eni-b"], state.NetworkInterfaces.Keys);
        Assert.Contains(new ResourceKey(ResourceKind.Eni, "eni-a"), touched);
        Assert.Contains(new ResourceKey(ResourceKind.Eni, "eni-b"), touched);
        Assert.Equal(2, state.Revision);
    }

    [Fact]
    public void Apply_UpsertsListedAndDeletesRemoved_WhenPartial()
    {
        var state = new DesiredState();
        state.Apply(Make.Full(1, [], [Make.Eni("eni-a", null, ["10.0.0.5"]), Make.Eni("eni-b", null, ["10.0.0.6"])], []));

        var touched = state.Apply(Make.Partial(2, enis: [Make.Eni("eni-c", null, ["10.0.0.7"])], removed: [new RemovedResource(ResourceKind.Eni, "eni-a")]));

        Assert.Equal(["eni-b", "eni-c"], state.NetworkInterfaces.Keys);
        Assert.Equal([new ResourceKey(ResourceKind.Eni, "eni-a"), new ResourceKey(ResourceKind.Eni, "eni-c")], touched);
    }
}
