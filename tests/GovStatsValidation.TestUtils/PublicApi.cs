using System.Reflection;
using System.Xml.Linq;

namespace GovStatsValidation.TestUtils;

/// <summary>
/// The declared public API of a shipped library: <c>PublicAPI.Shipped.txt</c> and <c>PublicAPI.Unshipped.txt</c> beside
/// its project, which Microsoft.CodeAnalysis.PublicApiAnalyzers checks on every build (RS0016: a public symbol not
/// declared; RS0017: a declared symbol gone). The test of each library makes sure that check is really switched on.
/// </summary>
public static class PublicApi
{
    /// <summary>
    /// What is wrong with the declaration of <paramref name="assembly"/>'s public API in <paramref name="projectDirectory"/>:
    /// the analyzer or a file not referenced by the project, or an exported type the files do not declare. Empty when fine.
    /// </summary>
    public static IReadOnlyList<string> Problems(Assembly assembly, string projectDirectory)
    {
        var problems = new List<string>();
        var name = assembly.GetName().Name!;
        var project = XDocument.Load(Path.Combine(projectDirectory, name + ".csproj"));
        if (!project.Descendants("PackageReference").Any(e => (string?)e.Attribute("Include") == "Microsoft.CodeAnalysis.PublicApiAnalyzers"))
        {
            problems.Add($"{name}.csproj does not reference Microsoft.CodeAnalysis.PublicApiAnalyzers");
        }

        var declared = new List<string>();
        foreach (var file in new[] { "PublicAPI.Shipped.txt", "PublicAPI.Unshipped.txt" })
        {
            var path = Path.Combine(projectDirectory, file);
            if (!project.Descendants("AdditionalFiles").Any(e => (string?)e.Attribute("Include") == file) || !File.Exists(path))
            {
                problems.Add($"{file} is missing or not an AdditionalFiles item of {name}.csproj");
                continue;
            }

            declared.AddRange(File.ReadAllLines(path));
        }

        // A type is declared by a line that is exactly its name (the analyzer's format: "Namespace.Type" or "static Namespace.Type").
        var types = declared.Select(l => l.StartsWith("static ", StringComparison.Ordinal) ? l["static ".Length..] : l)
            .Select(l => l.StartsWith("abstract ", StringComparison.Ordinal) ? l["abstract ".Length..] : l)
            .ToHashSet(StringComparer.Ordinal);
        foreach (var type in assembly.GetExportedTypes())
        {
            var full = type.FullName!.Replace('+', '.');
            var generic = full.IndexOf('`', StringComparison.Ordinal);
            if (generic >= 0)
            {
                full = full[..generic] + "<" + string.Join(", ", type.GetGenericArguments().Select(a => a.Name)) + ">";
            }

            if (!types.Contains(full))
            {
                problems.Add($"exported type {full} is not declared in PublicAPI.Shipped.txt or PublicAPI.Unshipped.txt");
            }
        }

        return problems;
    }
}
