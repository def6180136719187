using System.Reflection;

namespace DataTier.Tests.Deploy;

/// <summary>An <see cref="IIncomingGrainCallContext"/> whose <c>Invoke</c> runs a callback; every other member throws.</summary>
public class FakeGrainCallContext : DispatchProxy
{
    public Action OnInvoke { get; set; } = () => { };

    public static IIncomingGrainCallContext Create(Action onInvoke)
    {
        var context = DispatchProxy.Create<IIncomingGrainCallContext, FakeGrainCallContext>();
        ((FakeGrainCallContext)(object)context).OnInvoke = onInvoke;
        return context;
    }

    protected override object? Invoke(MethodInfo? targetMethod, object?[]? args)
    {
        if (targetMethod?.Name != nameof(IIncomingGrainCallContext.Invoke)) throw new NotSupportedException(targetMethod?.Name);
        OnInvoke();
        return Task.CompletedTask;
    }
}
