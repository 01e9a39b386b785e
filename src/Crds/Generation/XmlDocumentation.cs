using System.Reflection;
using System.Text;
using System.Xml.Linq;

namespace Skyforge.Crds.Generation;

/// <summary>Reads the compiler's XML documentation file so doc comments become schema descriptions.</summary>
public sealed class XmlDocumentation
{
    private readonly Dictionary<string, string> _summaries;

    private XmlDocumentation(Dictionary<string, string> summaries) => _summaries = summaries;

    /// <summary>Loads the documentation file that sits next to the assembly.</summary>
    /// <exception cref="FileNotFoundException">The build did not produce or copy the XML file.</exception>
    public static XmlDocumentation For(Assembly assembly)
    {
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        if (!File.Exists(path))
        {
            throw new FileNotFoundException(
                $"The XML documentation of {assembly.GetName().Name} is missing; build with GenerateDocumentationFile=true.", path);
        }
        var summaries = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var member in XDocument.Load(path).Descendants("member"))
        {
            var name = member.Attribute("name")?.Value;
            var summary = member.Element("summary");
            if (name is not null && summary is not null)
            {
                summaries[name] = Flatten(summary);
            }
        }
        return new XmlDocumentation(summaries);
    }

    public string? ForType(Type type) => _summaries.GetValueOrDefault("T:" + DocName(type));

    public string? ForProperty(PropertyInfo property) =>
        _summaries.GetValueOrDefault($"P:{DocName(property.DeclaringType!)}.{property.Name}");

    private static string DocName(Type type) =>
        (type.IsGenericType ? type.GetGenericTypeDefinition() : type).FullName!.Replace('+', '.');

    private static string Flatten(XElement summary)
    {
        var text = new StringBuilder();
        foreach (var node in summary.Nodes())
        {
            text.Append(node switch
            {
                XText t => t.Value,
                XElement { Name.LocalName: "see" or "seealso" } e => e.Attribute("cref")?.Value.Split('.').Last() ?? e.Attribute("langword")?.Value ?? e.Value,
                XElement e => e.Value,
                _ => "",
            });
        }
        return string.Join(' ', text.ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
    }
}
