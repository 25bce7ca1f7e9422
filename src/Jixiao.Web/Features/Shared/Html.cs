using System.Net;
using System.Text;
using Jixiao.Core.Access;

namespace Jixiao.Web.Features.Shared;

/// <summary>The page frame every HTML page shares. Every text that comes from data goes through <see cref="E"/>.</summary>
public static class Html
{
    public static string E(string? s) => WebUtility.HtmlEncode(s ?? "");

    public static IResult Page(string title, string body, CurrentUser user, string? antiforgeryField = null)
    {
        var nav = new StringBuilder();
        nav.Append(user.IsPublic ? "<a href=\"/\">首页</a> " : "<a href=\"/\">工作台</a> ").Append("<a href=\"/public\">公开的绩效表</a> ");
        if (user.IsPublic) nav.Append("<a href=\"/login\">登录</a>");
        // A password the administrator set is changed first: no links to pages that would only send the person back.
        else if (user.MustChangePassword)
            nav.Clear().Append($"<span class=\"who\" title=\"用户名 {E(user.Username)}\">{E(user.DisplayName)}（{E(user.Role.ToChinese())}）</span> ")
               .Append($"<form method=\"post\" action=\"/logout\" class=\"inline\">{antiforgeryField}<button type=\"submit\">退出</button></form>");
        else
            nav.Append($"<a href=\"/forms\">绩效表</a> ")
               .Append(Permissions.MayEver(user.Role, FormAction.Schedule) ? "<a href=\"/windows\">填报时间</a> " : "")
               .Append("<a href=\"/monitoring\">运行监控</a> <a href=\"/rectifications\">整改台账</a> ")
               .Append("<a href=\"/results\">结果应用</a> <a href=\"/indicator-library\">指标库</a> ")
               .Append(Permissions.MayEver(user.Role, FormAction.Analyse) ? "<a href=\"/dashboard\">统计分析</a> " : "")
               .Append(Permissions.MayEver(user.Role, FormAction.DrawSpotCheck) ? "<a href=\"/spot-checks\">抽查</a> " : "")
               .Append(Permissions.MayEver(user.Role, FormAction.Administer) ? "<a href=\"/admin\">系统管理</a> " : "")
               .Append($"<span class=\"who\" title=\"用户名 {E(user.Username)}\">{E(user.DisplayName)}（{E(user.Role.ToChinese())}）</span> ")
               .Append("<a href=\"/account\">我的账号</a> ")
               .Append($"<form method=\"post\" action=\"/logout\" class=\"inline\">{antiforgeryField}<button type=\"submit\">退出</button></form>");
        var html = $$"""
            <!DOCTYPE html>
            <html lang="zh-CN">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{{E(title)}} · 绩效</title>
            <style>
              body { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 0; color: #1d1d1d; }
              header { background: #8b1a1a; color: #fff; padding: .6rem 1.2rem; display: flex; gap: 1rem; align-items: center; }
              header > strong { white-space: nowrap; flex-shrink: 0; }
              header a, header .who { color: #fff; margin-right: .55rem; white-space: nowrap; }
              header .who { font-size: 14px; }
              main { padding: 1rem 1.2rem; max-width: 1200px; }
              table { border-collapse: collapse; width: 100%; font-size: 14px; }
              th, td { border: 1px solid #999; padding: .3rem .5rem; vertical-align: top; }
              th { background: #f3efe6; }
              .inline { display: inline; }
              .error { color: #a00; }
              .status { white-space: nowrap; }
              .done { color: #176b2c; }
              .actions { margin: 1rem 0; display: flex; gap: .5rem; flex-wrap: wrap; align-items: center; }
              a.button, button { background: #8b1a1a; color: #fff; border: 0; padding: .35rem .8rem; border-radius: 3px; text-decoration: none; cursor: pointer; font: inherit; }
              header button { background: #6d1414; }
              fieldset { border: 1px solid #ccc; margin: .6rem 0; }
              .fields { display: flex; flex-wrap: wrap; gap: .6rem 1.2rem; }
              .field { display: flex; flex-direction: column; font-size: 13px; min-width: 14rem; }
              .field textarea { width: 34rem; max-width: 90vw; }
              input.invalid { outline: 2px solid #c00; }
              table.indicators input, table.indicators select { font: inherit; }
              td.working { font-size: 12px; color: #444; min-width: 12rem; }
              .differs { color: #a35a00; font-weight: bold; }
              #findings li.error { color: #a00; } #findings li.warning { color: #a35a00; } #findings li.info { color: #555; }
              table.findings tr.error td { color: #a00; } table.findings tr.warning td { color: #7a4300; } table.findings tr.info td { color: #555; }
              tr.differs td { background: #fff4e0; }
              .note { color: #555; font-size: 13px; }
              section.acknowledged { border-left: 4px solid #c77d00; padding: .2rem .8rem; background: #fffaf0; }
              section.returned { border-left: 4px solid #a00; padding: .2rem .8rem; background: #fff5f5; }
              button[disabled] { background: #999; cursor: not-allowed; }
              label.override { display: block; white-space: nowrap; }
              td textarea[name^=override-reason] { display: block; width: 9rem; margin-top: .2rem; }
              form.filters { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin: .6rem 0; }
              form.filters input[name=q] { width: 14rem; }
              tr.overdue td { background: #fff3f3; }
              .kind { font-size: 12px; padding: 0 .3rem; border-radius: 3px; white-space: nowrap; }
              .kind-target-declaration { background: #e8f0fb; } .kind-self-evaluation { background: #eef8ea; }
              .cards { display: flex; flex-wrap: wrap; gap: .8rem; }
              .card { display: flex; flex-direction: column; min-width: 10rem; padding: .8rem 1rem; border: 1px solid #ddd; border-radius: 6px; color: inherit; text-decoration: none; }
              a.card:hover { border-color: #8b1a1a; }
              .card .count { font-size: 28px; font-weight: bold; } .card.urgent .count { color: #a00; }
              nav.pager { margin: .8rem 0; } nav.pager a { margin: 0 .3rem; }
              .lead { font-size: 17px; max-width: 50rem; line-height: 1.7; }
              .readonly { color: #333; background: #f4f4f4; padding: .15rem .3rem; display: inline-block; min-width: 3rem; }
              #import-preview table { margin: .6rem 0 1rem; }
              #import-preview tr.problem td { color: #a00; }
              #import-preview td.new { color: #176b2c; }
            </style>
            </head>
            <body>
            <header><strong>绩效</strong><nav>{{nav}}</nav></header>
            <main>
            <h1>{{E(title)}}</h1>
            {{body}}
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8");
    }
}
