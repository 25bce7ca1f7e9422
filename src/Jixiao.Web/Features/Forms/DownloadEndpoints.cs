using System.Text;
using Jixiao.Formats.Export;
using Jixiao.Formats.Html;
using Jixiao.Formats.Pdf;
using Jixiao.Formats.Xlsx;
using Jixiao.Storage;
using Jixiao.Web.Features.Shared;

namespace Jixiao.Web.Features.Forms;

/// <summary>
/// One Chromium for the whole application, started on the first PDF download and kept: a cold start costs more than
/// a second, a print on a warm browser a few tens of milliseconds.
/// </summary>
public sealed class SharedPdfPrinter : IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private PdfPrinter? _printer;

    public async Task<PdfPrinter> GetAsync()
    {
        if (_printer is { Broken: false } ready) return ready;
        await _gate.WaitAsync();
        try
        {
            // A printer whose browser died is replaced, so one crash does not end PDF downloads until a restart.
            if (_printer is { Broken: true } dead)
            {
                _printer = null;
                await dead.DisposeAsync();
            }
            return _printer ??= await PdfPrinter.StartAsync();
        }
        finally { _gate.Release(); }
    }

    /// <summary>A PDF of whatever <paramref name="print"/> makes, or the API's 503 saying why it could not be made.</summary>
    public async Task<IResult> FileAsync(Func<PdfPrinter, Task<byte[]>> print, string name)
    {
        try { return Results.File(await print(await GetAsync()), "application/pdf", name + ".pdf"); }
        catch (PdfExportException ex) { return Api.Error(503, "PDF 生成失败：" + ex.Message, "format"); }
    }

    public async ValueTask DisposeAsync()
    {
        if (_printer is not null) await _printer.DisposeAsync();
    }
}

public static class DownloadEndpoints
{
    public static void Map(WebApplication app)
    {
        app.MapGet("/api/forms/{id}/export", (string id, string? format, HttpContext http, FormStore store, FormAccess access, SharedPdfPrinter printer) => Api.Run(async () =>
        {
            var form = await access.RequireAsync(CurrentUser.From(http), id, Jixiao.Core.Access.FormAction.Export, store);
            var name = ExportFileNames.Stem(form.Form);
            switch (format)
            {
                case "html":
                    return Results.File(Encoding.UTF8.GetBytes(HtmlRenderer.RenderDocument(form.Form)), "text/html; charset=utf-8", name + ".html");
                case "xlsx":
                    return Results.File(XlsxWriter.Write(form.Form), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", name + ".xlsx");
                case "pdf":
                    return await printer.FileAsync(p => p.PrintAsync(form.Form), name);
                default:
                    return Api.Error(400, $"format 应为 xlsx、pdf 或 html，实际为“{format}”", "format");
            }
        })).WithSummary("下载一张表：format=xlsx|pdf|html，官方表样").Produces(200, contentType: "application/pdf").Produces<ApiError>(404);
    }
}
