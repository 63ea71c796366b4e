using System.Reflection;
using Publishing.Build;

namespace Publishing.Tests.Product;

/// <summary>
/// The build cache keys on the program's modules' ids (a change of code rebuilds every document). Nothing but
/// the code may go into them: the git commit the SDK stamps into the informational version by default would make
/// every commit — one that only edits content too — recompile the command and rebuild every document.
/// </summary>
public sealed class ProgramIdentityTests
{
    [Fact]
    public void The_assemblies_carry_no_git_commit()
    {
        foreach (var assembly in new[] { typeof(BuildCache).Assembly, typeof(Layout.DocumentRenderer).Assembly, typeof(Cli.PublishingCli).Assembly })
        {
            var version = assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()!.InformationalVersion;
            version.ShouldNotContain("+", Case.Sensitive, $"{assembly.GetName().Name}: {version}");
        }
    }
}
