namespace PyHeapSim.Objects.Stores;

/// <summary>Payload of a weak reference: the referent (not owned; 0 once cleared) and the callback (owned).</summary>
internal sealed class WeakRefData
{
    public int Referent;
    public int Callback;

    /// <summary><c>wr->hash</c>: the referent's hash once computed (kept after the referent dies), else -1.</summary>
    public long Hash = -1;
}
