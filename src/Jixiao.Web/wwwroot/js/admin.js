// The administrator's workbook import: preview (POST /api/admin/import), then confirm (?confirm=true), showing every
// problem by sheet, row and column (workbook-import.js), and the generated initial passwords once, with a download of them.
(function () {
  "use strict";
  const text = WorkbookImport.text;
  const kinds = { finance: "财政部门", department: "主管部门", unit: "实施单位" };
  const roles = { unit: "单位填报", "department-reviewer": "主管部门审核", "finance-reviewer": "财政审核", admin: "管理员" };
  const outcome = (o, confirmed) => o === "new" ? '<td class="new">' + (confirmed ? "已新建" : "新建") + "</td>"
    : o === "problem" ? '<td class="error">有问题</td>' : "<td>已存在（不改动）</td>";

  function show(b) {
    let html = "";
    const newOrgs = b.organisations.filter(o => o.outcome === "new").length, newAccounts = b.accounts.filter(a => a.outcome === "new").length;
    html += "<h2>机构（" + b.organisations.length + " 行，新建 " + newOrgs + "）</h2>";
    if (b.organisations.length > 0) {
      html += "<table><thead><tr><th>行</th><th>名称</th><th>类型</th><th>上级机构</th><th>结果</th></tr></thead><tbody>";
      for (const o of b.organisations)
        html += "<tr><td>" + o.row + "</td><td>" + text(o.name) + "</td><td>" + text(kinds[o.kind] ?? "—") + "</td><td>" + text(o.parent ?? "—") + "</td>" + outcome(o.outcome, b.confirmed) + "</tr>";
      html += "</tbody></table>";
    }
    html += "<h2>账号（" + b.accounts.length + " 行，新建 " + newAccounts + "）</h2>";
    const generated = b.accounts.filter(a => a.password);
    if (b.accounts.length > 0) {
      html += "<table><thead><tr><th>行</th><th>用户名</th><th>姓名</th><th>角色</th><th>所属机构</th><th>初始密码</th><th>结果</th></tr></thead><tbody>";
      for (const a of b.accounts) {
        const pw = a.outcome === "exists" ? "—" : a.password ? "<code>" + text(a.password) + "</code>" : a.passwordGenerated ? "系统生成" : "表中给出";
        html += "<tr><td>" + a.row + "</td><td>" + text(a.username) + "</td><td>" + text(a.realName) + "</td><td>" + text(roles[a.role] ?? "—") + "</td><td>" +
                text(a.organisation ?? "—") + "</td><td>" + pw + "</td>" + outcome(a.outcome, b.confirmed) + "</tr>";
      }
      html += "</tbody></table>";
    }
    if (b.confirmed && generated.length > 0)
      html = '<section class="issued"><h2>系统生成的初始密码</h2><p>共 ' + generated.length + ' 个，只显示这一次（系统不保存原文）。请下载后通过可靠的渠道交给本人；本人首次登录时须修改密码。</p>' +
             '<p><button type="button" id="download-passwords">下载账号和初始密码（CSV）</button></p></section>' + html;
    return {
      html,
      confirmable: newOrgs + newAccounts > 0,
      state: b.confirmed ? "导入完成：新建机构 " + newOrgs + " 个、账号 " + newAccounts + " 个。"
        : newOrgs + newAccounts === 0 ? "工作簿中的机构和账号都已存在，没有要导入的。" : "预览无误，可以确认导入。",
      after: () => {
        const download = document.getElementById("download-passwords");
        if (download) download.addEventListener("click", () => {
          const quote = (s) => '"' + String(s ?? "").replace(/"/g, '""') + '"';
          const lines = [["用户名", "姓名", "所属机构", "初始密码"].map(quote).join(",")]
            .concat(generated.map(a => [a.username, a.realName, a.organisation, a.password].map(quote).join(",")));
          const blob = new Blob(["\ufeff" + lines.join("\r\n")], { type: "text/csv;charset=utf-8" });
          const link = document.createElement("a");
          link.href = URL.createObjectURL(blob);
          link.download = "初始密码.csv";
          link.click();
          URL.revokeObjectURL(link.href);
        });
      },
    };
  }

  WorkbookImport.start("admin-import", "/api/admin/import", show);
})();
