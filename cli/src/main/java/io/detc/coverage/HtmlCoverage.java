package io.detc.coverage;

/**
 * The HTML report: one self-contained file (no network, no CDN) with the coverage data embedded as JSON and a
 * small script that draws a heat map of rules against telemetry, blind spots first, with filters by IdP, behaviour
 * and target. The script writes rule text with {@code textContent} only, so no rule can inject markup.
 */
final class HtmlCoverage {
    private HtmlCoverage() {
    }

    static String render(Coverage c) {
        // Inside <script>, "</" would end the element and "<!--" would start a comment: escape both.
        String data = JsonCoverage.render(c).replace("</", "<\\/").replace("<!--", "<\\!--");
        return PAGE.replace("/*DATA*/", data);
    }

    private static final String PAGE = """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8">
            <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
            <title>detc coverage</title>
            <style>
            body{font:14px/1.4 system-ui,-apple-system,"Segoe UI",sans-serif;margin:20px;color:#1d2330;background:#fff}
            h1{font-size:20px;margin:0 0 4px} h2{font-size:16px;margin:22px 0 8px}
            .summary{color:#555;margin-bottom:12px} .filters label{margin-right:14px} select{margin-left:4px}
            table{border-collapse:collapse;font-size:12px} th,td{border:1px solid #d9dde5;padding:3px 6px;text-align:center}
            th.rot{height:150px;white-space:nowrap;vertical-align:bottom} th.rot div{transform:rotate(-60deg);width:24px}
            td.name{text-align:left;max-width:360px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
            td.need{background:#3b82f6;color:#fff} td.ok{background:#16a34a;color:#fff} td.miss{background:#dc2626;color:#fff}
            td.partial{background:#fb923c;color:#fff}
            td.exact{background:#16a34a;color:#fff} td.approximated{background:#f59e0b} td.unsupported{background:#dc2626;color:#fff}
            tr.blind td.name{font-weight:600;color:#b91c1c} .legend span{display:inline-block;padding:2px 8px;margin-right:6px}
            td.left{text-align:left}
            </style></head><body>
            <h1>detc coverage</h1><div class="summary" id="summary"></div>
            <div class="filters">
            <label>IdP<select id="f-idp"><option value="">all</option></select></label>
            <label>Behaviour<select id="f-behaviour"><option value="">all</option></select></label>
            <label>Target<select id="f-target"></select></label>
            </div>
            <div class="legend"><span class="need" style="background:#3b82f6;color:#fff">needed</span><span style="background:#16a34a;color:#fff">present / exact</span><span style="background:#fb923c;color:#fff">source present, event types or fields missing</span><span style="background:#f59e0b">approximated</span><span style="background:#dc2626;color:#fff">missing / unsupported</span></div>
            <h2>Rules × telemetry (blind spots first)</h2>
            <table id="heat"><thead></thead><tbody></tbody></table>
            <div id="health-section"><h2>Sample health</h2><table id="health"><thead></thead><tbody></tbody></table></div>
            <script type="application/json" id="data">/*DATA*/</script>
            <script>
            "use strict";
            const data = JSON.parse(document.getElementById("data").textContent);
            const $ = id => document.getElementById(id);
            const el = (tag, text, cls) => { const e = document.createElement(tag); if (text !== undefined) e.textContent = text; if (cls) e.className = cls; return e; };
            const uniq = xs => [...new Set(xs)].sort();
            const sources = uniq(data.rules.flatMap(r => r.log_sources));
            const present = new Set(data.sample ? data.sample.sources.map(s => s.source) : []);
            for (const v of uniq(data.rules.map(r => r.idp))) $("f-idp").append(el("option", v));
            for (const v of uniq(data.rules.map(r => r.behaviour))) $("f-behaviour").append(el("option", v));
            for (const t of data.targets) $("f-target").append(el("option", t));
            if (!data.targets.length) $("f-target").append(el("option", "(none)"));
            const blind = data.rules.filter(r => r.can_fire === false).length;
            $("summary").textContent = data.rules.length + " rules" + (data.sample ? ", " + blind + " blind on the sample (" + data.sample.files.join(", ") + ")" : ", no sample");
            function draw() {
              const idp = $("f-idp").value, beh = $("f-behaviour").value, target = $("f-target").value;
              const head = $("heat").tHead; head.replaceChildren();
              const hr = head.insertRow();
              hr.append(el("th", "rule"));
              for (const s of sources) { const th = el("th", undefined, "rot"); th.append(el("div", s)); hr.append(th); }
              hr.append(el("th", "event types")); hr.append(el("th", target || "target"));
              if (data.sample) hr.append(el("th", "missing"));
              const body = $("heat").tBodies[0]; body.replaceChildren();
              for (const r of data.rules) {
                if ((idp && r.idp !== idp) || (beh && r.behaviour !== beh)) continue;
                const tr = body.insertRow(); tr.dataset.rule = r.rule;
                if (r.can_fire === false) tr.className = "blind";
                const name = el("td", r.title, "name"); name.title = r.rule + " — " + r.file; tr.append(name);
                for (const s of sources) {
                  const needed = r.log_sources.includes(s);
                  const cls = !needed ? "" : !data.sample ? "need" : !present.has(s) ? "miss" : r.can_fire === false ? "partial" : "ok";
                  const td = el("td", needed ? "●" : "", cls); td.dataset.col = s; tr.append(td);
                }
                tr.append(el("td", r.event_types.join(", "), "left"));
                const t = r.targets[target];
                const td = el("td", t ? t.fidelity : "—", t ? t.fidelity : ""); if (t) td.title = (t.table ? t.table + ": " : "") + t.reasons.join("; ");
                td.dataset.col = "target"; tr.append(td);
                if (data.sample) tr.append(el("td", (r.missing || []).join("; "), "left"));
              }
            }
            function health() {
              if (!data.sample) { $("health-section").hidden = true; return; }
              const cols = ["source", "events", "first", "last", "gaps", "out of order", "duplicates", "delay median (s)", "delay max (s)"];
              const hr = $("health").tHead.insertRow(); for (const c of cols) hr.append(el("th", c));
              for (const s of data.sample.sources) {
                const tr = $("health").tBodies[0].insertRow(); tr.dataset.source = s.source;
                const gaps = s.gaps.map(g => g.from + " → " + g.to + " (" + g.minutes + " min)").join("; ") || "none";
                for (const v of [s.source, s.events, s.first, s.last, gaps, s.out_of_order, s.duplicates + " (" + s.duplicate_key + ")", s.delay_median_seconds ?? "n/a", s.delay_max_seconds ?? "n/a"]) {
                  tr.append(el("td", String(v), (s.gaps.length && v === gaps) || (s.duplicates && String(v).startsWith(s.duplicates + " (")) || (s.out_of_order && v === s.out_of_order) ? "miss" : "left"));
                }
              }
            }
            for (const id of ["f-idp", "f-behaviour", "f-target"]) $(id).addEventListener("change", draw);
            draw(); health();
            </script></body></html>
            """;
}
