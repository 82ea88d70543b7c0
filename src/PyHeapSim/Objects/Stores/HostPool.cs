using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace PyHeapSim.Objects.Stores;

/// <summary>
/// A bounded LIFO of spare payload records (list, dict, instance data), so that a simulated object that comes
/// and goes costs no host allocation. Leaner than <see cref="Stack{T}"/> on the dealloc path: no version
/// counter, no clearing of the popped slot (the record is in use until it comes back, so keeping it reachable
/// from here changes nothing), and stores go through a ref, which skips the array covariance check.
/// </summary>
internal struct HostPool<T>(int limit) where T : class
{
    private T[] _items = new T[16];
    private int _count;

    /// <summary>Records kept now.</summary>
    public readonly int Count => _count;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool TryPop([NotNullWhen(true)] out T? item)
    {
        int n = _count - 1;
        if (n < 0)
        {
            item = null;
            return false;
        }
        item = Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_items), n);
        _count = n;
        return true;
    }

    /// <summary>Keeps <paramref name="item"/> unless the pool already holds its limit.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public void Push(T item)
    {
        int n = _count;
        if (n >= limit) return;
        if (n == _items.Length) Grow();
        Unsafe.Add(ref MemoryMarshal.GetArrayDataReference(_items), n) = item;
        _count = n + 1;
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    private void Grow() => Array.Resize(ref _items, Math.Min(_items.Length * 2, limit));
}
