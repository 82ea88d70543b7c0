using PyHeapSim.Scripting.Syntax.Ast;

namespace PyHeapSim.Scripting.Compilation;

/// <summary>What kind of code a scope compiles to (CPython's symtable block types).</summary>
internal enum ScopeKind
{
    Module,
    Function,
    Class,
}

/// <summary>
/// Names of one code block, resolved once at build time (CPython's <c>symtable.c</c>): which are fast
/// locals, which are cells shared with nested functions, which come from an enclosing function (free),
/// and which are global. Module and class scopes use name lookups (<c>LOAD_NAME</c>) instead.
/// </summary>
internal sealed class Scope
{
    public Scope(ScopeKind kind, string name, Scope? parent)
    {
        Kind = kind;
        Name = name;
        Parent = parent;
    }

    public ScopeKind Kind { get; }
    public string Name { get; }
    public Scope? Parent { get; }

    /// <summary>Names bound in this block (assignment, parameter, for target, def, class, import, except-as, del).</summary>
    public HashSet<string> Bound { get; } = new(StringComparer.Ordinal);

    /// <summary>Names declared <c>global</c>.</summary>
    public HashSet<string> Globals { get; } = new(StringComparer.Ordinal);

    /// <summary>Names declared <c>nonlocal</c>.</summary>
    public HashSet<string> Nonlocals { get; } = new(StringComparer.Ordinal);

    /// <summary>Names read in this block or in nested blocks that resolve through it.</summary>
    public HashSet<string> Used { get; } = new(StringComparer.Ordinal);

    /// <summary>Parameters, in order.</summary>
    public List<string> Parameters { get; } = [];

    /// <summary>Fast-local slots: parameters first, then other locals in first-binding order.</summary>
    public List<string> Locals { get; } = [];

    /// <summary>Locals that nested functions capture (cell variables).</summary>
    public HashSet<string> Cells { get; } = new(StringComparer.Ordinal);

    /// <summary>Names captured from enclosing functions (free variables), in order.</summary>
    public List<string> Frees { get; } = [];

    public List<Scope> Children { get; } = [];

    public bool IsFunction => Kind == ScopeKind.Function;

    public void Bind(string name)
    {
        if (Bound.Add(name) && IsFunction && !Globals.Contains(name) && !Nonlocals.Contains(name) && !Locals.Contains(name))
        {
            Locals.Add(name);
        }
    }

    public int LocalIndex(string name) => Locals.IndexOf(name);

    /// <summary>True when <paramref name="name"/> is a local of a function scope (fast or cell).</summary>
    public bool IsLocal(string name) => IsFunction && Bound.Contains(name) && !Globals.Contains(name) && !Nonlocals.Contains(name);

    /// <summary>Whether some enclosing function binds <paramref name="name"/> (so a nested read is free).</summary>
    public Scope? EnclosingFunctionBinding(string name)
    {
        for (Scope? s = Parent; s is not null; s = s.Parent)
        {
            if (s.Kind == ScopeKind.Class) continue;
            if (s.Kind == ScopeKind.Module) return null;
            if (s.IsLocal(name)) return s;
        }
        return null;
    }
}
