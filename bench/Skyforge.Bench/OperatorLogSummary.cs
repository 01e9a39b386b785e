using System.Text.Json;

namespace Skyforge.Bench;

/// <summary>How many warnings and errors the operator logged (its JSON log lines), with the most frequent messages.</summary>
internal sealed record OperatorLogSummary(int Lines, int Warnings, int Errors, IReadOnlyList<string> TopProblems)
{
    public static OperatorLogSummary Read(string path)
    {
        if (!File.Exists(path))
        {
            return new OperatorLogSummary(0, 0, 0, []);
        }
        var lines = 0;
        var warnings = 0;
        var errors = 0;
        var problems = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path))
        {
            lines++;
            if (!line.Contains("\"LogLevel\":\"Warning\"", StringComparison.Ordinal) && !line.Contains("\"LogLevel\":\"Error\"", StringComparison.Ordinal)
                && !line.Contains("\"LogLevel\":\"Critical\"", StringComparison.Ordinal))
            {
                continue;
            }
            string level;
            string message;
            try
            {
                using var json = JsonDocument.Parse(line);
                level = json.RootElement.GetProperty("LogLevel").GetString() ?? "";
                message = json.RootElement.TryGetProperty("Message", out var text) ? text.GetString() ?? "" : "";
            }
            catch (JsonException)
            {
                continue;
            }
            if (level == "Warning")
            {
                warnings++;
            }
            else
            {
                errors++;
            }
            var key = message.Length > 140 ? message[..140] + "…" : message;
            problems[key] = problems.GetValueOrDefault(key) + 1;
        }
        return new OperatorLogSummary(lines, warnings, errors,
            [.. problems.OrderByDescending(pair => pair.Value).Take(3).Select(pair => $"{pair.Value}× \"{pair.Key}\"")]);
    }
}
