using System.Collections;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using Microsoft.Extensions.Configuration;

namespace IncidentBot.Tests.Ops;

/// <summary>
/// The environment-variable keys the options classes bind, found by reflection the way ConfigurationBinder walks
/// a type: an options class is a type named <c>*Options</c> with a <c>const string Section</c>; each public
/// settable property is a key (<c>Section__Property</c>), nested objects add segments, dictionaries add one segment
/// per key and collections one per index.
/// </summary>
internal static class OptionsKeys
{
    /// <summary>The assemblies that hold options classes.</summary>
    public static readonly string[] Assemblies =
        ["IncidentBot", "IncidentBot.Core", "IncidentBot.Slack", "IncidentBot.Discord", "IncidentBot.Storage", "IncidentBot.Alerts"];

    public static IReadOnlyList<Type> OptionsTypes() =>
        Assemblies.Select(Assembly.Load).SelectMany(OptionsTypesIn).ToList();

    public static IEnumerable<Type> OptionsTypesIn(Assembly assembly) =>
        assembly.GetTypes().Where(t => t.Name.EndsWith("Options", StringComparison.Ordinal) && SectionOf(t) is not null);

    public static string? SectionOf(Type type) =>
        type.GetField("Section", BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Static) is { IsLiteral: true } field
            ? field.GetRawConstantValue() as string
            : null;

    /// <summary>Every key <paramref name="optionsType"/> binds, as patterns (see <see cref="KeyPattern"/>).</summary>
    public static IReadOnlyList<KeyPattern> KeysOf(Type optionsType)
    {
        var section = SectionOf(optionsType) ?? throw new ArgumentException($"{optionsType} has no Section constant.", nameof(optionsType));
        var keys = new List<KeyPattern>();
        Walk(optionsType, CreateDefault(optionsType), [.. section.Split(':')], keys, depth: 0);
        return keys;
    }

    private static void Walk(Type type, object? defaults, string[] prefix, List<KeyPattern> keys, int depth)
    {
        if (depth > 8)
        {
            throw new InvalidOperationException($"Options nest deeper than 8 levels at {string.Join("__", prefix)}; a cycle?");
        }

        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.GetIndexParameters().Length > 0 || property.GetMethod is not { IsPublic: true })
            {
                continue;
            }

            var settable = property.SetMethod is { IsPublic: true };
            var name = property.GetCustomAttribute<ConfigurationKeyNameAttribute>()?.Name ?? property.Name;
            var value = defaults is null ? null : property.GetValue(defaults);
            var path = (string[])[.. prefix, name];
            var propertyType = Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType;
            if (IsLeaf(propertyType))
            {
                if (settable)
                {
                    keys.Add(new KeyPattern(path, IndexedLeaf: false) { Default = defaults is null ? null : Format(value) });
                }
            }
            else
            {
                WalkValue(propertyType, value, path, keys, depth + 1);
            }
        }
    }

    private static void WalkValue(Type type, object? value, string[] path, List<KeyPattern> keys, int depth)
    {
        if (DictionaryTypes(type) is { } kv)
        {
            var entries = value is IDictionary dictionary && dictionary.Count > 0
                ? dictionary.Keys.Cast<object>().Select(k => (Key: k.ToString()!, Value: dictionary[k])).ToList()
                : kv.Key.IsEnum
                    ? Enum.GetNames(kv.Key).Select(n => (Key: n, Value: (object?)null)).ToList()
                    : [(Key: KeyPattern.Any, Value: (object?)null)];
            foreach (var (key, entryValue) in entries)
            {
                var entryPath = (string[])[.. path, key];
                if (IsLeaf(kv.Value))
                {
                    keys.Add(new KeyPattern(entryPath, IndexedLeaf: false));
                }
                else
                {
                    Walk(kv.Value, entryValue ?? CreateDefault(kv.Value), entryPath, keys, depth);
                }
            }
        }
        else if (ElementType(type) is { } element)
        {
            if (IsLeaf(element))
            {
                keys.Add(new KeyPattern(path, IndexedLeaf: true));
            }
            else
            {
                Walk(element, CreateDefault(element), [.. path, KeyPattern.Any], keys, depth);
            }
        }
        else if (type.IsClass && type.GetConstructor(Type.EmptyTypes) is not null)
        {
            Walk(type, value ?? CreateDefault(type), path, keys, depth);
        }
    }

    /// <summary>A default as an operator writes it: <c>00:30:00</c>, <c>https://slack.com/api/</c>, empty for null.</summary>
    private static string Format(object? value) => value switch
    {
        null => string.Empty,
        TimeSpan span => span.ToString("c", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };

    /// <summary>What ConfigurationBinder converts from one string: primitives, enums, TimeSpan, Uri and anything with a string TypeConverter.</summary>
    private static bool IsLeaf(Type type) =>
        type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal)
        || TypeDescriptor.GetConverter(type).CanConvertFrom(typeof(string));

    private static KeyValuePair<Type, Type>? DictionaryTypes(Type type)
    {
        var candidates = type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces();
        foreach (var candidate in candidates)
        {
            if (candidate.IsGenericType && candidate.GetGenericTypeDefinition() is var definition
                && (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>)))
            {
                var arguments = candidate.GetGenericArguments();
                return new(arguments[0], arguments[1]);
            }
        }

        return null;
    }

    private static Type? ElementType(Type type)
    {
        if (type == typeof(string))
        {
            return null;
        }

        if (type.IsArray)
        {
            return type.GetElementType();
        }

        var candidates = type.IsInterface ? type.GetInterfaces().Append(type) : type.GetInterfaces();
        return candidates.FirstOrDefault(c => c.IsGenericType && c.GetGenericTypeDefinition() == typeof(IEnumerable<>))?.GetGenericArguments()[0];
    }

    private static object? CreateDefault(Type type) =>
        type.IsAbstract || type.IsInterface || type.GetConstructor(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance, Type.EmptyTypes) is null
            ? null
            : Activator.CreateInstance(type, nonPublic: true);
}

/// <summary>
/// A bound key as environment-variable segments (<c>Incidents__Severities__SEV1__AckWithin</c>). A segment
/// <see cref="Any"/> stands for any one segment (a dictionary key the defaults do not name); an indexed leaf also
/// matches its numbered elements (<c>Key__0</c>, <c>Key__1</c>). Matching ignores case, as configuration does.
/// </summary>
internal sealed record KeyPattern(string[] Segments, bool IndexedLeaf)
{
    public const string Any = "*";

    /// <summary>The options class's own default, as an operator writes it; null when it cannot be known (no default instance).</summary>
    public string? Default { get; init; }

    public bool Matches(string envKey)
    {
        var parts = envKey.Split("__");
        if (IndexedLeaf && parts.Length == Segments.Length + 1 && int.TryParse(parts[^1], out _))
        {
            parts = parts[..^1];
        }

        return parts.Length == Segments.Length
            && parts.Zip(Segments).All(p => p.Second == Any || string.Equals(p.First, p.Second, StringComparison.OrdinalIgnoreCase));
    }

    public override string ToString() => string.Join("__", Segments) + (IndexedLeaf ? "[__n]" : string.Empty);
}
