using FluentAssertions;
using NUnit.Framework;
using PyHeapSim.Profiles;
using PyHeapSim.Tracing;

namespace PyHeapSim.Scripting.Tests.Runtime;

/// <summary>The heap events a run reports (what <c>pyheapsim run --trace</c> writes) and its statistics.</summary>
public sealed class TracingTests
{
    private sealed class Recorder : IHeapObserver
    {
        public List<HeapEvent> Events { get; } = [];

        public void OnEvent(in HeapEvent e) => Events.Add(e);
    }

    [TestCase(PythonVersion.Py38)]
    [TestCase(PythonVersion.Py313)]
    public void SelfReferencingList_AllocatedThenCollected_EventsInOrder(PythonVersion v)
    {
        var rec = new Recorder();
        var stdout = new StringWriter { NewLine = "\n" };
        ScriptResult r = ScriptRunner.Run("import gc\na = [1, 2]\na.append(a)\ndel a\nprint(gc.collect())\n", "t.py",
            PythonProfiles.For(v), stdout, TextWriter.Null, observer: rec);
        r.ExitCode.Should().Be(0);
        stdout.ToString().Should().Be("1\n");
        HeapEvent start = rec.Events.First(e => e.Kind == HeapEventKind.CollectionStart);
        HeapEvent end = rec.Events.First(e => e.Kind == HeapEventKind.CollectionEnd);
        end.Count.Should().Be(1);
        // The self-referencing list dies inside the collection, and it is the list the script allocated.
        HeapEvent freed = rec.Events.Should().ContainSingle(e => e.Kind == HeapEventKind.Free && e.TypeName == "list"
            && e.Sequence > start.Sequence && e.Sequence < end.Sequence).Subject;
        rec.Events.Should().Contain(e => e.Kind == HeapEventKind.Allocate && e.Slot == freed.Slot && e.Stamp == freed.Stamp
            && e.Sequence < start.Sequence);
        r.Statistics.Collections[2].Should().BeGreaterThanOrEqualTo(1);
        r.Statistics.ObjectsAllocated.Should().BeGreaterThan(0);
        r.Statistics.PeakBytes.Should().BeGreaterThanOrEqualTo(r.Statistics.BytesAtEnd);
    }
}
