using System.Text;
using System.Text.Json;
using Jixiao.Core.Interchange;
using Jixiao.Core.Model;
using Jixiao.Formats.Xlsx;
using Jixiao.Storage;
using Jixiao.Web.Features.Shared;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.Public;

/// <summary>
/// 开放数据: every published form, for anyone, as JSON in the documented format (docs/json-format.md), or as a table of
/// one row per indicator (CSV, xlsx) described at `/public/data/schema` and in docs/open-data.md. Read and written a
/// page at a time, so the download does not hold all forms in memory (the xlsx is capped; CSV and JSON are not).
/// </summary>
public static class OpenData
{
    public const int MaxXlsxRows = 200_000;

    /// <summary>The table's columns: the name, and what it holds (the schema page prints these).</summary>
    public static readonly (string Column, string Meaning)[] Columns =
    [
        ("表编号", "本系统中的编号，与 /public/forms/{编号} 对应"),
        ("类型", "申报表（财政项目支出绩效目标申报表）或自评表（财政项目支出绩效自评表）"),
        ("年度", "表的年度"),
        ("项目名称", "项目名称"),
        ("主管部门", "主管部门"),
        ("实施单位", "实施单位"),
        ("调整次数", "申报表的第几次调整；首次审核通过的为空"),
        ("金额单位", "元 或 万元，下面三列金额的单位"),
        ("年度资金", "申报表：年度资金申请总额；自评表：全年预算数"),
        ("全年执行数", "自评表：全年执行数"),
        ("执行率", "自评表：预算执行率（%）"),
        ("总分", "自评表：总分"),
        ("等级", "自评表：评分等级（优、良、中、差）"),
        ("行号", "指标行，从 1 起；表没有指标时为空"),
        ("一级指标", "产出指标、效益指标、满意度指标、成本指标"),
        ("二级指标", "数量指标、质量指标、时效指标、社会效益指标等"),
        ("三级指标", "指标名称"),
        ("年度指标值", "指标值原文，如 ≥4.00(次)、及时"),
        ("实际完成值", "自评表：实际完成值原文"),
        ("分值", "自评表：该指标的分值"),
        ("得分", "自评表：该指标的得分"),
        ("偏差原因分析及改进措施", "自评表：偏差原因"),
    ];

    public static void Map(WebApplication app)
    {
        app.MapGet("/public/data", async (HttpContext http, FormStore store) =>
        {
            var format = http.Request.Query["format"].ToString();
            var ct = http.RequestAborted;
            switch (format)
            {
                case "json":
                    http.Response.ContentType = "application/json; charset=utf-8";
                    http.Response.Headers.ContentDisposition = "attachment; filename=\"jixiao-open-data.json\"; filename*=UTF-8''%E5%BC%80%E6%94%BE%E6%95%B0%E6%8D%AE.json";
                    await WriteJsonAsync(http.Response.Body, store, ct);
                    return Results.Empty;
                case "csv":
                    http.Response.ContentType = "text/csv; charset=utf-8";
                    http.Response.Headers.ContentDisposition = "attachment; filename=\"jixiao-open-data.csv\"; filename*=UTF-8''%E5%BC%80%E6%94%BE%E6%95%B0%E6%8D%AE.csv";
                    await WriteCsvAsync(http.Response.Body, store, ct);
                    return Results.Empty;
                case "xlsx":
                    var rows = new List<IReadOnlyList<XlsxCell>>();
                    await foreach (var row in RowsAsync(store, ct))
                    {
                        if (rows.Count >= MaxXlsxRows) break;
                        rows.Add(row.Select(v => v is decimal d ? XlsxCell.Fixed2(d) : XlsxCell.Text(v?.ToString())).ToList());
                    }
                    return Results.File(TableWorkbook.Render("开放数据", Columns.Select(c => c.Column).ToList(), rows),
                        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "开放数据.xlsx");
                default:
                    return Api.Error(400, $"format 应为 json、csv 或 xlsx，实际为“{format}”", "format");
            }
        }).WithSummary("开放数据：全部已公开的绩效表，format=json（交换格式）、csv 或 xlsx（每个指标一行，字段见 /public/data/schema）");

        app.MapGet("/public/data/schema", (HttpContext http) =>
        {
            var sb = new StringBuilder("<p>开放数据包含全部已公开的绩效表。</p><ul>")
                .Append("<li><a href=\"/public/data?format=json\">JSON</a>：每张表一个对象，字段见交换格式说明（docs/json-format.md），与 API 相同。</li>")
                .Append("<li><a href=\"/public/data?format=csv\">CSV</a>（UTF-8，带 BOM，可直接用 Excel 打开）和 <a href=\"/public/data?format=xlsx\">Excel</a>：每个指标一行，表的字段在每行重复；没有指标的表占一行。列如下：</li></ul>")
                .Append("<table><thead><tr><th>列</th><th>含义</th></tr></thead><tbody>");
            foreach (var (column, meaning) in Columns) sb.Append($"<tr><td>{E(column)}</td><td>{E(meaning)}</td></tr>");
            sb.Append("</tbody></table><p class=\"note\">金额为表上所印的数，单位见“金额单位”；分数保留表上的小数位。</p>");
            return Page("开放数据说明", sb.ToString(), CurrentUser.From(http), Antiforgery.Field(http));
        });
    }

