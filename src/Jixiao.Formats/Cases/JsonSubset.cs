using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Unicode;

namespace Jixiao.Formats.Cases;

/// <summary>
/// Compares expected ⊆ actual: every key the expected JSON names must match; keys it omits are not checked.
/// Arrays must have the same length, except `warnings`, where each expected entry must match some actual warning
/// by its `line`. Numbers compare as decimals (56.44 = 56.440). The golden case tests assert with it and
/// `jixiao corpus` measures with it, so that a measured case passes as soon as its test would.
/// </summary>
public static class JsonSubset
{
    private static readonly JsonSerializerOptions Plain = new() { Encoder = JavaScriptEncoder.Create(UnicodeRanges.All) };

    public static List<string> Differences(JsonNode? expected, JsonNode? actual, string path = "$")
    {
        var diffs = new List<string>();
        Compare(expected, actual, path, diffs);
        return diffs;
    }

    private static void Compare(JsonNode? e, JsonNode? a, string path, List<string> diffs)
    {
        if (e is null)
        {
            if (a is not null) diffs.Add($"{path}: expected null, got {a.ToJsonString(Plain)}");
            return;
        }
        if (a is null) { diffs.Add($"{path}: expected {e.ToJsonString(Plain)}, got null"); return; }
        switch (e)
        {
            case JsonObject eo:
                if (a is not JsonObject ao) { diffs.Add($"{path}: expected an object, got {a.ToJsonString(Plain)}"); return; }
                foreach (var (key, ev) in eo)
                {
                    if (!ao.ContainsKey(key)) { diffs.Add($"{path}.{key}: missing"); continue; }
                    if (key == "warnings" && ev is JsonArray ew && ao[key] is JsonArray aw) { CompareWarnings(ew, aw, $"{path}.{key}", diffs); continue; }
                    Compare(ev, ao[key], $"{path}.{key}", diffs);
                }
                break;
            case JsonArray ea:
                if (a is not JsonArray aa) { diffs.Add($"{path}: expected an array, got {a.ToJsonString(Plain)}"); return; }
                if (ea.Count != aa.Count) diffs.Add($"{path}: expected {ea.Count} items, got {aa.Count}");
                for (int i = 0; i < Math.Min(ea.Count, aa.Count); i++) Compare(ea[i], aa[i], $"{path}[{i}]", diffs);
                break;
            case JsonValue ev:
                if (a is not JsonValue av) { diffs.Add($"{path}: expected {e.ToJsonString(Plain)}, got {a.ToJsonString(Plain)}"); return; }
                if (ev.TryGetValue<decimal>(out var ed) && av.TryGetValue<decimal>(out var ad))
                {
                    if (ed != ad) diffs.Add($"{path}: expected {ed}, got {ad}");
                }
                else if (ev.ToJsonString(Plain) != av.ToJsonString(Plain))
                    diffs.Add($"{path}: expected {ev.ToJsonString(Plain)}, got {av.ToJsonString(Plain)}");
                break;
        }
    }

    private static void CompareWarnings(JsonArray expected, JsonArray actual, string path, List<string> diffs)
    {
        var lines = actual.Select(w => w?["line"]?.GetValue<int?>()).ToHashSet();
        foreach (var w in expected)
        {
            var line = w?["line"]?.GetValue<int?>();
            if (!lines.Contains(line)) diffs.Add($"{path}: expected a warning at line {line}; got lines [{string.Join(", ", lines)}]");
        }
    }
}
