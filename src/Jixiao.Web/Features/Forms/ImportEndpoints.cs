using System.ComponentModel;
using Jixiao.Core.Access;
using Jixiao.Core.Model;
using Jixiao.Core.Review;
using Jixiao.Formats.Import;
using Jixiao.Core.Interchange;
using Jixiao.Formats.Profiles;
using Jixiao.Formats.Reports;
using Jixiao.Storage;
using Jixiao.Web.Features.Organisations;
using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.Forms;

[Description("导入预览（或确认导入）的结果")]
public sealed record ImportPreview([property: Description("是否已保存")] bool Confirmed, [property: Description("各文件")] IReadOnlyList<ImportedFile> Files);

[Description("一个上传的文件")]
public sealed record ImportedFile(
    [property: Description("文件名")] string File,
    [property: Description("文件的错误")] string? Error,
    [property: Description("读取中的问题")] IReadOnlyList<ImportProblemDocument> Problems,
    [property: Description("读出的表")] IReadOnlyList<ImportedFormDocument> Forms);

[Description("读取中的问题")]
public sealed record ImportProblemDocument([property: Description("说明")] string Message, [property: Description("行号")] int? Line, [property: Description("error / warning")] string Severity);

[Description("读出的一张表")]
public sealed record ImportedFormDocument(
    [property: Description("类型")] string Kind,
    [property: Description("年度")] int? Year,
    [property: Description("项目名称（部门整体表：单位的部门整体支出）")] string? ProjectName,
    [property: Description("实施单位")] string? ImplementingUnit,
    [property: Description("内容是否完整")] bool Complete,
    [property: Description("导入提示")] IReadOnlyList<WarningDocument> Warnings,
    [property: Description("审核发现")] IReadOnlyList<FindingDocument> Findings,
    [property: Description("不能导入的原因")] string? Error = null,
    [property: Description("保存后的编号")] long? Id = null,
    [property: Description("是否新保存（false：已存在）")] bool? Created = null);

/// <summary>
/// Upload one or many files: without `confirm=true` the answer is a preview (what was read, warnings, findings,
/// whether each form is stored already); with it the forms are saved. A form stored already is not stored twice. A
/// multipart body is what a cross-site form can send, so the request must also carry the header `X-Requested-With`
/// (any value), which only a script of this site can add.
/// </summary>
public static class ImportEndpoints
{
    public const long MaxUploadBytes = 20 * 1024 * 1024;

    public static void Map(WebApplication app)
    {
        app.MapPost("/api/imports", (HttpContext http, FormStore store, FormAccess access, OrganisationStore organisations, ProfileCatalog profiles) => Api.Run(async () =>
        {
            var user = CurrentUser.From(http);
            if (user.IsPublic) return Api.Error(401, "请先登录");
            if (!Permissions.MayEver(user.Role, FormAction.Import)) return Api.Error(403, $"{user.Role.ToChinese()}不导入绩效表；请由填报单位或管理员导入");
            var form = await Api.ReadUploadAsync(http, MaxUploadBytes, "files");
            if (form.Files.Count == 0) return Api.Error(400, "没有上传文件", "files");
            var confirm = http.Request.Query["confirm"] == "true";
            var units = await access.UnitsAsync(user);
            var ownUnitNames = (await organisations.AllAsync()).Where(o => units.Contains(o.Id)).Select(o => o.Name).ToHashSet();

            var files = new List<ImportedFile>();
            foreach (var file in form.Files)
            {
                if (file.Length > MaxUploadBytes) { files.Add(new ImportedFile(file.FileName, "文件过大", [], [])); continue; }
                using var ms = new MemoryStream();
                await file.CopyToAsync(ms);
                var result = FormImporter.Import(ms.ToArray(), file.FileName);
                var forms = new List<ImportedFormDocument>();
                foreach (var f in result.Forms)
                {
                    var item = new ImportedFormDocument(f.Kind.ToCode(), f.Year, f.Subject(), f.ImplementingUnit, f.Complete,
                        f.Warnings.Select(w => new WarningDocument { Message = w.Message, Line = w.Line }).ToList(),
                        Reviewer.Review(f, profiles.ForForm(f)).Select(FindingDocument.Of).ToList());
                    // A unit imports its own forms only: the table's Import row, with the form's unit as printed.
                    if (user.Role != Role.Admin && !ownUnitNames.Contains(f.ImplementingUnit ?? ""))
                        item = item with { Error = $"这张表的{(f.Kind.IsDepartmentWhole() ? "部门（单位）名称" : "实施单位")}是“{f.ImplementingUnit}”，不是您的单位，不能导入" };
                    else if (confirm)
                    {
                        var unit = await organisations.EnsureUnitAsync(f.Department, f.ImplementingUnit);
                        var decision = await access.DecideNewAsync(user, FormAction.Import, f.Kind, unit);
                        if (!decision.Allowed) item = item with { Error = decision.Refusal };
                        else
                        {
                            var (id, created) = await store.ImportAsync(f, unit, user.Username!);
                            item = item with { Id = id, Created = created };
                        }
                    }
                    forms.Add(item);
                }
                files.Add(new ImportedFile(file.FileName, null,
                    result.Problems.Select(p => new ImportProblemDocument(p.Message, p.Line, p.IsError ? "error" : "warning")).ToList(), forms));
            }
            return Api.Json(new ImportPreview(confirm, files));
        })).DisableAntiforgery()
            .WithSummary("上传导入（multipart/form-data，字段 files，须带请求头 X-Requested-With）：先预览读出的内容、提示和审核发现，加 ?confirm=true 保存；重复导入不会重复保存")
            .Produces<ImportPreview>().Produces<ApiError>(400).Produces<ApiError>(413);
    }
}