    static async Task WriteJsonAsync(Stream body, FormStore store, CancellationToken ct)
    {
        // One document at a time, written asynchronously (the server allows no synchronous writes).
        await body.WriteAsync("[\n"u8.ToArray(), ct);
        var first = true;
        await foreach (var page in store.PublishedAsync(ct: ct))
            foreach (var f in page)
            {
                if (!first) await body.WriteAsync(",\n"u8.ToArray(), ct);
                first = false;
                await body.WriteAsync(JsonSerializer.SerializeToUtf8Bytes(FormJson.ToDocument(f.Form), FormJson.Options), ct);
            }
        await body.WriteAsync("\n]\n"u8.ToArray(), ct);
    }

    static async Task WriteCsvAsync(Stream body, FormStore store, CancellationToken ct)
    {
        await using var w = new StreamWriter(body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await w.WriteLineAsync(string.Join(",", Columns.Select(c => Csv(c.Column))));
        int n = 0;
        await foreach (var row in RowsAsync(store, ct))
        {
            await w.WriteLineAsync(string.Join(",", row.Select(v => Csv(v switch
            {
                null => "",
                decimal d => d.ToString(System.Globalization.CultureInfo.InvariantCulture),
                _ => v.ToString() ?? "",
            }))));
            if (++n % 1000 == 0) await w.FlushAsync(ct);
        }
    }

    /// <summary>A CSV field (RFC 4180): quoted when it holds a comma, quote or line break; a leading = + - @ is kept as text.</summary>
    static string Csv(string value)
    {
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' && !decimal.TryParse(value, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out _))
            value = "'" + value;
        return value.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? "\"" + value.Replace("\"", "\"\"") + "\"" : value;
    }

    /// <summary>One row per indicator of every published form, in the columns above (a form without rows: one row).</summary>
    static async IAsyncEnumerable<object?[]> RowsAsync(FormStore store, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await foreach (var page in store.PublishedAsync(ct: ct))
            foreach (var stored in page)
            {
                var f = stored.Form;
                var s = f as EvaluationForm;
                var d = f as TargetDeclaration;
                object?[] head =
                [
                    stored.Id, f.Kind.ShortName(), f.Year, f.Subject(), f.Department, f.ImplementingUnit,
                    f.Revision is > 0 ? f.Revision : null,
                    (s?.Funds.Unit ?? d?.Funds.Unit)?.ToChinese(),
                    s is not null ? s.Funds.Total?.AdjustedBudget : d?.Funds.AnnualTotal,
                    s?.Funds.Total?.Executed, s?.Funds.Total?.ExecutionRate, s?.TotalScore, s?.Grade,
                ];
                if (f.Indicators.Count == 0) { yield return [.. head, null, null, null, null, null, null, null, null, null]; continue; }
                for (int i = 0; i < f.Indicators.Count; i++)
                {
                    var r = f.Indicators[i];
                    yield return [.. head, i + 1, r.Level1, r.Level2, r.Name, r.Target?.Text, r.Actual?.Text, r.Weight, r.Score, r.DeviationReason];
                }
            }
    }
}
