// Usage: node html-check.js REPORT.html SCREENSHOT.png [EXPECT.json]   (FULL_PAGE=0: screenshot the viewport only)
// EXPECT.json: {"rows": [rule keys that must have a row], "blind": [rule keys whose row is marked blind],
//               "cells": [{"rule": key, "col": "okta/okta", "text": "●", "class": "ok"}], "healthSources": [...]}
// Prints one JSON object: {"ok", "errors": [...], "problems": [...]}; exit 1 when anything is wrong.
const { chromium } = require('playwright-core');
const fs = require('fs');
const path = require('path');
(async () => {
  const [report, shot, expectFile] = process.argv.slice(2);
  const expect = expectFile ? JSON.parse(fs.readFileSync(expectFile, 'utf8')) : {};
  const errors = [];
  const problems = [];
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
           '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('pageerror', e => errors.push('pageerror: ' + e.message));
    page.on('console', m => { if (m.type() === 'error') errors.push('console: ' + m.text()); });
    page.on('request', r => { if (!r.url().startsWith('file:')) problems.push('network request: ' + r.url()); });
    await page.goto('file://' + path.resolve(report));
    const rows = await page.$$eval('#heat tbody tr', trs => trs.map(tr => ({ rule: tr.dataset.rule, blind: tr.className === 'blind' })));
    if (rows.length === 0) problems.push('the heat map has no rows');
    for (const r of expect.rows || []) if (!rows.some(x => x.rule === r)) problems.push('no row for ' + r);
    for (const r of expect.blind || []) if (!rows.some(x => x.rule === r && x.blind)) problems.push('row not marked blind: ' + r);
    const firstNonBlind = rows.findIndex(x => !x.blind);
    if (firstNonBlind >= 0 && rows.slice(firstNonBlind).some(x => x.blind)) problems.push('blind rows are not first');
    for (const c of expect.cells || []) {
      const cell = await page.$(`#heat tbody tr[data-rule="${c.rule}"] td[data-col="${c.col}"]`);
      if (!cell) { problems.push('no cell ' + c.rule + ' × ' + c.col); continue; }
      const text = (await cell.textContent()).trim();
      const cls = await cell.getAttribute('class');
      if (c.text !== undefined && text !== c.text) problems.push(`cell ${c.rule} × ${c.col}: text ${text}, expected ${c.text}`);
      if (c.class !== undefined && cls !== c.class) problems.push(`cell ${c.rule} × ${c.col}: class ${cls}, expected ${c.class}`);
    }
    for (const s of expect.healthSources || []) {
      if (!(await page.$(`#health tbody tr[data-source="${s}"]`))) problems.push('no health row for ' + s);
    }
    // Filters work: choosing an IdP hides the other IdP's rows.
    const idps = await page.$$eval('#f-idp option', os => os.map(o => o.value).filter(v => v));
    if (idps.length > 1) {
      await page.selectOption('#f-idp', idps[0]);
      const shown = await page.$$eval('#heat tbody tr', trs => trs.length);
      if (shown >= rows.length) problems.push('the IdP filter hides nothing');
      await page.selectOption('#f-idp', '');
    }
    await page.screenshot({ path: shot, fullPage: process.env.FULL_PAGE !== '0' });
  } finally {
    await browser.close();
  }
  const ok = errors.length === 0 && problems.length === 0;
  console.log(JSON.stringify({ ok, errors, problems }));
  process.exit(ok ? 0 : 1);
})().catch(e => { console.log(JSON.stringify({ ok: false, errors: [String(e)], problems: [] })); process.exit(1); });
