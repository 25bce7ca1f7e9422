using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Jixiao.Core.Entry;
using Jixiao.Core.Interchange;
using Jixiao.Core.Model;
using Jixiao.Storage;
using Jixiao.Web.Features.Shared;
using static Jixiao.Web.Features.Shared.Html;

namespace Jixiao.Web.Features.Monitoring;

/// <summary>
/// The editor of a monitoring form: the declaration's parts (targets, 年初预算数) shown, not editable; the unit enters
/// 调整后预算数, 执行数 to date and 全年预计执行数 per fund line, and per indicator its progress, forecast, 完成目标可能性,
/// deviation causes, reason, 纠偏措施 and 备注. The page is drawn here, with the inputs named by the JSON field they
/// fill; /js/monitoring.js gathers them into the form document, shows the lights and findings as the unit types
/// (POST /api/check) and saves (PUT /api/forms/{id}).
/// </summary>
public static class MonitoringEditor
{
    public static IResult Page(StoredForm stored, MonitoringForm m, CurrentUser user, HttpContext http, string above)
    {
        var label = m.Period.Label;
        var sb = new StringBuilder($"<style>{MonitoringPages.Css}{Css}</style>").Append(above);
        sb.Append($"""
            <p class="note">{(stored.DeclarationId is { } d ? $"本表依据审核通过的申报表（第 {d} 号）：" : "本表为导入的监控表：")}指标、年度指标值和年初预算数不能在此修改。请填写截至 {E(label)} 末的执行数、全年预计和每个指标的执行情况；
            黄灯、红灯的行须选偏差原因、写明原因和纠偏措施。执行率和预警颜色由系统按评分方案计算。</p>
            <div id="monitoring-editor" data-id="{stored.Id}" data-version="{stored.Version}">
            <h2>{E(m.ProjectName)}（{m.Year}年度 {E(label)}）</h2>
            <p>主管部门：{E(m.Department)} · 实施单位：{E(m.ImplementingUnit)}</p>
            <fieldset><legend>年度总体目标</legend><p>{E(m.AnnualGoal)}</p>
              <label class="field">{E(label)}执行情况 <textarea data-goal="progress" rows="3" maxlength="{FormValidation.MaxText}">{E(m.GoalProgress)}</textarea></label></fieldset>
            <h3>项目资金（万元）</h3>
            <table class="funds"><thead><tr><th>预警</th><th>资金</th><th>年初预算数</th><th>调整后预算数</th><th>{E(label)}执行数</th><th>{E(label)}执行率</th><th>全年预计执行数</th></tr></thead><tbody>
            """);
        for (var i = 0; i < m.Funds.Rows.Count; i++)
        {
            var r = m.Funds.Rows[i];
            sb.Append($"<tr data-fund=\"{i}\"><td class=\"light-cell\"></td><td>{E(r.Label)}</td><td>{r.InitialBudget:0.00}</td>")
              .Append($"<td><input data-field=\"adjustedBudget\" inputmode=\"decimal\" size=\"8\" value=\"{r.AdjustedBudget:0.00}\" aria-label=\"{E(r.Label)}调整后预算数\"></td>")
              .Append($"<td><input data-field=\"executedToDate\" inputmode=\"decimal\" size=\"8\" value=\"{r.ExecutedToDate:0.00}\" aria-label=\"{E(r.Label)}执行数\"></td>")
              .Append($"<td class=\"rate\">{(r.ExecutionRate is { } rate ? $"{rate:0.00}%" : "")}</td>")
              .Append($"<td><input data-field=\"forecastExecuted\" inputmode=\"decimal\" size=\"8\" value=\"{r.ForecastExecuted:0.00}\" aria-label=\"{E(r.Label)}全年预计执行数\"></td></tr>")
              .Append($"<tr data-fund-deviation=\"{i}\" class=\"deviation\"><td></td><td colspan=\"6\">{DeviationInputs(r.Deviation, r.Label)}</td></tr>");
        }
        sb.Append($"""
            </tbody></table>
            <h3>绩效指标</h3>
            <table class="indicators monitoring"><thead><tr><th>预警</th><th>行</th><th>指标（一级·二级／三级）</th><th>年度指标值</th><th>{E(label)}执行情况</th><th>全年预计完成情况</th><th>完成目标可能性</th></tr></thead><tbody>
            """);
        for (var i = 0; i < m.Indicators.Count; i++)
        {
            var row = m.Indicators[i];
            var qualitative = row.Target is not { IsQuantitative: true };
            sb.Append($"<tr data-row=\"{i}\"><td class=\"light-cell\"></td><td>{i + 1}</td><td><small>{E(row.Level1)}·{E(row.Level2)}</small><br>{E(row.Name)}</td><td>{E(row.Target?.Text)}</td>")
              .Append($"<td><input data-field=\"progress\" size=\"12\" value=\"{E(row.Progress?.Text)}\" aria-label=\"第 {i + 1} 行执行情况\"></td>")
              .Append($"<td><input data-field=\"forecast\" size=\"12\" value=\"{E(row.Forecast?.Text)}\" aria-label=\"第 {i + 1} 行全年预计\">");
            if (qualitative)
                sb.Append($"<br><select data-field=\"achievement\" aria-label=\"第 {i + 1} 行预计完成等级\"><option value=\"\">预计完成等级…</option>")
                  .Append(string.Concat(Enum.GetValues<Achievement>().Select(a =>
                      $"<option value=\"{a.ToCode()}\"{(row.Forecast?.Achievement == a ? " selected" : "")}>{E(a.ToChinese())}</option>")))
                  .Append("</select>");
            sb.Append($"</td><td><select data-field=\"likelihood\" aria-label=\"第 {i + 1} 行完成目标可能性\"><option value=\"\">请选择</option>")
              .Append(string.Concat(MonitoringChoices.AllLikelihoods.Select(l =>
                  $"<option value=\"{l.ToCode()}\"{(row.Likelihood == l ? " selected" : "")}>{E(l.ToChinese())}</option>")))
              .Append("</select></td></tr>")
              .Append($"<tr data-row-deviation=\"{i}\" class=\"deviation\"><td></td><td colspan=\"6\">{DeviationInputs(row.Deviation, $"第 {i + 1} 行")}")
              .Append($"<label class=\"inline-field\">备注 <input data-field=\"remark\" size=\"30\" value=\"{E(row.Remark)}\"></label></td></tr>");
        }
        var json = FormJson.ToJson(m);
        sb.Append($"""
            </tbody></table>
            <p><button type="button" id="save">保存</button> <a href="/forms/{stored.Id}">返回表页</a> <span id="save-state" role="status"></span></p>
            <section><h2>审核发现</h2><div id="findings" aria-live="polite"></div></section>
            </div>
            <script type="application/json" id="form-json">{json.ToJsonString(new JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Default })}</script>
            <script src="/js/monitoring.js"></script>
            """);
        return Html.Page($"填报监控表：{m.ProjectName}", sb.ToString(), user, Antiforgery.Field(http));
    }

