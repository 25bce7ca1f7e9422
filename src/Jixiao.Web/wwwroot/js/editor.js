// The form editor: edits the interchange JSON of one form, shows the review findings and the scorer's working as
// the unit types (POST /api/check), and saves through the API with the version it started from. It protects work
// (a warning before leaving with unsaved changes, a confirmation before deleting a row), speaks of fields by their
// Chinese names, and shows a returned form's row comments beside their rows, where the unit marks them addressed.
(function () {
  "use strict";
  const root = document.getElementById("editor");
  if (!root) return;
  const formId = root.dataset.id || null;
  let version = Number(root.dataset.version || 0);
  // Read figures as their source text ("25.00"), not as numbers that would drop the trailing zeros.
  const counts = ["year", "line", "formatVersion", "version", "row", "id", "declarationId", "adjustsId", "revision"];
  const parse = (text) => JSON.parse(text,
    (key, value, context) => typeof value === "number" && !counts.includes(key) && context && context.source ? context.source : value);
  let form = parse(document.getElementById("form-json").textContent);
  const framework = JSON.parse(document.getElementById("framework-json").textContent);
  const comments = JSON.parse((document.getElementById("comments-json") || {}).textContent || "[]");
  const labels = framework.labels || {};
  const comparators = ["", "≥", ">", "=", "≤", "<"];
  const isSelf = form.kind === "self-evaluation";
  // A self-evaluation made from an approved declaration: its indicators and computed figures are the server's.
  const bound = root.dataset.bound === "true";
  const achievements = [["achieved", "达成指标"], ["partially-achieved", "部分达成指标并具有一定效果"], ["not-achieved", "未达成指标且效果较差"]];
  const shown = (v) => v === null || v === undefined || v === "" ? "—" : String(v);
  const readonly = (value, attrs) => el("span", Object.assign({ class: "readonly" }, attrs || {}), shown(value));

  const el = (tag, attrs, ...children) => {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k.startsWith("on")) e.addEventListener(k.slice(2), v); else if (v !== null && v !== undefined) e.setAttribute(k, v);
    }
    for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(c ?? ""));
    return e;
  };
  // Numbers travel as their decimal text ("20.00"), which the server reads exactly: a JavaScript number would turn
  // 20.00 into 20 and the printed form would lose its places.
  const isNumber = (s) => /^-?\d+(\.\d+)?$/.test(String(s ?? "").replace(/,/g, "").trim());
  const num = (s) => (s === "" || s === null || s === undefined || !isNumber(s) ? null : String(s).replace(/,/g, "").trim());

  // A field of the API by its Chinese name, composed as the server composes it (FieldLabels): rows from 1, named by
  // their 三级指标. Never a JSON path in front of the unit.
  function label(field) {
    if (!field || field === "$") return "";
    const pattern = (f) => f.replace(/\[\d+\]/g, "[]");
    let m = /^indicators\[(\d+)\](.*)$/.exec(field);
    if (m) {
      const i = Number(m[1]), rest = m[2], ind = form.indicators[i];
      const row = ind && ind.name ? `第 ${i + 1} 行三级指标“${ind.name}”` : `第 ${i + 1} 行`;
      if (!rest) return row;
      if (rest === ".name") return `第 ${i + 1} 行的三级指标`;
      return `${row}的${labels["indicators[]" + pattern(rest)] || "内容"}`;
    }
    m = /^funds\.rows\[(\d+)\](.*)$/.exec(field);
    if (m) {
      const r = form.funds && form.funds.rows && form.funds.rows[Number(m[1])];
      const row = r && r.label ? r.label : `第 ${Number(m[1]) + 1} 个资金行`;
      return m[2] ? `项目资金·${row}的${labels["funds.rows[]" + pattern(m[2])] || "内容"}` : `项目资金·资金行“${row}”`;
    }
    return labels[pattern(field)] || "";
  }
  // A server message with the field paths in it (strict reading names them for API clients) put in Chinese words.
  const readable = (message) => String(message ?? "")
    .replace(/（([A-Za-z$][\w.[\]]*)）/g, (all, path) => { const l = label(path); return l ? `（${l}）` : ""; })
    .replace(/\b[a-z][A-Za-z]*(\[\d+\])?(\.[A-Za-z]+(\[\d+\])?)+\b/g, (path) => label(path) || path);

  // Unsaved work: every edit counts; a save covers the edits made before it started.
  let edits = 0, savedEdits = 0;
  const dirty = () => edits !== savedEdits;
  window.addEventListener("beforeunload", (e) => { if (dirty()) { e.preventDefault(); e.returnValue = ""; } });

  function field(label, get, set, opts = {}) {
    if (opts.readonly) return el("label", { class: "field" }, label, readonly(get(), { "data-computed": opts.computed || null, "data-name": opts.name || null }));
    const input = el(opts.multiline ? "textarea" : "input", {
      name: opts.name, "aria-label": label, maxlength: opts.max || 200, rows: opts.multiline ? 4 : null,
      inputmode: opts.number ? "decimal" : null, type: opts.type || null,
    });
    input.value = get() ?? "";
    input.addEventListener("input", () => {
      if (opts.number) {
        const v = input.value.trim();
        input.classList.toggle("invalid", v !== "" && !isNumber(v));
        set(v === "" ? null : num(v));
      } else set(input.value);
      changed();
    });
    return el("label", { class: "field" }, label, input);
  }

  // A choice from the profile's list; a value an imported form carries that the list lacks stays, marked.
  function choice(text, get, set, options, name) {
    const current = get() || "";
    const select = el("select", { name, "aria-label": text }, el("option", { value: "" }, "（请选择）"),
      ...options.map(v => el("option", { value: v }, v)),
      ...(current && !options.includes(current) ? [el("option", { value: current }, current + "（不在本方案的列表中）")] : []));
    select.value = current;
    select.addEventListener("change", () => { set(select.value || null); changed(); });
    return el("label", { class: "field" }, text, select);
  }

  function targetText(t) {
    if (!t) return "";
    if (t.value === null || t.value === undefined) return t.text || "";
    return (t.comparator || "") + t.value + (t.unit ? "(" + t.unit + ")" : "");
  }

  // One indicator row, and under it (a 自评表) the scorer's working and any return comments on the row.
  function rowEditor(ind, i) {
    const tr = el("tr", { "data-row": i });
    const actions = bound ? [] : [
      el("button", { type: "button", title: "上移", onclick: () => move(i, -1) }, "↑"),
      el("button", { type: "button", title: "下移", onclick: () => move(i, 1) }, "↓"),
      el("button", { type: "button", title: "删除", class: "delete-row", onclick: () => remove(i) }, "删除")];
    const cells = [el("td", { class: "rownum" }, String(i + 1), ...(isSelf ? actions : []))];
    if (isSelf) {
      cells.push(...(bound ? fixedCells(ind) : editableCells(ind, i, true)));
      cells.push(...evaluationCells(ind, i));
    } else {
      cells.push(...editableCells(ind, i, false));
      cells.push(el("td", { class: "working", "data-working": i }));
      cells.push(el("td", { class: "row-actions" }, ...actions));
    }
    cells.forEach(c => tr.append(c));
    const columns = cells.length;
    const rows = [tr];
    if (isSelf) rows.push(el("tr", { class: "working-row" }, el("td", {}), el("td", { colspan: columns - 1, class: "working", "data-working": i })));
    (commentsOf.get(ind) || []).forEach(c => rows.push(el("tr", { class: "comment-row", "data-comment": c.id },
      el("td", { class: "rownum" }, "意见"), el("td", { colspan: columns - 1 }, ...commentBody(c)))));
    return rows;
  }

  function remove(i) {
    const ind = form.indicators[i];
    if (!confirm(`删除第 ${i + 1} 行“${ind.name || "（未命名）"}”？保存后才生效。`)) return;
    form.indicators.splice(i, 1);
    render(); changed();
  }

  // The approved declaration's row: shown, not edited (a change goes through 调整).
  function fixedCells(ind) {
    return [el("td", { class: "name" }, el("div", { class: "filing" }, [ind.level1, ind.level2].filter(Boolean).join("·")), el("div", {}, ind.name || "")),
      el("td", { class: "target" }, targetText(ind.target))];
  }

  // 一级, 二级, 三级 and the target; in a 自评表 the three names share one column (stacked), so the table fits.
  function editableCells(ind, i, stacked) {
    const level1 = el("select", { "aria-label": "一级指标" }, ...["", ...framework.level1].map(v => el("option", { value: v }, v)));
    level1.value = ind.level1 || "";
    level1.addEventListener("change", () => { ind.level1 = level1.value || null; changed(); });
    const level2 = el("select", { "aria-label": "二级指标" }, ...["", ...framework.level2].map(v => el("option", { value: v }, v)));
    level2.value = ind.level2 || "";
    level2.addEventListener("change", () => {
      ind.level2 = level2.value || null;
      if (ind.level2 && framework.parent[ind.level2]) { ind.level1 = framework.parent[ind.level2]; level1.value = ind.level1; }
      changed();
    });
    // Stacked in a 自评表's narrow column, a long name wraps in a box of two lines instead of running out of sight.
    const name = el(stacked ? "textarea" : "input", { "aria-label": "三级指标", maxlength: 200, name: `name-${i}`, rows: stacked ? 2 : null });
    name.value = ind.name || "";
    name.addEventListener("input", () => { ind.name = name.value; changed(); });
    ind.target = ind.target || { text: "", comparator: null, value: null, unit: null };
    const cmp = el("select", { "aria-label": "比较符" }, ...comparators.map(c => el("option", { value: c }, c || "（定性）")));
    cmp.value = ind.target.comparator || "";
    const value = el("input", { "aria-label": "指标值", size: 8, name: `target-${i}` });
    value.value = ind.target.value ?? (ind.target.comparator ? "" : ind.target.text || "");
    const unit = el("input", { "aria-label": "单位", size: 5, maxlength: 20, name: `unit-${i}` });
    unit.value = ind.target.unit || "";
    const syncTarget = () => {
      const c = cmp.value, v = value.value.trim(), u = unit.value.trim();
      if (c && isNumber(v)) ind.target = { comparator: c, value: num(v), unit: u || null, text: "" };
      else if (!c && isNumber(v)) ind.target = { comparator: null, value: num(v), unit: u || null, text: "" };
      else ind.target = { comparator: null, value: null, unit: null, text: v };
      ind.target.text = targetText(ind.target);
      changed();
    };
    [cmp, value, unit].forEach(x => x.addEventListener("input", syncTarget));
    cmp.addEventListener("change", syncTarget);
    if (stacked) return [el("td", { class: "name" }, level1, level2, name), el("td", { class: "target" }, cmp, value, unit)];
    return [el("td", {}, level1), el("td", {}, level2), el("td", { class: "name" }, name), el("td", { class: "target" }, cmp, value, unit)];
  }

  // Return comments: each placed beside the row it was written on, found by the row's identity (一级, 二级, 三级) so
  // that it follows the row through inserts and moves; kept with that row object while the unit edits.
  const commentsOf = new Map();
  const unplaced = [];
  comments.forEach(c => {
    const hasIdentity = c.name !== null && c.name !== undefined;
    const same = form.indicators.map((ind, i) => [ind, i]).filter(([ind]) => hasIdentity
      && (ind.name || "") === (c.name || "") && (ind.level1 || "") === (c.level1 || "") && (ind.level2 || "") === (c.level2 || ""));
    same.sort((a, b) => Math.abs(a[1] - (c.row - 1)) - Math.abs(b[1] - (c.row - 1)));
    const row = same.length ? same[0][0] : !hasIdentity && c.row ? form.indicators[c.row - 1] : null;
    if (row) { if (!commentsOf.has(row)) commentsOf.set(row, []); commentsOf.get(row).push(c); } else unplaced.push(c);
  });

  function commentBody(c) {
    const state = el("span", { class: c.addressed ? "addressed" : "open", role: "status" }, stateText(c));
    const box = el("input", { type: "checkbox", name: `addressed-${c.id}`, "aria-label": `第 ${c.row} 行的退回意见已处理` });
    box.checked = !!c.addressed;
    box.addEventListener("change", () => mark(c, box, state));
    return [el("strong", {}, "退回意见"), `（${c.actor}，退回时第 ${c.row} 行）：`, el("span", { class: "comment-text" }, c.text),
      el("label", {}, box, " 已处理"), " ", state];
  }

  const stateText = (c) => c.addressed ? `${c.addressedBy || ""} 已标记，审核人员会看到` : "未处理";

  // A mark is saved at once, apart from the form: it is the unit's answer to the reviewer, not an edit of the form.
  async function mark(c, box, state) {
    const wanted = box.checked;
    box.disabled = true;
    try {
      const r = await fetch(`/api/forms/${formId}/comments/${c.id}/addressed`,
        { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ addressed: wanted }) });
      const body = await r.json().catch(() => ({}));
      if (!r.ok) throw new Error(readable(body.error || "标记失败"));
      Object.assign(c, { addressed: body.addressed, addressedBy: body.addressedBy });
      state.className = c.addressed ? "addressed" : "open";
      state.textContent = stateText(c);
    } catch (e) {
      box.checked = !wanted;
      state.className = "error";
      state.textContent = e.message;
    } finally { box.disabled = false; }
  }

  function showUnplaced() {
    const list = document.getElementById("unplaced-comments");
    if (!list) return;
    list.replaceChildren(...unplaced.map(c => el("li", { "data-comment": c.id },
      `退回时第 ${c.row} 行${c.name ? "“" + c.name + "”" : ""}的意见（这一行已改名或删除）：`, ...commentBody(c).slice(2))));
  }

  // 实际完成值, 分值, 得分 and 偏差原因. Bound: a qualitative target takes an achievement label and a score in its
  // band; a quantitative row's score is computed, and the unit may override it with a reason.
  function evaluationCells(ind, i) {
    const qualitative = bound && ind.target && (ind.target.value === null || ind.target.value === undefined);
    let actual;
    if (qualitative) {
      actual = el("select", { "aria-label": "完成等级", name: `actual-${i}` }, el("option", { value: "" }, "（选择完成等级）"),
        ...achievements.map(([code, label]) => el("option", { value: code }, label)));
      actual.value = ind.actual && ind.actual.achievement || "";
      actual.addEventListener("change", () => {
        const label = achievements.find(a => a[0] === actual.value);
        ind.actual = label ? { text: label[1], value: null, unit: null, achievement: label[0] } : null;
        render(); changed();
      });
    } else {
      actual = el("input", { "aria-label": "实际完成值", size: 10, name: `actual-${i}` });
      actual.value = ind.actual ? ind.actual.text : "";
      actual.addEventListener("input", () => {
        const t = actual.value.trim();
        const m = t.match(/^(-?[\d,]*\.?\d+)\s*(?:\(([^)]*)\)|（([^）]*)）|([^\d].*))?$/);
        const labels = Object.fromEntries(achievements.map(([code, label]) => [label, code]));
        ind.actual = t === "" ? null : m
          ? { text: t, value: num(m[1]), unit: (m[2] || m[3] || m[4] || "").trim() || null, achievement: null }
          : { text: t, value: null, unit: null, achievement: labels[t] || null };
        changed();
      });
    }
    const weight = el("input", { "aria-label": "分值", size: 5, name: `weight-${i}` });
    weight.value = ind.weight ?? "";
    weight.addEventListener("input", () => { ind.weight = num(weight.value); changed(); });
    const scoreCell = el("td", { class: "score" });
    const byBand = ind.actual && ind.actual.achievement;
    if (!bound || byBand) {
      const score = el("input", { "aria-label": "得分", size: 5, name: `score-${i}` });
      score.value = ind.score ?? "";
      score.addEventListener("input", () => { ind.score = num(score.value); changed(); });
      scoreCell.append(score);
      if (bound) scoreCell.append(el("div", { class: "note" }, "区间 " + (framework.bands[ind.actual.achievement] || "")));
    } else {
      scoreCell.append(readonly(ind.score, { "data-computed": `indicators.${i}.score`, "data-name": `score-${i}` }));
      const overriding = !!ind.scoreOverride;
      const toggle = el("input", { type: "checkbox", "aria-label": "改分", name: `override-${i}` });
      toggle.checked = overriding;
      toggle.addEventListener("change", () => { ind.scoreOverride = toggle.checked ? { score: null, reason: "" } : null; render(); changed(); });
      scoreCell.append(el("label", { class: "note override" }, toggle, "改分"));
      if (overriding) {
        const os = el("input", { "aria-label": "改后的得分", size: 5, name: `override-score-${i}` });
        os.value = ind.scoreOverride.score ?? "";
        os.addEventListener("input", () => { ind.scoreOverride.score = num(os.value); changed(); });
        const reason = el("textarea", { "aria-label": "改分理由", rows: 4, maxlength: 2000, name: `override-reason-${i}`, placeholder: "改分理由（必填）" });
        reason.value = ind.scoreOverride.reason || "";
        reason.addEventListener("input", () => { ind.scoreOverride.reason = reason.value; changed(); });
        scoreCell.append(os, reason);
      }
    }
    const reason = el("textarea", { "aria-label": "偏差原因分析及改进措施", rows: 3, maxlength: 5000, name: `reason-${i}` });
    reason.value = ind.deviationReason || "";
    reason.addEventListener("input", () => { ind.deviationReason = reason.value || null; changed(); });
    return [el("td", {}, actual), el("td", {}, weight), scoreCell, el("td", {}, reason)];
  }

  function move(i, d) {
    const j = i + d;
    if (j < 0 || j >= form.indicators.length) return;
    [form.indicators[i], form.indicators[j]] = [form.indicators[j], form.indicators[i]];
    render(); changed();
  }

  function render() {
    const header = document.getElementById("header-fields");
    header.replaceChildren(
      field("项目名称", () => form.projectName, v => form.projectName = v, { name: "projectName", readonly: bound }),
      field("主管部门", () => form.department, v => form.department = v, { name: "department", readonly: bound }),
      field("实施单位", () => form.implementingUnit, v => form.implementingUnit = v, { name: "implementingUnit", readonly: bound }),
      field("年度", () => form.year, v => form.year = v === null ? null : Number(v), { name: "year", number: true, max: 4, readonly: bound }));
    if (!isSelf) header.append(
      choice("项目性质", () => form.projectNature, v => form.projectNature = v, framework.projectNatures || [], "projectNature"),
      choice("项目类别", () => form.projectCategory, v => form.projectCategory = v, framework.projectCategories || [], "projectCategory"),
      field("计划开始日期", () => form.startDate, v => form.startDate = v || null, { name: "startDate", max: 10, type: "date" }),
      field("计划完成日期", () => form.endDate, v => form.endDate = v || null, { name: "endDate", max: 10, type: "date" }));
    const funds = document.getElementById("fund-fields");
    form.funds = form.funds || {};
    if (isSelf) {
      form.funds.rows = form.funds.rows && form.funds.rows.length ? form.funds.rows : [{ label: "年度资金总额", weight: 10 }];
      const total = form.funds.rows[0];
      const unit = "（" + (form.funds.unit || "万元") + "）";
      funds.replaceChildren(
        field("年初预算数" + unit, () => total.initialBudget, v => { total.initialBudget = v; form.funds.initialBudget = v; }, { name: "initialBudget", number: true, readonly: bound, computed: "funds.initialBudget" }),
        field("全年预算数" + unit, () => total.adjustedBudget, v => { total.adjustedBudget = v; form.funds.adjustedBudget = v; }, { name: "adjustedBudget", number: true }),
        field("全年执行数" + unit, () => total.executed, v => { total.executed = v; form.funds.executed = v; }, { name: "executed", number: true }),
        field("执行率(%)", () => total.executionRate, v => { total.executionRate = v; form.funds.executionRate = v; }, { name: "executionRate", number: true, readonly: bound, computed: "funds.executionRate" }),
        field("执行率得分", () => total.score, v => { total.score = v; form.funds.score = v; }, { name: "executionScore", number: true, readonly: bound, computed: "funds.score" }));
      document.getElementById("goal-fields").replaceChildren(
        field("预期目标", () => form.goals?.annual, v => (form.goals = form.goals || {}).annual = v, { multiline: true, max: 5000, name: "expectedGoal", readonly: bound }),
        field("实际完成情况", () => form.goals?.actual, v => (form.goals = form.goals || {}).actual = v, { multiline: true, max: 5000, name: "actualOutcome" }));
      document.getElementById("total-fields").replaceChildren(
        field("总分", () => form.totalScore, v => form.totalScore = v, { number: true, name: "totalScore", readonly: bound, computed: "totalScore" }),
        field("评分等级", () => form.grade, v => form.grade = v, { name: "grade", max: 2, readonly: bound, computed: "grade" }));
    } else {
      form.funds.unit = form.funds.unit || "元";
      funds.replaceChildren(
        field("项目资金总额（元）", () => form.funds.projectTotal, v => form.funds.projectTotal = v, { name: "projectTotal", number: true }),
        field("其中：财政资金", () => form.funds.projectFiscal, v => form.funds.projectFiscal = v, { name: "projectFiscal", number: true }),
        field("其他资金（项目）", () => form.funds.projectOther, v => form.funds.projectOther = v, { name: "projectOther", number: true }),
        field("年度资金申请总额（元）", () => form.funds.annualTotal, v => form.funds.annualTotal = v, { name: "annualTotal", number: true }),
        field("其中：当年财政拨款", () => form.funds.currentYearAppropriation, v => form.funds.currentYearAppropriation = v, { name: "currentYearAppropriation", number: true }),
        field("上年结转资金", () => form.funds.carryOver, v => form.funds.carryOver = v, { name: "carryOver", number: true }),
        field("其他资金", () => form.funds.other, v => form.funds.other = v, { name: "other", number: true }));
      document.getElementById("goal-fields").replaceChildren(
        field("项目总目标", () => form.goals?.overall, v => (form.goals = form.goals || {}).overall = v, { multiline: true, max: 5000, name: "overallGoal" }),
        field("年度总体目标", () => form.goals?.annual, v => (form.goals = form.goals || {}).annual = v, { multiline: true, max: 5000, name: "annualGoal" }));
    }
    const body = document.getElementById("indicator-rows");
    body.replaceChildren(...form.indicators.flatMap(rowEditor));
  }

  let timer = null;
  function changed() {
    edits++;
    const state = document.getElementById("save-state");
    state.className = "";
    state.textContent = "有未保存的修改";
    clearTimeout(timer);
    timer = setTimeout(check, 400);
  }

  // Each check is numbered: a slow answer to an older check must not overwrite the answer to a newer one.
  let checks = 0;
  async function check() {
    const mine = ++checks;
    const r = await fetch("/api/check" + (formId ? `?form=${formId}` : ""), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(form) });
    if (mine !== checks) return;
    const box = document.getElementById("findings");
    const result = parse(await r.text());
    if (mine !== checks) return;
    if (!r.ok) {
      const where = label(result.field);
      box.replaceChildren(el("p", { class: "error" }, readable(result.error || "检查失败") + (where && !readable(result.error).includes(where) ? `（${where}）` : "")));
      return;
    }
    root.dataset.checked = String(mine);
    document.querySelectorAll("[data-working]").forEach(td => td.replaceChildren());
    if (result.record) showComputed(result.record);
    if (result.score) {
      const s = result.score;
      document.getElementById("score").replaceChildren(
        el("p", {}, `预算执行率 ${s.executionRate ?? "—"}% → ${s.executionScore ?? "—"} 分（${s.executionExplanation}）；总分 ${s.totalScore ?? "—"}（${s.grade ?? "—"}），按规则计分 ${s.ruleBasedTotalScore ?? "—"}`));
      (s.indicators || []).forEach((ind, i) => {
        const td = document.querySelector(`[data-working="${i}"]`);
        if (td) td.append(...(isSelf ? ["计分过程："] : []),
          el("span", { class: ind.printedScore !== null && ind.computedScore !== null && ind.printedScore !== ind.computedScore ? "differs" : "" }, ind.explanation || ""));
      });
    }
    const severity = { error: "错误", warning: "警告", info: "提示" };
    // A declaration has no working to show: its 提示 column holds the findings of each row.
    if (!isSelf) (result.findings || []).filter(f => f.row).forEach(f => {
      const td = document.querySelector(`[data-working="${f.row - 1}"]`);
      if (td) td.append(el("div", { class: f.severity }, `[${severity[f.severity] || f.severity}] ${readable(f.message)}`));
    });
    // 推荐指标: last year's rows of the same project not in the form yet, then the library's ranked entries, each with
    // where it comes from and why; 添加 puts one at the end of the table.
    const offered = document.getElementById("suggestions");
    if (offered && !isSelf) {
      const list = result.suggestions || [];
      offered.replaceChildren(...(list.length === 0 ? [] : [
        el("strong", {}, "推荐指标（本表尚无）："),
        el("ul", {}, ...list.map(x => el("li", { class: "suggestion" },
          `${x.level2 ?? ""}·${x.name} ${x.target?.text ?? ""} `,
          el("button", { type: "button", "data-suggestion": x.name, onclick: () => {
            form.indicators.push({ level1: x.level1, level2: x.level2, name: x.name, target: x.target, actual: null, weight: null, score: null, deviationReason: null });
            render(); changed();
          } }, "添加"), " ", el("small", {}, `（${x.source}）${x.because ?? ""}`))))]));
    }
    // Beside each declared row: the unit's own figures last year, and what the other units declare this year.
    if (!isSelf) (result.context || []).forEach(c => {
      const td = document.querySelector(`[data-working="${c.row - 1}"]`);
      const parts = [];
      if (c.lastYear) parts.push(`${c.lastYear} 年：指标值 ${c.lastTarget ?? "—"}，实际 ${c.lastActual ?? "—"}`);
      if (c.peersMedian !== null && c.peersMedian !== undefined) parts.push(`同年 ${c.peers} 家单位中位数 ${c.peersMedian}${c.peersUnit ?? ""}`);
      if (td && parts.length) td.prepend(el("div", { class: "context" }, parts.join("；")));
    });
    const items = [...(result.problems || []).map(p => el("li", { class: "error" }, `[不能保存] ${readable(p.message)}`)),
                   ...(result.findings || []).map(f => el("li", { class: f.severity }, `[${severity[f.severity] || f.severity}] ${f.row ? "第 " + f.row + " 行" : ""}${f.name ? "“" + f.name + "”：" : ""}${readable(f.message)}`))];
    box.replaceChildren(items.length ? el("ul", {}, ...items) : el("p", {}, "没有审核发现。"));
  }

  // The figures the server computes, as it will store them: shown where the unit would otherwise type them.
  function showComputed(record) {
    const total = (record.funds && record.funds.rows || []).find(r => r.label.includes("总额")) || {};
    const values = {
      "funds.initialBudget": total.initialBudget, "funds.executionRate": total.executionRate, "funds.score": total.score,
      "totalScore": record.totalScore, "grade": record.grade,
    };
    (record.indicators || []).forEach((ind, i) => { values[`indicators.${i}.score`] = ind.score; });
    document.querySelectorAll("[data-computed]").forEach(e => { e.textContent = shown(values[e.dataset.computed]); });
  }

  async function save() {
    const url = formId ? `/api/forms/${formId}?version=${version}` : "/api/forms";
    const covered = edits;
    const r = await fetch(url, { method: formId ? "PUT" : "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(form) });
    const body = parse(await r.text());
    const state = document.getElementById("save-state");
    state.className = "";
    if (r.ok) {
      savedEdits = covered;
      state.textContent = `已保存（第 ${body.version} 版）` + (dirty() ? "；之后的修改尚未保存" : "");
      if (!formId) { location.href = `/forms/${body.id}`; return; }
      version = body.version;
      return;
    }
    let message = readable(body.error || "保存失败") + (body.problems && body.problems.length > 1 ? `（另有 ${body.problems.length - 1} 处，见审核发现）` : "");
    if (r.status === 409 && body.changes) message += " " + body.changes.map(c => `${c.actor}：${c.summary || label(c.field) || c.action}`).join("；");
    state.textContent = message;
    state.className = "error";
  }

  const addRow = document.getElementById("add-row");
  if (addRow) addRow.addEventListener("click", () => {
    form.indicators.push({ level1: null, level2: null, name: "", target: null, actual: null, weight: null, score: null, deviationReason: null });
    render(); changed();
  });
  document.getElementById("save").addEventListener("click", save);
  render();
  showUnplaced();
  check();
})();
