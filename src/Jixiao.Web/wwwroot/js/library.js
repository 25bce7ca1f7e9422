// Finance's 指标库 from a workbook: preview (POST /api/indicator-library/import), then confirm (?confirm=true), through
// workbook-import.js. The entries that change are listed with what changes; the unchanged ones are counted.
(function () {
  "use strict";
  const text = WorkbookImport.text;
  const outcomes = { new: ["新增", "已新增"], update: ["修改", "已修改"], problem: ["有问题", "有问题"] };

  function show(b) {
    const count = (o) => b.entries.filter(e => e.outcome === o).length;
    const added = count("new"), changed = count("update"), same = count("same");
    const listed = b.entries.filter(e => e.outcome !== "same");
    let html = "<h2>指标（" + b.entries.length + " 条：新增 " + added + "，修改 " + changed + "，没有变化 " + same + "）</h2>";
    if (listed.length > 0) {
      html += '<table class="import"><thead><tr><th>行</th><th>编号</th><th>一级指标</th><th>二级指标</th><th>三级指标</th><th>修改的内容</th><th>结果</th></tr></thead><tbody>';
      for (const e of listed) {
        const name = e.id ? '<a href="/indicator-library/' + e.id + '">' + text(e.name) + "</a>" : text(e.name);
        html += '<tr data-row="' + e.row + '"><td>' + e.row + "</td><td>" + (e.id ?? "—") + "</td><td>" + text(e.level1) + "</td><td>" + text(e.level2) + "</td><td>" + name +
                "</td><td>" + e.changes.map(text).join("<br>") + "</td>" +
                '<td class="' + (e.outcome === "problem" ? "error" : e.outcome === "new" ? "new" : "") + '">' + outcomes[e.outcome][b.confirmed ? 1 : 0] + "</td></tr>";
      }
      html += "</tbody></table>";
    }
    return {
      html,
      confirmable: added + changed > 0,
      state: b.confirmed ? "导入完成：新增 " + added + " 条，修改 " + changed + " 条。"
        : added + changed === 0 ? "工作簿与指标库一致，没有要导入的。" : "预览无误，可以确认导入。",
    };
  }

  WorkbookImport.start("library-import", "/api/indicator-library/import", show);
})();
