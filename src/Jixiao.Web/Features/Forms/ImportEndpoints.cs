using Jixiao.Core.Model;
using System.Text.Json.Nodes;
using Jixiao.Core.Review;
using Jixiao.Formats.Import;
using Jixiao.Formats.Json;
using Jixiao.Formats.Profiles;
using Jixiao.Storage;
using Jixiao.Web.Features.Accounts;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.Forms;

/// <summary>
/// Upload one or many files: without `confirm=true` the answer is a preview (what was read, warnings, findings,
/// whether each form is stored already); with it the forms are saved. A form stored already is not stored twice.
/// </summary>
public static class ImportEndpoints
{
    public const long MaxUploadBytes = 20 * 1024 * 1024;

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/imports", async (HttpContext http, FormStore store, OrganisationStore organisations, ProfileCatalog profiles) =>
        {
            var user = CurrentUser.From(http.User);
            if (user.IsPublic) return WorkflowEndpoints.Error(401, "请先登录", null);
            if (user.Role is Roles.DepartmentReviewer or Roles.FinanceReviewer)
                return WorkflowEndpoints.Error(403, "审核人员不导入绩效表；请由填报单位或管理员导入", null);
            if (!http.Request.HasFormContentType) return WorkflowEndpoints.Error(400, "请以 multipart/form-data 上传文件", "files");
            if (http.Request.ContentLength > MaxUploadBytes)
                return WorkflowEndpoints.Error(413, $"上传内容超过 {MaxUploadBytes / 1024 / 1024} MB", "files");
            IFormCollection form;
            try { form = await http.Request.ReadFormAsync(); }
            catch (Exception ex) when (ex is InvalidDataException or IOException or BadHttpRequestException)
            {
                return WorkflowEndpoints.Error(400, "上传内容无法读取：" + ex.Message, "files");
            }
            if (form.Files.Count == 0) return WorkflowEndpoints.Error(400, "没有上传文件", "files");
            var confirm = http.Request.Query["confirm"] == "true";
            var units = user.OrganisationId is { } org ? await organisations.UnitsUnderAsync(org) : [];
            var ownUnitNames = (await organisations.AllAsync()).Where(o => units.Contains(o.Id)).Select(o => o.Name).ToHashSet();

            var files = new JsonArray();
            foreach (var file in form.Files)
            {
                var entry = new JsonObject { ["file"] = file.FileName };
                files.Add(entry);
                if (file.Length > MaxUploadBytes) { entry["error"] = "文件过大"; continue; }
                using var ms = new MemoryStream();
                await file.CopyToAsync(ms);
                var result = FormImporter.Import(ms.ToArray(), file.FileName);
                entry["problems"] = new JsonArray(result.Problems.Select(p => (JsonNode)new JsonObject
                {
                    ["message"] = p.Message, ["line"] = p.Line, ["severity"] = p.IsError ? "error" : "warning",
                }).ToArray());
                var forms = new JsonArray();
                entry["forms"] = forms;
                foreach (var f in result.Forms)
                {
                    var item = new JsonObject
                    {
                        ["kind"] = f.Kind.ToCode(),
                        ["year"] = f.Year,
                        ["projectName"] = f.ProjectName,
                        ["implementingUnit"] = f.ImplementingUnit,
                        ["complete"] = f.Complete,
                        ["warnings"] = new JsonArray(f.Warnings.Select(w => (JsonNode)new JsonObject { ["message"] = w.Message, ["line"] = w.Line }).ToArray()),
                    };
                    var profile = profiles.ForForm(f);
                    item["findings"] = new JsonArray(Reviewer.Review(f, profile).Select(x => (JsonNode)new JsonObject
                    {
                        ["code"] = x.Code, ["severity"] = x.Severity.ToString().ToLowerInvariant(), ["message"] = x.Message, ["name"] = x.IndicatorName,
                    }).ToArray());
                    // A unit imports its own forms only.
                    if (user.Role == Roles.Unit && !ownUnitNames.Contains(f.ImplementingUnit ?? ""))
                    {
                        item["error"] = $"这张表的实施单位是“{f.ImplementingUnit}”，不是您的单位，不能导入";
                        forms.Add(item);
                        continue;
                    }
                    if (confirm)
                    {
                        var unit = await organisations.EnsureUnitAsync(f.Department, f.ImplementingUnit);
                        var (id, created) = await store.ImportAsync(f, unit, user.Username!);
                        item["id"] = id;
                        item["created"] = created;
                    }
                    forms.Add(item);
                }
            }
            return Results.Json(new JsonObject { ["confirmed"] = confirm, ["files"] = files }, FormJson.Options);
        }).DisableAntiforgery().WithSummary("上传导入：先预览（读出的内容、提示和审核发现），加 ?confirm=true 保存；重复导入不会重复保存");
    }
}
