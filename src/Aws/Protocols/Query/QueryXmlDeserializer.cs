using System.Collections;
using System.Xml;
using System.Xml.Linq;

namespace Skyforge.Aws.Protocols.Query;

/// <summary>
/// Reads an awsQuery XML answer into a response record: the <c>&lt;Op&gt;Result</c> element's children map to
/// properties by name (namespaces ignored); list elements hold one child per item whatever its name.
/// </summary>
internal static class QueryXmlDeserializer
{
    /// <exception cref="FormatException">The body is not the expected XML.</exception>
    public static T ReadResult<T>(byte[] body, string operation)
        where T : new()
    {
        XElement root;
        try
        {
            using var stream = new MemoryStream(body);
            root = XDocument.Load(stream).Root ?? throw new FormatException("Empty XML document.");
        }
        catch (XmlException exception)
        {
            throw new FormatException("The answer is not XML.", exception);
        }
        var result = root.Elements().FirstOrDefault(element => element.Name.LocalName == operation + "Result");
        return result is null ? new T() : (T)ReadStructure(result, typeof(T));
    }

    private static object ReadStructure(XElement element, Type type)
    {
        var instance = Activator.CreateInstance(type)
            ?? throw new FormatException($"Cannot create {type.Name}.");
        foreach (var property in QueryProperty.Of(type))
        {
            if (property.Property.SetMethod is null)
            {
                continue;
            }
            var child = element.Elements().FirstOrDefault(candidate => candidate.Name.LocalName == property.Name);
            if (child is not null)
            {
                property.Property.SetValue(instance, ReadValue(child, property.Property.PropertyType));
            }
        }
        return instance;
    }

    private static object ReadValue(XElement element, Type type)
    {
        if (QueryScalars.IsScalar(type))
        {
            return QueryScalars.Parse(element.Value, type);
        }
        if (ListItemType(type) is { } itemType)
        {
            var list = (IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(itemType))!;
            foreach (var item in element.Elements())
            {
                list.Add(ReadValue(item, itemType));
            }
            return list;
        }
        return ReadStructure(element, type);
    }

    private static Type? ListItemType(Type type)
    {
        if (type == typeof(string) || !type.IsGenericType)
        {
            return null;
        }
        var definition = type.GetGenericTypeDefinition();
        return definition == typeof(IReadOnlyList<>) || definition == typeof(List<>) || definition == typeof(IList<>) || definition == typeof(IEnumerable<>)
            ? type.GetGenericArguments()[0]
            : null;
    }
}
