namespace PyHeapSim.Objects.Stores;

/// <summary>Payload of a weak reference: the referent (not owned; 0 once cleared) and the callback (owned).</summary>
internal sealed class WeakRefData
{
    public int Referent;
    public int Callback;
}
