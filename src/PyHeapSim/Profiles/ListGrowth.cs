namespace PyHeapSim.Profiles;

/// <summary>How <c>list_resize</c> computes the new capacity (cpython-facts §2.1).</summary>
public enum ListGrowth
{
    /// <summary>3.8: <c>n + (n &gt;&gt; 3) + (n &lt; 9 ? 3 : 6)</c>.</summary>
    Classic,
    /// <summary>3.9+ (bpo-38373): <c>(n + (n &gt;&gt; 3) + 6) &amp; ~3</c>, exact-ish on big jumps.</summary>
    RoundedToFour,
}
