// The monitoring form's editor (MonitoringEditor.cs draws the page): gathers the inputs into the form document,
// asks the server for the lights and findings as the unit types (POST /api/check), and saves (PUT /api/forms/{id}).
// The server computes 执行率 and the lights, reads the typed values (255天, 85%) and keeps the declaration's parts.
(() => {
  "use strict";
  const root = document.getElementById("monitoring-editor");
  const form = JSON.parse(document.getElementById("form-json").textContent);
  const formId = root.dataset.id;
  let version = Number(root.dataset.version);
  const state = document.getElementById("save-state");
  const LIGHT = { red: "红", yellow: "黄", green: "绿" };

  const number = (input) => {
    const t = input.value.trim().replace(/,/g, "");
    if (t === "") return null;
    const n = Number(t);
    input.classList.toggle("invalid", !Number.isFinite(n));
    return Number.isFinite(n) ? n : t; // a non-number goes to the server, which names the field
  };
  const text = (el) => (el && el.value.trim() !== "" ? el.value.trim() : null);

  function deviation(container) {
    const causes = [...container.querySelectorAll("input[data-cause]:checked")].map((c) => c.dataset.cause);
    const reason = text(container.querySelector("[data-field=reason]"));
    const correctiveAction = text(container.querySelector("[data-field=correctiveAction]"));
    return causes.length || reason || correctiveAction ? { causes, reason, correctiveAction } : null;
  }

  function gather() {
    form.goals.progress = text(root.querySelector("[data-goal=progress]"));
    form.funds.rows.forEach((row, i) => {
      const tr = root.querySelector(`tr[data-fund="${i}"]`);
      for (const f of ["adjustedBudget", "executedToDate", "forecastExecuted"]) row[f] = number(tr.querySelector(`[data-field=${f}]`));
      row.deviation = deviation(root.querySelector(`tr[data-fund-deviation="${i}"]`));
      delete row.executionRate; // computed by the server
    });
    form.indicators.forEach((row, i) => {
      const tr = root.querySelector(`tr[data-row="${i}"]`);
      const progress = text(tr.querySelector("[data-field=progress]"));
      const forecast = text(tr.querySelector("[data-field=forecast]"));
      const achievement = tr.querySelector("[data-field=achievement]")?.value || null;
      row.progress = progress ? { text: progress } : null;
      row.forecast = forecast || achievement ? { text: forecast ?? "", achievement } : null;
      row.likelihood = tr.querySelector("[data-field=likelihood]").value || null;
      const dev = root.querySelector(`tr[data-row-deviation="${i}"]`);
      row.deviation = deviation(dev);
      row.remark = text(dev.querySelector("[data-field=remark]"));
    });
    return form;
  }

  function paint(tr, devRow, light) {
    const cell = tr.querySelector(".light-cell");
    const code = light?.light;
    cell.innerHTML = `<span class="light ${code ?? "none"}">${LIGHT[code] ?? "—"}</span>`;
    tr.className = code ?? "";
    tr.title = light?.working ?? "";
    let w = devRow.querySelector(".working");
    if (!w) { w = document.createElement("span"); w.className = "working"; devRow.cells[1].prepend(w); }
    w.textContent = light?.working ?? "";
    const filled = devRow.querySelector("input[data-cause]:checked") || [...devRow.querySelectorAll("input[data-field]")].some((x) => x.value.trim());
    devRow.classList.toggle("quiet", !(code === "red" || code === "yellow") && !filled);
  }

  function show(result) {
    const lights = result.monitoring;
    if (lights) {
      lights.funds.forEach((f, i) => {
        paint(root.querySelector(`tr[data-fund="${i}"]`), root.querySelector(`tr[data-fund-deviation="${i}"]`), f);
        root.querySelector(`tr[data-fund="${i}"] .rate`).textContent = f.executionRate == null ? "" : `${f.executionRate.toFixed(2)}%`;
      });
      lights.indicators.forEach((r, i) => paint(root.querySelector(`tr[data-row="${i}"]`), root.querySelector(`tr[data-row-deviation="${i}"]`), r));
    }
    const list = document.getElementById("findings");
    const items = [...(result.problems ?? []).map((p) => ({ severity: "error", message: p.message })), ...(result.findings ?? [])];
    list.innerHTML = items.length === 0 ? "<p>没有审核发现。</p>" : "<ul></ul>";
    const ul = list.querySelector("ul");
    for (const f of items) {
      const li = document.createElement("li");
      li.className = f.severity;
      li.textContent = (f.row ? `第 ${f.row} 行：` : "") + f.message;
      ul?.append(li);
    }
  }

  let timer;
  async function check() {
    const r = await fetch(`/api/check?form=${formId}`, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(gather()) });
    if (r.ok) show(await r.json());
  }
  root.addEventListener("input", () => { clearTimeout(timer); timer = setTimeout(check, 400); });
  root.addEventListener("change", () => { clearTimeout(timer); timer = setTimeout(check, 100); });

  document.getElementById("save").addEventListener("click", async () => {
    state.textContent = "保存中…";
    const r = await fetch(`/api/forms/${formId}?version=${version}`, { method: "PUT", headers: { "Content-Type": "application/json" }, body: JSON.stringify(gather()) });
    const j = await r.json();
    if (r.ok) {
      version = j.version;
      state.textContent = `已保存（第 ${version} 版）`;
      check();
    } else {
      state.textContent = "未保存：" + (j.error ?? "") + (j.problems ? " " + j.problems.map((p) => p.message).join("；") : "");
      state.className = "error";
    }
  });
  check();
})();
