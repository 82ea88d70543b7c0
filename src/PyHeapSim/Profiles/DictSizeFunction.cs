namespace PyHeapSim.Profiles;

/// <summary>How a dict picks its index-table size from a minimum (cpython-facts §3.3).</summary>
public enum DictSizeFunction
{
    /// <summary>3.8–3.9: the smallest power of two ≥ the minimum, at least 8 (loop in <c>dictresize</c>).</summary>
    PowerOfTwoLoop,
    /// <summary>3.10+: <c>calculate_log2_keysize</c>, 2^bitlen(((m | 8) − 1) | 7): 16 for 1 ≤ m ≤ 7, 2m for powers of two ≥ 16.</summary>
    BitLengthTrick,
}
