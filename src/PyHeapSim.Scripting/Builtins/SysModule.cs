using PyHeapSim.Objects;
using PyHeapSim.Objects.Types;
using PyHeapSim.Scripting.Runtime;

namespace PyHeapSim.Scripting.Builtins;

/// <summary>The <c>sys</c> module (<c>Python/sysmodule.c</c>) as far as the subset needs it.</summary>
internal static class SysModule
{
    public static void Register(Interpreter interp)
    {
        int m = interp.NewModule("sys");
        // sys_getrefcount_impl: Py_REFCNT(arg); the caller's stack holds the argument's reference.
        interp.ModuleDef(m, "getrefcount", (i, a, k) => i.NewSizeInt(i.Heap.T.RefCount(BuiltinsModule.One(i, "sys", "getrefcount", a))));
        interp.ModuleDef(m, "getsizeof", GetSizeOf);
        interp.ModuleDef(m, "intern", (i, a, k) =>
        {
            int s = BuiltinsModule.One(i, "sys", "intern", a);
            if (i.Kind(s) != TypeKind.Str) i.Raise("TypeError", $"intern() argument must be str, not {i.TypeName(s)}");
            return i.Heap.InternExisting(i.NewRef(s));
        });
        interp.ModuleDef(m, "getallocatedblocks", (i, a, k) => i.NewSizeInt(i.Heap.Memory.AllocatedBlocks));
        interp.ModuleDef(m, "exit", (i, a, k) =>
        {
            int type = i.Types.ExceptionType("SystemExit");
            int exc = Exceptions.NewInstance(i, type, a.Length > 0 ? [a[0]] : []);
            throw new PyException(exc, "SystemExit", a.Length > 0 ? i.Str(a[0]) : "");
        });
        string[] parts = interp.Profile.Name.Split('.');
        int major = interp.NewInt(int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture));
        int minor = interp.NewInt(int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture));
        int micro = interp.NewInt(0);
        int level = interp.NewStr("final");
        int serial = interp.NewInt(0);
        int versionInfo = interp.NewTupleStealing([major, minor, micro, level, serial]);
        interp.ModuleSet(m, "version_info", versionInfo);
        interp.DecRef(versionInfo);
        Set(interp, m, "version", interp.NewStr(interp.Profile.Name));
        Set(interp, m, "maxsize", interp.NewInt(long.MaxValue));
        Set(interp, m, "byteorder", interp.NewStr("little"));
        Set(interp, m, "platform", interp.NewStr("linux"));
    }

    private static void Set(Interpreter interp, int module, string name, int value)
    {
        interp.ModuleSet(module, name, value);
        interp.DecRef(value);
    }

    private static int GetSizeOf(Interpreter interp, ReadOnlySpan<int> args, KeywordArguments kw)
    {
        // sys_getsizeof parses "O|O:getsizeof" with keywords (PyArg_ParseTupleAndKeywords), all versions.
        if (args.Length == 0 && kw.Get("object") == 0) interp.Raise("TypeError", "getsizeof() missing required argument 'object' (pos 1)");
        if (args.Length > 2) interp.Raise("TypeError", $"getsizeof() takes at most 2 arguments ({args.Length} given)");
        int o = args.Length > 0 ? args[0] : kw.Get("object");
        if (interp.Kind(o) == TypeKind.Instance)
        {
            int method = interp.LookupSpecial(o, "__sizeof__");
            if (method != 0)
            {
                int r;
                try
                {
                    r = interp.CallMethod(method, o, []);
                }
                finally
                {
                    interp.DecRef(method);
                }
                long size = BuiltinsModule.IntArg(interp, r);
                interp.DecRef(r);
                long gc = interp.Heap.Profile.Layout.GcHeaderSize + interp.Heap.T.TypeInfoOf(o).PreHeaderSize;
                return interp.NewSizeInt(size + gc);
            }
        }
        return interp.NewSizeInt(ObjectModel.GetSizeOf(interp.Heap, o));
    }
}
