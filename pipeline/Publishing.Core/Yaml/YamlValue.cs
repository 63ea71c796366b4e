using Publishing.Diagnostics;
using System.Globalization;
using Publishing.Model;

namespace Publishing.Yaml;

/// <summary>A value of a settings file (a scalar, a list or a mapping) at the line and column it starts.</summary>
public abstract class YamlValue
{
    private protected YamlValue(YamlFile file, int line, int column)
    {
        File = file;
        Line = line;
        Column = column;
    }

    public YamlFile File { get; }
    public int Line { get; }
    public int Column { get; }

    public SourceLocation Location => new(File.Path, Line, Column);

    /// <summary>How many values this one stands for, itself and all below it (what an alias to it costs).</summary>
    internal long Weight { get; set; } = 1;

    /// <summary>Reports a bad value here, under the file kind's bad-value code.</summary>
    public void Error(string message) => Error(File.Kind.BadValueCode, message);

    /// <summary>Reports a problem here under another code (an unknown form named in document.yaml: PUB1202).</summary>
    public void Error(string code, string message) => File.Report(code, Line, Column, message);
}

/// <summary>A single value, as written (YAML 1.2 core: no value is turned into a number or a date by the parser).</summary>
public sealed class YamlScalar : YamlValue
{
    internal YamlScalar(YamlFile file, int line, int column, string text) : base(file, line, column) => Text = text;

    /// <summary>The value as written, without the quotes.</summary>
    public string Text { get; }

    /// <summary>The value without surrounding white space.</summary>
    public string Trimmed => Text.Trim();

    public bool IsEmpty => string.IsNullOrWhiteSpace(Text);

    /// <summary>A number (12, 10.5, -3, 1e3), or null with ““…”应为数字” reported here.</summary>
    public double? AsNumber()
    {
        if (double.TryParse(Text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)) return number;
        Error(SettingsFileWordings.Say("not-a-number", ("text", Text)));
        return null;
    }

    /// <summary>A whole number, or null with ““…”应为整数” (or that it is out of range) reported here.</summary>
    public int? AsWholeNumber()
    {
        if (int.TryParse(Text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)) return number;
        var digits = Trimmed.TrimStart('-', '+');
        Error(SettingsFileWordings.Say(digits.Length > 0 && digits.All(char.IsAsciiDigit) ? "out-of-range" : "not-whole", ("text", Text)));
        return null;
    }

    /// <summary>true / yes or false / no (any case), or null with what it should be reported here.</summary>
    public bool? AsBool(string? key = null)
    {
        switch (Trimmed.ToLowerInvariant())
        {
            case "true" or "yes": return true;
            case "false" or "no": return false;
        }
        Error(key is null ? SettingsFileWordings.Say("not-a-bool", ("text", Text)) : SettingsFileWordings.Say("key-not-a-bool", ("key", key), ("text", Text)));
        return null;
    }
}

/// <summary>A list (- a / [a, b]).</summary>
public sealed class YamlSequence : YamlValue
{
    private readonly List<YamlValue> _items = new();

    internal YamlSequence(YamlFile file, int line, int column) : base(file, line, column) { }

    public IReadOnlyList<YamlValue> Items => _items;

    internal void Add(YamlValue item) => _items.Add(item);
}
