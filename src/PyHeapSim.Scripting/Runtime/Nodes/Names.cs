using PyHeapSim.Objects.Types;

namespace PyHeapSim.Scripting.Runtime.Nodes;

/// <summary><c>LOAD_FAST</c>: a local of a function.</summary>
internal sealed class LocalLoad(int index, string name) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f)
    {
        int v = f.Locals[index];
        if (v == 0) I.RaiseUnboundLocal(name);
        I.IncRef(v);
        return v;
    }
}

/// <summary><c>STORE_FAST</c>/<c>DELETE_FAST</c>.</summary>
internal sealed class LocalTarget(int index, string name) : TargetNode
{
    public override void Store(Interpreter I, Frame f, int value)
    {
        int old = f.Locals[index];
        f.Locals[index] = value;
        I.XDecRef(old);
    }

    public override void Delete(Interpreter I, Frame f)
    {
        int old = f.Locals[index];
        if (old == 0) I.RaiseUnboundLocal(name);
        f.Locals[index] = 0;
        I.DecRef(old);
    }
}

/// <summary><c>LOAD_DEREF</c>: a cell variable of this function (local index) or a free variable (free index).</summary>
internal sealed class CellLoad(int index, bool free, string name) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f)
    {
        int cell = free ? f.Frees[index] : f.Locals[index];
        int v = cell == 0 ? 0 : GenericType.Data(I.Heap, cell).Refs[0];
        if (v == 0)
        {
            if (free) I.Raise("NameError", $"free variable '{name}' referenced before assignment in enclosing scope");
            I.RaiseUnboundLocal(name);
        }
        I.IncRef(v);
        return v;
    }
}

/// <summary><c>STORE_DEREF</c>/<c>DELETE_DEREF</c>.</summary>
internal sealed class CellTarget(int index, bool free, string name) : TargetNode
{
    public override void Store(Interpreter I, Frame f, int value)
    {
        int cell = free ? f.Frees[index] : f.Locals[index];
        GenericType.SetRef(I.Heap, cell, 0, value);
        I.DecRef(value);
    }

    public override void Delete(Interpreter I, Frame f)
    {
        int cell = free ? f.Frees[index] : f.Locals[index];
        if (GenericType.Data(I.Heap, cell).Refs[0] == 0) I.RaiseUnboundLocal(name);
        GenericType.SetRef(I.Heap, cell, 0, 0);
    }
}

/// <summary><c>LOAD_GLOBAL</c>: module namespace, then builtins.</summary>
internal sealed class GlobalLoad(int nameSlot, string name) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f)
    {
        int v = DictType.GetItem(I.Heap, f.Globals, nameSlot);
        if (v == 0 && !I.Builtins.TryGetValue(name, out v)) I.Raise("NameError", $"name '{name}' is not defined");
        I.IncRef(v);
        return v;
    }
}

/// <summary><c>LOAD_NAME</c>: the block's namespace (class body or module), then globals, then builtins.</summary>
internal sealed class NameLoad(int nameSlot, string name) : ExpressionNode
{
    public override int Eval(Interpreter I, Frame f)
    {
        int v = DictType.GetItem(I.Heap, f.Names, nameSlot);
        if (v == 0 && f.Names != f.Globals) v = DictType.GetItem(I.Heap, f.Globals, nameSlot);
        if (v == 0 && !I.Builtins.TryGetValue(name, out v)) I.Raise("NameError", $"name '{name}' is not defined");
        I.IncRef(v);
        return v;
    }
}

/// <summary><c>STORE_NAME</c>/<c>STORE_GLOBAL</c> and the deletes: a dict namespace.</summary>
internal sealed class DictNameTarget(int nameSlot, string name, bool global) : TargetNode
{
    public override void Store(Interpreter I, Frame f, int value)
    {
        DictType.SetItem(I.Heap, global ? f.Globals : f.Names, nameSlot, value);
        I.DecRef(value);
    }

    public override void Delete(Interpreter I, Frame f)
    {
        if (!DictType.DelItem(I.Heap, global ? f.Globals : f.Names, nameSlot)) I.Raise("NameError", $"name '{name}' is not defined");
    }
}
