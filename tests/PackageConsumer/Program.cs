// A user of the PyHeapSim NuGet package: the README's first example, checked by .ci/run.
using PyHeapSim;
using PyHeapSim.Profiles;

var heap = new PyHeap(PythonProfiles.Py311);
PyRef a = heap.NewList();
heap.IncRef(a);           // b = a
PyRef b = a;
heap.DecRef(a);           // a = None
long refcount = heap.GetRefCount(b);
heap.DecRef(b);
heap.Verify();
Console.WriteLine($"sys.getrefcount(b) = {refcount}");
return refcount == 2 ? 0 : 1;
