// A workbook import's preview, then its confirmation (the administrator's organisations and accounts, finance's
// 指标库): the form #…'s file is posted to the API (preview), then again with ?confirm=true; a bad cell is listed by
// sheet, row and column. Each page says how to show the answer: show(answer) gives { html, confirmable, state, after }.
(function () {
  "use strict";
  const text = (s) => { const e = document.createElement("span"); e.textContent = s ?? ""; return e.innerHTML; };
  // The table has the sheet, row and column in columns of their own; the message says them again for API clients.
  const plain = (m) => m.replace(/^工作表“[^”]*”第 \d+ 行“[^”]*”列（[A-Z]+\d+）：/, "");

  function problemsTable(problems) {
    let html = '<h2>问题（' + problems.length + ' 处，改正后再预览）</h2><table class="problems"><thead><tr><th>工作表</th><th>行</th><th>列</th><th>说明</th></tr></thead><tbody>';
    for (const p of problems) html += '<tr class="problem"><td>' + text(p.sheet) + "</td><td>" + p.row + "</td><td>" + text(p.column) + "（" + text(p.cell) + "）</td><td>" + text(plain(p.message)) + "</td></tr>";
    return html + "</tbody></table>";
  }

  function start(formId, url, show) {
    const form = document.getElementById(formId);
    if (!form) return;
    const preview = document.getElementById("import-preview"), confirmButton = document.getElementById("import-confirm"),
          state = document.getElementById("import-state");

    async function send(confirm) {
      state.textContent = confirm ? "正在导入……" : "正在读取……";
      const r = await fetch(url + (confirm ? "?confirm=true" : ""), { method: "POST", headers: { "X-Requested-With": "jixiao" }, body: new FormData(form) });
      const b = await r.json();
      if (r.ok) {
        const shown = show(b);
        preview.innerHTML = (b.problems.length > 0 ? problemsTable(b.problems) : "") + shown.html;
        confirmButton.hidden = b.confirmed || b.problems.length > 0 || !shown.confirmable;
        state.textContent = b.problems.length > 0 ? "有问题，不能导入。" : shown.state;
        if (shown.after) shown.after();
        return;
      }
      confirmButton.hidden = true;
      state.textContent = "";
      preview.innerHTML = '<p class="error">' + text(b.error) + "</p>" + (b.problems && b.problems.length > 1
        ? "<ul>" + b.problems.map(p => '<li class="error">' + text(p.message) + "</li>").join("") + "</ul>" : "");
    }

    form.addEventListener("submit", e => { e.preventDefault(); send(false); });
    form.querySelector("input[type=file]").addEventListener("change", () => { confirmButton.hidden = true; preview.innerHTML = ""; state.textContent = ""; });
    confirmButton.addEventListener("click", () => send(true));
  }

  window.WorkbookImport = { text, start };
})();
