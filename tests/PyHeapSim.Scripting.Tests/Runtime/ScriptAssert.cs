using NUnit.Framework;
using PyHeapSim.Profiles;
using PyHeapSim.Scripting;

namespace PyHeapSim.Scripting.Tests.Runtime;

/// <summary>Runs a script and returns what it printed.</summary>
internal static class Script
{
    public static (string Stdout, string Stderr, int ExitCode) Run(string source, PythonVersion version)
    {
        var stdout = new StringWriter { NewLine = "\n" };
        var stderr = new StringWriter { NewLine = "\n" };
        ScriptResult r = ScriptRunner.Run(source.Replace("\r\n", "\n"), "test.py", PythonProfiles.For(version), stdout, stderr);
        return (stdout.ToString(), stderr.ToString(), r.ExitCode);
    }

    public static string Output(string source, PythonVersion version)
    {
        (string o, string e, int rc) = Run(source, version);
        if (rc != 0) Assert.Fail($"exit {rc}\n{o}\n--- stderr ---\n{e}");
        return o;
    }
}
