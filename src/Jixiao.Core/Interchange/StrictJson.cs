using System.Collections.Concurrent;
using System.ComponentModel;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using Jixiao.Core.Entry;

namespace Jixiao.Core.Interchange;

/// <summary>JSON that cannot be read as the record asked for: every problem with its field and a Chinese message.</summary>
public sealed class JsonReadException(IReadOnlyList<FieldProblem> problems) : Exception(problems[0].Message)
{
    public IReadOnlyList<FieldProblem> Problems { get; } = problems;
}

/// <summary>
/// Reads JSON into typed records and says in Chinese what is wrong and where: a wrong type, a missing required
/// field (C# <c>required</c>), a null where none is allowed, and — when strict, as the API is — a field the record
/// does not have. The record's <see cref="DescriptionAttribute"/> names the field for people (`分值（indicators[2].weight）
/// 应为数字，实际为文字“十”`). Nothing of .NET's English reaches the message. Numbers may come as JSON numbers or as
/// strings holding one ("20.00"), which keeps their decimal places through JavaScript.
/// </summary>
public static partial class StrictJson
{
    public const int MaxDepth = 32;
    const int MaxProblems = 20;

    public static readonly JsonSerializerOptions Options = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
        MaxDepth = MaxDepth,
    };

    /// <summary>The record in <paramref name="json"/>, or a <see cref="JsonReadException"/> listing what is wrong.</summary>
    public static T Read<T>(string json, bool strict) => Read<T>(Parse(json), strict);

    public static T Read<T>(JsonNode? node, bool strict)
    {
        var problems = new List<FieldProblem>();
        Walk(node, typeof(T), nullable: false, "", "请求内容", strict, problems);
        if (problems.Count > 0) throw new JsonReadException(problems);
        try { return node.Deserialize<T>(Options)!; }
        catch (JsonException ex)
        {
            throw new JsonReadException([new FieldProblem(Field(ex.Path), $"{Field(ex.Path)} 的值无法读取（超出范围或格式不符）")]);
        }
    }

    /// <summary>The JSON tree, or a Chinese message with the line and position of the first error.</summary>
    public static JsonNode? Parse(string json)
    {
        try { return JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { MaxDepth = MaxDepth }); }
        catch (JsonException ex)
        {
            var where = ex.LineNumber is { } line ? $"第 {line + 1} 行第 {(ex.BytePositionInLine ?? 0) + 1} 个字节附近" : "";
            var what = ex.Message.Contains("depth", StringComparison.OrdinalIgnoreCase) ? $"嵌套超过 {MaxDepth} 层" : "语法有误";
            throw new JsonReadException([new FieldProblem("$", $"不是有效的 JSON：{where}{what}")]);
        }
    }

    /// <summary>What is wrong with <paramref name="node"/> read as <paramref name="type"/>; empty when it reads.</summary>
    public static List<FieldProblem> Check(JsonNode? node, Type type, bool strict)
    {
        var problems = new List<FieldProblem>();
        Walk(node, type, nullable: false, "", "请求内容", strict, problems);
        return problems;
    }

    static string Field(string? stjPath) => (stjPath ?? "").TrimStart('$').TrimStart('.');

    sealed record Member(string JsonName, string Label, Type Type, bool Nullable, bool Required);

    static readonly ConcurrentDictionary<Type, IReadOnlyList<Member>> MembersByType = new();
    static readonly NullabilityInfoContext Nullability = new();

    static IReadOnlyList<Member> Members(Type t) => MembersByType.GetOrAdd(t, type =>
    {
        lock (Nullability)
            return type.GetProperties(BindingFlags.Public | BindingFlags.Instance)
                .Where(p => p.CanWrite && p.GetCustomAttribute<JsonIgnoreAttribute>() is not { Condition: JsonIgnoreCondition.Always })
                .Select(p => new Member(
                    p.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? JsonNamingPolicy.CamelCase.ConvertName(p.Name),
                    p.GetCustomAttribute<DescriptionAttribute>()?.Description is { } d ? ShortLabel(d) : p.Name,
                    p.PropertyType,
                    Nullable.GetUnderlyingType(p.PropertyType) is not null
                    || (!p.PropertyType.IsValueType && Nullability.Create(p).WriteState != NullabilityState.NotNull),
                    p.GetCustomAttribute<RequiredMemberAttribute>() is not null || p.IsDefined(typeof(RequiredMemberAttribute))))
                .ToList();
    });

    // "表的类型（self-evaluation 自评表 / …）" → "表的类型": the bracket explains values, the message names the field.
    static string ShortLabel(string description) => description.Split('（')[0];

    static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    // The whole body is "$", as in a JSON path; every other field is named without it (indicators[2].weight).
    static string Field(string path, bool root) => root && path.Length == 0 ? "$" : path;

    static void Walk(JsonNode? node, Type type, bool nullable, string path, string label, bool strict, List<FieldProblem> problems)
    {
        if (problems.Count >= MaxProblems) return;
        var where = path.Length == 0 ? label : $"{label}（{path}）";
        if (node is null)
        {
            if (!nullable) problems.Add(new(Field(path, true), $"{where}不能为空"));
            return;
        }
        var t = Nullable.GetUnderlyingType(type) ?? type;
        void Wrong(string expected) => problems.Add(new(Field(path, true), $"{where}应为{expected}，实际为{Describe(node)}"));

        if (t == typeof(string))
        {
            if (node.GetValueKind() != JsonValueKind.String) Wrong("文字");
            return;
        }
        if (t == typeof(bool))
        {
            if (node.GetValueKind() is not (JsonValueKind.True or JsonValueKind.False)) Wrong("true 或 false");
            return;
        }
        if (t == typeof(decimal) || t == typeof(int) || t == typeof(long))
        {
            if (NumberOf(node) is not { } d) Wrong("数字");
            else if (t != typeof(decimal) && (d != decimal.Truncate(d) || d < (t == typeof(int) ? int.MinValue : long.MinValue) || d > (t == typeof(int) ? int.MaxValue : long.MaxValue)))
                problems.Add(new(path, $"{where}应为整数，实际为 {d.ToString(CultureInfo.InvariantCulture)}"));
            return;
        }
        if (ElementType(t) is { } element)
        {
            if (node is not JsonArray array) { Wrong("数组 [ … ]"); return; }
            for (int i = 0; i < array.Count; i++)
                Walk(array[i], element, nullable: false, $"{path}[{i}]", $"{label}第 {i + 1} 项", strict, problems);
            return;
        }
        if (node is not JsonObject obj) { Wrong("对象 { … }"); return; }
        var members = Members(t);
        if (strict)
            foreach (var (key, _) in obj)
                if (!members.Any(m => m.JsonName == key))
                    problems.Add(new(Join(path, key), $"{(path.Length == 0 ? "" : where)}没有字段“{key}”（字段名区分大小写；可用的有：{string.Join("、", members.Select(m => m.JsonName))}）"));
        foreach (var m in members)
        {
            if (!obj.TryGetPropertyValue(m.JsonName, out var value))
            {
                if (m.Required) problems.Add(new(Join(path, m.JsonName), $"缺少{m.Label}（{Join(path, m.JsonName)}）"));
                continue;
            }
            Walk(value, m.Type, m.Nullable, Join(path, m.JsonName), m.Label, strict, problems);
        }
    }

    static Type? ElementType(Type t)
    {
        if (t.IsArray) return t.GetElementType();
        if (!t.IsGenericType) return null;
        var def = t.GetGenericTypeDefinition();
        return def == typeof(List<>) || def == typeof(IReadOnlyList<>) || def == typeof(IList<>) || def == typeof(IEnumerable<>) || def == typeof(IReadOnlyCollection<>)
            ? t.GetGenericArguments()[0] : null;
    }

    /// <summary>A JSON number, or a string holding exactly a JSON number, as a decimal; null otherwise.</summary>
    public static decimal? NumberOf(JsonNode node)
    {
        var text = node.GetValueKind() switch
        {
            JsonValueKind.Number => node.ToJsonString(),
            JsonValueKind.String => node.GetValue<string>(),
            _ => null,
        };
        return text is not null && JsonNumber().IsMatch(text)
               && decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var d) ? d : null;
    }

    [GeneratedRegex(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?$")]
    private static partial Regex JsonNumber();

    static string Describe(JsonNode node) => node.GetValueKind() switch
    {
        JsonValueKind.String => $"文字“{Truncate(node.GetValue<string>())}”",
        JsonValueKind.Number => $"数字 {node.ToJsonString()}",
        JsonValueKind.True or JsonValueKind.False => $"真假值 {node.ToJsonString()}",
        JsonValueKind.Array => "数组",
        JsonValueKind.Object => "对象",
        _ => "空值",
    };

    static string Truncate(string s) => s.Length <= 20 ? s : s[..20] + "…";
}
