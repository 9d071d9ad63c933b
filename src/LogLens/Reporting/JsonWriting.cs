using System.Text.Json;

namespace LogLens.Reporting;

/// <summary>What the JSON writers share: a value, or <c>null</c> when the log does not say.</summary>
internal static class JsonWriting
{
    /// <summary>Writes a string, or null.</summary>
    public static void WriteStringOrNull(this Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
        {
            json.WriteNull(name);
        }
        else
        {
            json.WriteString(name, value);
        }
    }

    /// <summary>Writes a number rounded to thousandths, or null.</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, Math.Round(v, 3));
        }
        else
        {
            json.WriteNull(name);
        }
    }

    /// <summary>Writes a whole number, or null.</summary>
    public static void WriteNumberOrNull(this Utf8JsonWriter json, string name, long? value)
    {
        if (value is { } v)
        {
            json.WriteNumber(name, v);
        }
        else
        {
            json.WriteNull(name);
        }
    }
}
