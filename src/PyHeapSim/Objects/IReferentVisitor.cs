namespace PyHeapSim.Objects;

/// <summary>A visitor for <see cref="ObjectModel.Traverse{TVisitor}"/> (<c>visitproc</c>). Implement it on
/// a struct so the call is specialised and inlined, never an interface dispatch.</summary>
internal interface IReferentVisitor
{
    /// <summary>Visits one referent (never 0).</summary>
    void Visit(int referent);
}
