namespace PyHeapSim.Scripting.Runtime.Nodes;

/// <summary>How a statement finished: normally, or by a jump the enclosing construct handles.</summary>
internal enum Flow
{
    Normal,
    Break,
    Continue,
    Return,
}

/// <summary>A compiled expression. <see cref="Eval"/> returns a new reference (what CPython pushes on its value stack).</summary>
internal abstract class ExpressionNode
{
    public int Line;

    public abstract int Eval(Interpreter I, Frame f);
}

/// <summary>A compiled statement.</summary>
internal abstract class StatementNode
{
    public int Line;

    public abstract Flow Exec(Interpreter I, Frame f);
}

/// <summary>Something that can be bound, deleted and (for augmented assignment) read: names, attributes, subscripts, tuples.</summary>
internal abstract class TargetNode
{
    public int Line;

    /// <summary>Binds the target, taking over (stealing) the reference <paramref name="value"/>.</summary>
    public abstract void Store(Interpreter I, Frame f, int value);

    /// <summary><c>del target</c>.</summary>
    public abstract void Delete(Interpreter I, Frame f);
}