    static string DeviationInputs(Deviation? d, string where) =>
        "<span class=\"causes\">偏差原因："
        + string.Concat(MonitoringChoices.AllCauses.Select(c =>
            $"<label><input type=\"checkbox\" data-cause=\"{c.ToCode()}\"{(d?.Causes.Contains(c) == true ? " checked" : "")}> {E(c.ToChinese())}</label> "))
        + "</span>"
        + $"<label class=\"inline-field\">原因说明 <input data-field=\"reason\" size=\"36\" maxlength=\"{FormValidation.MaxText}\" value=\"{E(d?.Reason)}\" aria-label=\"{E(where)}偏差原因说明\"></label>"
        + $"<label class=\"inline-field\">纠偏措施 <input data-field=\"correctiveAction\" size=\"36\" maxlength=\"{FormValidation.MaxText}\" value=\"{E(d?.CorrectiveAction)}\" aria-label=\"{E(where)}纠偏措施\"></label>";

    const string Css = """
        #monitoring-editor table { table-layout: fixed; }
        #monitoring-editor td { overflow-wrap: anywhere; }
        #monitoring-editor tr.deviation td { background: #fafafa; font-size: 13px; border-top: 0; }
        #monitoring-editor tr.deviation.quiet { display: none; }
        #monitoring-editor .inline-field { margin-left: .8rem; white-space: nowrap; }
        #monitoring-editor .causes label { margin-right: .4rem; white-space: nowrap; }
        #monitoring-editor td.light-cell { width: 2.6rem; text-align: center; }
        #monitoring-editor .working { display: block; font-size: 12px; color: #444; }
        table.funds th:nth-child(1), table.indicators.monitoring th:nth-child(1) { width: 2.8rem; }
        table.indicators.monitoring th:nth-child(2) { width: 2.2rem; }
        table.indicators.monitoring th:nth-child(3) { width: 26%; }
        #monitoring-editor input[size] { max-width: 100%; box-sizing: border-box; }
        """;
}
