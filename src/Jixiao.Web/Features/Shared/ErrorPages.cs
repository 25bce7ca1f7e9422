using System.Diagnostics;
using Microsoft.AspNetCore.Diagnostics;

namespace Jixiao.Web.Features.Shared;

/// <summary>
/// What people see when something goes wrong: a Chinese page (or, under /api, the API's error shape) with a request
/// id to quote to the administrator, never a stack trace; the log has the details under the same id. Answers the
/// framework leaves empty (an unknown address, a wrong method, a body over the server's limit) get words too.
/// </summary>
public static class ErrorPages
{
    public static void Use(WebApplication app)
    {
        if (app.Environment.IsDevelopment()) app.UseDeveloperExceptionPage();
        else
            app.UseExceptionHandler(new ExceptionHandlerOptions
            {
                ExceptionHandler = async http =>
                {
                    var error = http.Features.Get<IExceptionHandlerFeature>()?.Error;
                    var status = error is BadHttpRequestException bad ? bad.StatusCode : 500;
                    var message = status switch
                    {
                        413 => "请求内容超过服务器的上限",
                        >= 400 and < 500 => "请求无法读取（格式或长度不符）",
                        _ => "服务器内部错误，您的操作没有完成。请稍后重试；如仍出错，请把请求编号告诉管理员。",
                    };
                    await WriteAsync(http, status, message);
                },
            });
        app.UseStatusCodePages(async ctx =>
        {
            var http = ctx.HttpContext;
            var message = http.Response.StatusCode switch
            {
                404 => "没有这个页面或接口",
                405 => "这个地址不接受此请求方法",
                413 => "请求内容超过服务器的上限",
                415 => "请求内容的类型不受支持",
                _ => $"请求未能完成（{http.Response.StatusCode}）",
            };
            await WriteAsync(http, http.Response.StatusCode, message);
        });
    }

    static async Task WriteAsync(HttpContext http, int status, string message)
    {
        var requestId = Activity.Current?.Id ?? http.TraceIdentifier;
        http.Response.StatusCode = status;
        if (http.Request.Path.StartsWithSegments("/api") || http.Request.Headers.Accept.ToString().Contains("application/json"))
        {
            await Api.Json(new ApiError(message, RequestId: requestId), status).ExecuteAsync(http);
            return;
        }
        await Html.Page(status >= 500 ? "出错了" : "无法完成请求",
            $"<p class=\"error\">{Html.E(message)}</p><p class=\"note\">请求编号：<code>{Html.E(requestId)}</code></p><p><a href=\"/\">返回首页</a></p>",
            CurrentUser.From(http)).ExecuteAsync(http);
    }
}
