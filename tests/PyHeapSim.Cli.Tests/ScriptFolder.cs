namespace PyHeapSim.Cli.Tests;

/// <summary>A fresh temporary folder for scripts and trace files, deleted on dispose.</summary>
internal sealed class ScriptFolder : IDisposable
{
    public ScriptFolder()
    {
        Path = Directory.CreateTempSubdirectory("pyheapsim-cli-tests-").FullName;
    }

    /// <summary>The folder's absolute path.</summary>
    public string Path { get; }

    /// <summary>Writes <paramref name="source"/> (UTF-8, no BOM) to <paramref name="name"/> in the folder and returns its path.</summary>
    public string Write(string name, string source)
    {
        string path = PathOf(name);
        File.WriteAllText(path, source);
        return path;
    }

    /// <summary>The absolute path of <paramref name="name"/> in the folder (the file need not exist).</summary>
    public string PathOf(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
