using Jixiao.Core.Model;
using Jixiao.Formats.Export;
using Jixiao.Formats.Html;
using Jixiao.Formats.Pdf;
using Jixiao.Formats.Xlsx;
using Jixiao.Storage;
using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.Forms;

/// <summary>A unit's 汇总表 for a year as a download, and the upload page over the import API.</summary>
public static class SummaryAndUploadPages
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/summaries", (HttpContext http, FormStore store, FormAccess access, SharedPdfPrinter printer) => Api.Run(async () =>
        {
            var q = http.Request.Query;
            if (!long.TryParse(q["unit"], out var unitId) || unitId <= 0) return Api.Error(400, "请给出单位编号 unit", "unit");
            if (!int.TryParse(q["year"], out var y) || y is < 1990 or > 2100) return Api.Error(400, "请给出有效的年度 year（1990–2100）", "year");
            var format = q["format"].ToString();
            if (format is not ("xlsx" or "pdf" or "html")) return Api.Error(400, "format 应为 xlsx、pdf 或 html", "format");
            var user = CurrentUser.From(http);
            // Each project once, as it stands: a revision superseded by an approved 调整, or a 调整 not yet approved, is left out.
            var filter = await access.ScopeAsync(user, new FormFilter(Year: y, UnitId: unitId, Kind: "target-declaration", Limit: 1000) { CurrentOnly = true });
            var declarations = new List<TargetDeclaration>();
            foreach (var s in await store.ListAsync(filter))
                if (await store.GetAsync(s.Id) is { Form: TargetDeclaration d } stored && stored.UnitId == unitId
                    && (await access.DecideAsync(user, Jixiao.Core.Access.FormAction.Export, stored)).Allowed)
                    declarations.Add(d);
            if (declarations.Count == 0) return Api.Error(404, $"没有该单位 {y} 年度的申报表，或您无权查看", "unit");
            var summary = new DeclarationSummary { Year = y, UnitName = declarations[0].ImplementingUnit };
            summary.Declarations.AddRange(declarations);
            var name = ExportFileNames.Sanitise($"{y}_{summary.UnitName}_项目绩效目标汇总表");
            return format switch
            {
                "html" => Results.File(System.Text.Encoding.UTF8.GetBytes(HtmlRenderer.RenderSummaryDocument(summary)), "text/html; charset=utf-8", name + ".html"),
                "xlsx" => Results.File(XlsxWriter.Write(summary), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx"),
                _ => await printer.FileAsync(p => p.PrintAsync(summary), name),
            };
        })).WithSummary("单位某年度的项目绩效目标汇总表：unit、year、format=xlsx|pdf|html").Produces<ApiError>(404);

        app.MapGet("/imports", (HttpContext http) =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Results.Redirect("/login?returnUrl=/imports");
            if (!Jixiao.Core.Access.Permissions.MayEver(user.Role, Jixiao.Core.Access.FormAction.Import))
            {
                Flash.Set(http, "审核人员不导入绩效表", isError: true);
                return Results.Redirect("/forms");
            }
            const string body = """
                <p>支持 txt、xlsx、xls、pdf、docx、doc 和本系统导出的 JSON：PDF 提取的文本、Excel 工作簿、Word 文档中的表格、带文字层的 PDF。先预览读出的内容、提示和审核发现，确认后保存；重复上传同一张表不会重复保存。</p>
                <form id="upload"><input type="file" name="files" multiple required> <button type="submit">预览</button></form>
                <div id="preview" aria-live="polite"></div>
                <p><button type="button" id="confirm" hidden>确认导入</button> <span id="upload-state" role="status"></span></p>
                <script>
                (function () {
                  const form = document.getElementById('upload'), preview = document.getElementById('preview'), confirmButton = document.getElementById('confirm');
                  const text = (s) => { const e = document.createElement('span'); e.textContent = s ?? ''; return e.innerHTML; };
                  async function send(confirm) {
                    const r = await fetch('/api/imports' + (confirm ? '?confirm=true' : ''), { method: 'POST', headers: { 'X-Requested-With': 'jixiao' }, body: new FormData(form) });
                    const b = await r.json();
                    if (!r.ok) { preview.innerHTML = '<p class="error">' + text(b.error) + '</p>'; confirmButton.hidden = true; return; }
                    let html = '<table><thead><tr><th>文件</th><th>项目名称</th><th>年度</th><th>实施单位</th><th>提示与审核发现</th><th class="status">结果</th></tr></thead><tbody>';
                    for (const f of b.files) {
                      for (const p of f.problems || []) html += '<tr><td>' + text(f.file) + '</td><td colspan="5" class="error">' + text((p.line ? '第' + p.line + '行：' : '') + p.message) + '</td></tr>';
                      for (const x of f.forms || []) {
                        const notes = [...(x.warnings || []).map(w => '提示：' + w.message), ...(x.findings || []).filter(y => y.severity !== 'info').map(y => (y.severity === 'error' ? '错误：' : '警告：') + y.message)];
                        const result = x.error ? '<span class="error">' + text(x.error) + '</span>' : x.id ? (x.created ? '已保存（编号 ' + x.id + '）' : '已存在（编号 ' + x.id + '）') : (x.complete ? '待确认' : '内容不完整');
                        html += '<tr><td>' + text(f.file) + '</td><td>' + (x.id ? '<a href="/forms/' + x.id + '">' + text(x.projectName) + '</a>' : text(x.projectName)) + '</td><td>' + text(String(x.year ?? '')) + '</td><td>' + text(x.implementingUnit) + '</td><td>' + notes.map(text).join('<br>') + '</td><td class="status">' + result + '</td></tr>';
                      }
                    }
                    preview.innerHTML = html + '</tbody></table>';
                    confirmButton.hidden = confirm;
                    document.getElementById('upload-state').textContent = confirm ? '导入完成。' : '';
                  }
                  form.addEventListener('submit', e => { e.preventDefault(); send(false); });
                  confirmButton.addEventListener('click', () => send(true));
                })();
                </script>
                """;
            return Html.Page("导入绩效表", body, user, Antiforgery.Field(http));
        });
    }
}
