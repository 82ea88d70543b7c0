namespace PyHeapSim.Profiles;

/// <summary>Where an instance of a plain Python class keeps its attributes (cpython-facts §1.3, §3.4).</summary>
public enum InstanceDictLayout
{
    /// <summary>3.8–3.10: <c>__dict__</c> and <c>__weakref__</c> pointers in the object body; the dict is a
    /// real object created at the first attribute store, split over the class's cached keys (PEP 412).</summary>
    DictInBody,
    /// <summary>3.11: values array and dict pointer in a pre-header; weakref pointer in the body.</summary>
    PreHeaderValues,
    /// <summary>3.12: dict-or-values and weakref list both in the pre-header; empty body.</summary>
    PreHeaderDictAndWeakref,
    /// <summary>3.13: like 3.12, with the attribute values stored inline after the object.</summary>
    InlineValues,
}
