using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using IncidentBot.Core.Incidents;

namespace IncidentBot.Core.Tests.Architecture;

/// <summary>DESIGN.md §3: Core is the domain, BCL only — no packages, no IO, no logging, no wall clock.</summary>
public sealed class CoreDependencyTests
{
    private static Assembly Core { get; } = typeof(Incident).Assembly;

    [Fact]
    public void Core_references_nothing_outside_the_base_class_library()
    {
        var outside = Core.GetReferencedAssemblies()
            .Select(a => a.Name!)
            .Where(name => !name.StartsWith("System", StringComparison.Ordinal) && name is not "netstandard" and not "mscorlib")
            .ToList();

        Assert.Empty(outside);
    }

    /// <summary>
    /// File, network and console types live in the same framework assemblies as everything else, so the
    /// assembly list cannot show IO: the type references compiled into Core can.
    /// </summary>
    [Fact]
    public void Core_uses_no_file_network_database_console_or_process_type()
    {
        string[] forbidden = ["System.IO.File", "System.IO.Directory", "System.IO.FileStream", "System.IO.Path", "System.Net.", "System.Data.", "System.Console", "System.Diagnostics.Process", "System.Threading.Timer", "System.Environment"];

        var used = TypeReferences().Where(t => forbidden.Any(f => t.StartsWith(f, StringComparison.Ordinal))).ToList();

        Assert.Empty(used);
    }

    [Fact]
    public void The_checks_see_the_real_references()
    {
        Assert.Contains("System.Runtime", Core.GetReferencedAssemblies().Select(a => a.Name));
        Assert.Contains("System.TimeProvider", TypeReferences());
        Assert.Contains("System.TimeZoneInfo", TypeReferences());
    }

    private static IReadOnlyList<string> TypeReferences()
    {
        using var stream = File.OpenRead(Core.Location);
        using var pe = new PEReader(stream);
        var reader = pe.GetMetadataReader();
        return
        [
            .. reader.TypeReferences
                .Select(reader.GetTypeReference)
                .Select(t => $"{reader.GetString(t.Namespace)}.{reader.GetString(t.Name)}"),
        ];
    }
}
