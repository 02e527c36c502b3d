using System.Globalization;
using System.Text.Json;
using Centrex.Rating.Money;
using NodaTime;
using NodaTime.Text;

namespace Centrex.Provisioning.Json;

/// <summary>
/// One JSON object of an import file, read field by field: every error names the file, the section, the index and the
/// record's id, and fields the format does not know are refused rather than silently dropped.
/// </summary>
internal sealed class JsonRecord
{
    private readonly JsonElement _element;

    public JsonRecord(JsonElement element, string where, IReadOnlyCollection<string> allowed)
    {
        _element = element;
        Where = where;
        if (element.ValueKind != JsonValueKind.Object)
        {
            throw Error($"is a JSON {element.ValueKind.ToString().ToLowerInvariant()}, not an object");
        }

        if (element.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String)
        {
            Where = $"{where} (id \"{id.GetString()}\")";
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var property in element.EnumerateObject())
        {
            if (!allowed.Contains(property.Name))
            {
                throw Error($"unknown field \"{property.Name}\" (known: {string.Join(", ", allowed)})");
            }

            if (!seen.Add(property.Name))
            {
                throw Error($"field \"{property.Name}\" appears twice");
            }
        }
    }

    /// <summary>File, section, index and id, for messages.</summary>
    public string Where { get; }

    public ProvisioningException Error(string message) => new($"{Where}: {message}");

    /// <summary>A refusal with a stable code (<see cref="ProvisioningErrors"/>): the message is the same <c>WHERE: DETAIL</c>.</summary>
    public ProvisioningException Error(string code, string detail, params object[] arguments) => new(Where, code, detail, arguments);

    public string String(string name)
    {
        var value = OptionalString(name) ?? throw Error($"missing field \"{name}\"");
        return value;
    }

    public string NonEmpty(string name)
    {
        var value = String(name);
        return value.Trim().Length == 0 ? throw Error(ProvisioningErrors.FieldEmpty, $"field \"{name}\" is empty", name) : value;
    }

    public string? OptionalString(string name)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw Error($"field \"{name}\" must be a string");
    }

    public bool Bool(string name, bool? defaultValue = null)
    {
        if (!_element.TryGetProperty(name, out var value))
        {
            return defaultValue ?? throw Error($"missing field \"{name}\"");
        }

        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error($"field \"{name}\" must be true or false"),
        };
    }

    public int Int(string name, int? defaultValue = null)
    {
        if (!_element.TryGetProperty(name, out var value))
        {
            return defaultValue ?? throw Error($"missing field \"{name}\"");
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number)
            ? number
            : throw Error(ProvisioningErrors.FieldWholeNumber, $"field \"{name}\" must be a whole number", name);
    }

    /// <summary>A whole number that is 0 or more, or null when the field is absent or null.</summary>
    public int? OptionalCount(string name)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return null;
        }

        return value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && number >= 0
            ? number
            : throw Error($"field \"{name}\" must be a whole number, 0 or more");
    }

    /// <summary>An object of string values (<c>{ "188": "16045550102" }</c>), empty when absent.</summary>
    public IReadOnlyDictionary<string, string> StringMap(string name)
    {
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return map;
        }

        if (value.ValueKind != JsonValueKind.Object)
        {
            throw Error($"field \"{name}\" must be an object of strings");
        }

        foreach (var entry in value.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.String)
            {
                throw Error($"field \"{name}\": \"{entry.Name}\" must be a string");
            }

            if (!map.TryAdd(entry.Name, entry.Value.GetString()!))
            {
                throw Error($"field \"{name}\": \"{entry.Name}\" appears twice");
            }
        }

        return map;
    }

    /// <summary>An amount as a JSON string or number with at most 3 decimals (<c>"29.99"</c>, <c>2.99</c>), read exactly.</summary>
    public Mills Money(string name, Mills? defaultValue = null)
    {
        if (!_element.TryGetProperty(name, out var value))
        {
            return defaultValue ?? throw Error($"missing field \"{name}\"");
        }

        return ParseMoney(value, name);
    }

    public Mills ParseMoney(JsonElement value, string name)
    {
        var text = value.ValueKind switch
        {
            JsonValueKind.String => value.GetString()!,
            JsonValueKind.Number => value.GetRawText(),
            _ => throw Error($"field \"{name}\" must be an amount such as \"29.99\""),
        };
        return Mills.TryParse(text, out var mills) ? mills : throw Error(ProvisioningErrors.FieldAmount, $"field \"{name}\": '{text}' is not an amount with at most 3 decimals", name, text);
    }

    public LocalDate Date(string name) =>
        OptionalDate(name) ?? throw Error($"missing field \"{name}\"");

    public LocalDate? OptionalDate(string name)
    {
        var text = OptionalString(name);
        if (text is null)
        {
            return null;
        }

        var parsed = LocalDatePattern.Iso.Parse(text);
        return parsed.Success ? parsed.Value : throw Error($"field \"{name}\": '{text}' is not a date (YYYY-MM-DD)");
    }

    public T Enum<T>(string name, IReadOnlyDictionary<string, T> names, T? defaultValue = null)
        where T : struct
    {
        var text = OptionalString(name);
        if (text is null)
        {
            return defaultValue ?? throw Error($"missing field \"{name}\"");
        }

        return names.TryGetValue(text, out var value)
            ? value
            : throw Error(ProvisioningErrors.FieldOneOf, $"field \"{name}\": '{text}' is not one of {string.Join(", ", names.Keys)}", name, text, string.Join(", ", names.Keys));
    }

    public IReadOnlyList<string> Strings(string name)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error($"field \"{name}\" must be an array of strings");
        }

        return [.. value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.String ? v.GetString()! : throw Error($"field \"{name}\" must be an array of strings"))];
    }

    /// <summary>An array of whole numbers, empty when absent.</summary>
    public IReadOnlyList<int> Ints(string name)
    {
        if (!_element.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            return [];
        }

        if (value.ValueKind != JsonValueKind.Array)
        {
            throw Error($"field \"{name}\" must be an array of whole numbers");
        }

        return [.. value.EnumerateArray().Select(v => v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : throw Error($"field \"{name}\" must be an array of whole numbers"))];
    }

    public bool Has(string name) => _element.TryGetProperty(name, out _);

    public JsonElement Object(string name) =>
        _element.TryGetProperty(name, out var value) ? value : throw Error($"missing field \"{name}\"");

    public IEnumerable<JsonRecord> Records(string name, IReadOnlyCollection<string> allowed)
    {
        var array = Object(name);
        if (array.ValueKind != JsonValueKind.Array)
        {
            throw Error($"field \"{name}\" must be an array");
        }

        var index = 0;
        foreach (var item in array.EnumerateArray())
        {
            yield return new JsonRecord(item, string.Create(CultureInfo.InvariantCulture, $"{Where}, {name}[{index++}]"), allowed);
        }
    }
}
