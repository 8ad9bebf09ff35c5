// cfqnn trace viewer: hand-written, no libraries, no network. The page embeds the trace as compressed
// chunks of whole steps (see org.cfqnn.trace.ViewerData); only the chunks in view are decoded, with the
// browser's DecompressionStream, and messages are drawn on a canvas (one lane per entity, time to the right).
'use strict';
(() => {
  const META = JSON.parse(document.getElementById('cfqnn-meta').textContent);
  const STR = META.strings;
  const $ = (id) => document.getElementById(id);

  const LOST = META.flagLost, LATE = META.flagLate, STALE = META.flagStale, CROSS = META.flagCrossNode;
  const MAX_DRAWN = 5000;       // more messages than this in view: each entity's activity instead of arrows
  const MAX_BINNED = 120000;    // more than this: the per-step message counts (nothing decoded)
  const MAX_CACHED = 48;        // decoded chunks kept; the rest are dropped, least recently used first
  const MAX_LABELS = 4000;      // arrows labelled with their type only when no more are drawn
  const LABEL_W = 86, AXIS_H = 34, RIGHT_PAD = 12;

  const TYPE_COLORS = {
    Pilot: '#7f7f7f', Csi: '#1f77b4', Assignment: '#ff7f0e', Precoder: '#2ca02c', Transmission: '#9467bd',
    Reception: '#a8a8a8', TrainingData: '#8c564b', CloudReady: '#17becf',
  };
  const PALETTE = ['#e377c2', '#bcbd22', '#393b79', '#637939', '#8c6d31', '#843c39', '#7b4173', '#3182bd'];
  const colorCache = new Map();
  function colorOf(type) {
    let c = colorCache.get(type);
    if (!c) {
      const name = STR[type];
      let h = 0;
      for (let i = 0; i < name.length; i++) h = (h * 31 + name.charCodeAt(i)) | 0;
      c = TYPE_COLORS[name] || PALETTE[Math.abs(h) % PALETTE.length];
      colorCache.set(type, c);
    }
    return c;
  }

  // ---------------------------------------------------------------- decoding

  function base64Bytes(s) {
    const bin = atob(s);
    const out = new Uint8Array(bin.length);
    for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
    return out;
  }

  async function inflate(b64) {
    const stream = new Blob([base64Bytes(b64)]).stream().pipeThrough(new DecompressionStream('deflate'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  }

  // Columns of n varint-encoded values each (LEB128, zigzag for signed); see ViewerData for the encodings.
  function readColumns(buf, n, cols, firstRow) {
    let pos = 0;
    const uv = () => {
      let v = 0, mul = 1, b;
      do { b = buf[pos++]; v += (b & 127) * mul; mul *= 128; } while (b & 128);
      return v;
    };
    const zz = (u) => (u % 2 === 1 ? -(u + 1) / 2 : u / 2);
    const out = {};
    for (const [name, enc] of cols) {
      const a = new Float64Array(n);
      if (enc === 'delta') {
        let acc = 0;
        for (let i = 0; i < n; i++) { acc += zz(uv()); a[i] = acc; }
      } else if (enc === 'plain') {
        for (let i = 0; i < n; i++) a[i] = zz(uv());
      } else if (enc === 'rel') {
        for (let i = 0; i < n; i++) { const d = zz(uv()); a[i] = d === 0 ? -1 : firstRow + i - d; }
      } else if (enc === 'opt') {
        for (let i = 0; i < n; i++) { const u = uv(); a[i] = u === 0 ? NaN : zz(u - 1); }
      } else if (enc === 'str') {
        for (let i = 0; i < n; i++) a[i] = uv() - 1;
      } else {
        throw new Error('unknown column encoding ' + enc);
      }
      out[name] = a;
    }
    if (pos !== buf.length) throw new Error('chunk length mismatch: read ' + pos + ' of ' + buf.length + ' bytes');
    return out;
  }

  // ---------------------------------------------------------------- data model

  const chunks = META.chunks.map((c, i) => ({
    i, run: c[0], phase: c[1], firstStep: c[2], lastStep: c[3], firstRow: c[4], count: c[5], tMin: c[6], tMax: c[7],
    data: null, pending: null, used: 0,
  }));
  const extraColumns = META.columns.filter(([name]) => name.startsWith('x:'));
  let decodedTotal = 0;
  let useClock = 0;

  function chunkOfRow(row) {
    let lo = 0, hi = chunks.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (chunks[mid].firstRow <= row) lo = mid; else hi = mid - 1;
    }
    return chunks[lo];
  }

  function ensureChunk(c) {
    c.used = ++useClock;
    if (c.data) return Promise.resolve(c);
    if (!c.pending) {
      c.pending = inflate(document.getElementById('chunk-' + c.i).textContent).then((buf) => {
        c.data = readColumns(buf, c.count, META.columns, c.firstRow);
        c.pending = null;
        decodedTotal++;
        evict();
        scheduleRender();
        return c;
      }).catch((e) => { c.pending = null; showError('chunk ' + c.i + ': ' + e.message); throw e; });
    }
    return c.pending;
  }

  function evict() {
    const held = chunks.filter((c) => c.data);
    if (held.length <= MAX_CACHED) return;
    held.sort((a, b) => a.used - b.used);
    const keep = new Set(chunksInView().map((c) => c.i));
    for (const c of held.slice(0, held.length - MAX_CACHED)) {
      if (!keep.has(c.i) && !(sel.row >= 0 && chunkOfRow(sel.row) === c)) c.data = null;
    }
  }

  // A message's field, when its chunk is decoded (undefined otherwise).
  function field(row, name) {
    const c = chunkOfRow(row);
    return c.data ? c.data[name][row - c.firstRow] : undefined;
  }
  async function fieldAsync(row, name) {
    const c = await ensureChunk(chunkOfRow(row));
    return c.data[name][row - c.firstRow];
  }
  function msg(row) {
    const c = chunkOfRow(row);
    const d = c.data, i = row - c.firstRow;
    const flags = d.flags[i];
    const lost = (flags & LOST) !== 0;
    const m = {
      row, run: c.run, phase: c.phase, step: d.step[i], t: d.t[i], arrive: lost ? NaN : d.t[i] + d.lat[i],
      type: d.type[i], from: d.from[i], to: d.to[i], bytes: d.bytes[i], link: d.link[i], id: d.id[i],
      cause: d.cause[i], causeRow: d.causeRow[i], wall: d.wall[i], fromNode: d.fromNode[i], toNode: d.toNode[i],
      lost, late: (flags & LATE) !== 0, stale: (flags & STALE) !== 0, crossNode: (flags & CROSS) !== 0, extras: {},
    };
    for (const [name, enc] of extraColumns) {
      const v = d[name][i];
      if (enc === 'opt' ? !Number.isNaN(v) : v >= 0) m.extras[name.slice(2)] = enc === 'opt' ? v : STR[v];
    }
    m.end = lost ? m.t : Math.max(m.t, m.arrive);
    return m;
  }

  // Step index: one entry per (run, phase, step), columns as in ViewerData.STEP_COLUMNS.
  let ST = null;
  const runs = META.runs.map((r) => ({
    id: r.run, name: r.name, lanes: r.lanes, types: r.types, missSource: r.missSource,
    chunks: chunks.filter((c) => c.run === r.run), steps: [], phases: [], missed: [], byTime: null, maxDur: 0,
    tMin: Infinity, tMax: -Infinity,
  }));
  const runById = new Map(runs.map((r) => [r.id, r]));

  async function loadSteps() {
    ST = readColumns(await inflate(META.steps), META.stepCount, META.stepColumns, 0);
    for (let k = 0; k < META.stepCount; k++) {
      const r = runById.get(ST.run[k]);
      r.steps.push(k);
      const end = ST.tStart[k] + ST.dur[k];
      r.tMin = Math.min(r.tMin, ST.tStart[k]);
      r.tMax = Math.max(r.tMax, end);
      r.maxDur = Math.max(r.maxDur, ST.dur[k]);
      let ph = r.phases[r.phases.length - 1];
      if (!ph || ph.phase !== ST.phase[k]) {
        ph = { phase: ST.phase[k], name: STR[ST.phase[k]], first: r.steps.length - 1, last: 0 };
        r.phases.push(ph);
      }
      ph.last = r.steps.length - 1;
      if (ST.misses[k] > 0) r.missed.push(k);
    }
    for (const r of runs) {
      r.byTime = Int32Array.from(r.steps).sort((a, b) => ST.tStart[a] - ST.tStart[b]);
      r.missed.sort((a, b) => ST.tStart[a] - ST.tStart[b]);
    }
  }

  // Steps of the current run overlapping [t0, t1] (by time).
  function stepsIn(r, t0, t1) {
    const bt = r.byTime;
    let lo = 0, hi = bt.length;
    const from = t0 - r.maxDur;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (ST.tStart[bt[mid]] < from) lo = mid + 1; else hi = mid; }
    const out = [];
    for (let i = lo; i < bt.length && ST.tStart[bt[i]] <= t1; i++) {
      const k = bt[i];
      if (ST.tStart[k] + ST.dur[k] >= t0) out.push(k);
    }
    return out;
  }

  function chunksInView() {
    const r = run();
    return r ? r.chunks.filter((c) => c.tMin <= view.t1 && c.tMax >= view.t0) : [];
  }

  // ---------------------------------------------------------------- state

  const view = { run: -1, t0: 0, t1: 1 };
  const filters = { types: new Set(), entities: new Set(), problems: false };
  const sel = { row: -1, anc: [], desc: [], ap: new Set(), chainSet: new Set(), token: 0 };
  let lastDrawn = { rows: new Int32Array(0), seg: new Float32Array(0), n: 0, laneY: new Map() };
  let firstPaintMs = -1;
  let resolveReady;
  const ready = new Promise((res) => { resolveReady = res; });
  const run = () => runById.get(view.run);

  function setView(t0, t1) {
    const r = run();
    const span = Math.max(t1 - t0, 50);   // 50 ns: the deepest zoom
    view.t0 = t0;
    view.t1 = t0 + span;
    if (r && Number.isFinite(r.tMin)) {
      const pad = (r.tMax - r.tMin) * 0.05 + 1000;
      if (view.t1 > r.tMax + pad) { view.t0 -= view.t1 - (r.tMax + pad); view.t1 = r.tMax + pad; }
      if (view.t0 < r.tMin - pad) { view.t1 += (r.tMin - pad) - view.t0; view.t0 = r.tMin - pad; }
    }
    scheduleRender();
  }

  function showStep(k) {
    const dur = Math.max(ST.dur[k], 1000);
    const margin = dur * 0.06;
    setView(ST.tStart[k] - margin, ST.tStart[k] + dur + margin);
    $('phase').value = String(ST.phase[k]);
    $('step').value = String(ST.step[k]);
    currentStep = k;
    statusNote = '';
    markMissedCurrent();
    try { history.replaceState(null, '', '#run=' + encodeURIComponent(STR[view.run]) + '&phase='
        + encodeURIComponent(STR[ST.phase[k]]) + '&step=' + ST.step[k]); } catch (e) { /* file:// may refuse */ }
  }
  let currentStep = -1;

  // The step (index) with this number in this phase of run r, or -1.
  function findStep(r, phase, number) {
    const ph = r.phases.find((p) => p.phase === phase);
    if (!ph) return -1;
    let lo = ph.first, hi = ph.last;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = ST.step[r.steps[mid]];
      if (s === number) return r.steps[mid];
      if (s < number) lo = mid + 1; else hi = mid - 1;
    }
    return -1;
  }

  function jump(phaseName, number) {
    const phase = STR.indexOf(phaseName);
    const k = findStep(run(), phase, number);
    if (k < 0) {
      const r = run();
      const ph = r.phases.find((p) => p.phase === phase);
      setStatusNote(ph ? 'no step ' + number + ' in ' + phaseName + ' (steps ' + ST.step[r.steps[ph.first]] + '..'
          + ST.step[r.steps[ph.last]] + ')' : 'no phase ' + phaseName + ' in this run');
      return false;
    }
    showStep(k);
    return true;
  }

  function selectRun(id, keepView) {
    view.run = id;
    const r = run();
    $('run').value = String(id);
    filters.types = new Set(r.types);
    filters.entities = new Set(r.lanes);
    clearSelection();
    buildFilters();
    buildPhases();
    buildMissed();
    if (!keepView) {
      const dep = r.phases.find((p) => p.name === META.deployment) || r.phases[0];
      showStep(r.steps[dep.first]);
    }
  }

  // ---------------------------------------------------------------- UI building

  function buildRuns() {
    const s = $('run');
    s.innerHTML = '';
    for (const r of runs) {
      const o = document.createElement('option');
      o.value = String(r.id);
      o.textContent = r.name + (r.missed.length ? '  (' + r.missed.length + ' missed)' : '');
      s.appendChild(o);
    }
  }

  function checkbox(container, label, checked, color, onChange, testid) {
    const l = document.createElement('label');
    const c = document.createElement('input');
    c.type = 'checkbox';
    c.checked = checked;
    if (testid) c.dataset.testid = testid;
    c.addEventListener('change', () => onChange(c.checked));
    l.appendChild(c);
    if (color) {
      const sw = document.createElement('span');
      sw.className = 'swatch';
      sw.style.background = color;
      l.appendChild(sw);
    }
    l.appendChild(document.createTextNode(label));
    container.appendChild(l);
    return c;
  }

  function buildFilters() {
    const r = run();
    const types = $('types');
    types.innerHTML = '';
    for (const t of r.types) {
      checkbox(types, STR[t], filters.types.has(t), colorOf(t), (on) => {
        if (on) filters.types.add(t); else filters.types.delete(t);
        scheduleRender();
      }, 'type-' + STR[t]);
    }
    const ents = $('entities');
    ents.innerHTML = '';
    for (const e of r.lanes) {
      checkbox(ents, STR[e], filters.entities.has(e), null, (on) => {
        if (on) filters.entities.add(e); else filters.entities.delete(e);
        scheduleRender();
      }, 'entity-' + STR[e]);
    }
  }

  function setAll(containerId, set, values, on) {
    set.clear();
    if (on) values.forEach((v) => set.add(v));
    $(containerId).querySelectorAll('input').forEach((c) => { c.checked = on; });
    scheduleRender();
  }

  function buildPhases() {
    const r = run();
    const s = $('phase');
    s.innerHTML = '';
    for (const p of r.phases) {
      const o = document.createElement('option');
      o.value = String(p.phase);
      o.textContent = p.name + ' ' + ST.step[r.steps[p.first]] + '..' + ST.step[r.steps[p.last]];
      s.appendChild(o);
    }
  }

  function buildMissed() {
    const r = run();
    const list = $('missed');
    list.innerHTML = '';
    $('missed-count').textContent = '(' + r.missed.length + ' steps)';
    $('missed-source').textContent = 'Source: ' + r.missSource + '.';
    const shown = r.missed.slice(0, 2000);
    for (const k of shown) {
      const li = document.createElement('li');
      li.dataset.step = String(k);
      const b = document.createElement('button');
      b.textContent = STR[ST.phase[k]] + ' step ' + ST.step[k] + ': ' + ST.misses[k] + ' AP'
          + (ST.misses[k] === 1 ? '' : 's') + ' missed';
      b.dataset.testid = 'missed-step';
      b.addEventListener('click', () => showStep(k));
      li.appendChild(b);
      list.appendChild(li);
    }
    if (r.missed.length > shown.length) {
      const li = document.createElement('li');
      li.className = 'note';
      li.textContent = '... and ' + (r.missed.length - shown.length) + ' more (use missed \u25b6)';
      list.appendChild(li);
    }
    markMissedCurrent();
  }

  function markMissedCurrent() {
    $('missed').querySelectorAll('li').forEach((li) => li.classList.toggle('current', li.dataset.step === String(currentStep)));
  }

  function neighbourStep(dir) {
    const r = run();
    const mid = (view.t0 + view.t1) / 2;
    const inView = stepsIn(r, mid, mid);
    let k = currentStep >= 0 && ST.run[currentStep] === view.run ? currentStep : (inView[0] ?? r.byTime[0]);
    const pos = r.steps.indexOf(k);
    const next = r.steps[Math.min(r.steps.length - 1, Math.max(0, pos + dir))];
    showStep(next);
  }

  function neighbourMissed(dir) {
    const r = run();
    if (!r.missed.length) { setStatusNote('no step of this run missed its deadline'); return; }
    const mid = (view.t0 + view.t1) / 2;
    const at = currentStep >= 0 && ST.run[currentStep] === view.run ? ST.tStart[currentStep] : mid;
    let pick = -1;
    if (dir > 0) pick = r.missed.find((k) => ST.tStart[k] > at) ?? r.missed[0];
    else for (const k of r.missed) if (ST.tStart[k] < at) pick = k;
    showStep(pick >= 0 ? pick : r.missed[r.missed.length - 1]);
  }

  // ---------------------------------------------------------------- rendering

  const canvas = $('timeline');
  const ctx = canvas.getContext('2d');
  const ov = $('overview');
  const octx = ov.getContext('2d');
  let renderQueued = false;
  const renderTimes = [];     // ms per frame drawn, for the browser test's report
  let statusNote = '';

  function scheduleRender() {
    if (renderQueued) return;
    renderQueued = true;
    requestAnimationFrame(() => {
      renderQueued = false;
      const t = performance.now();
      render();
      renderTimes.push(performance.now() - t);
      if (renderTimes.length > 1000) renderTimes.shift();
    });
  }

  function setStatusNote(s) {
    statusNote = s;
    scheduleRender();
  }

  function fit(c, cx) {
    const dpr = window.devicePixelRatio || 1;
    const w = c.clientWidth, h = c.clientHeight;
    if (c.width !== Math.round(w * dpr) || c.height !== Math.round(h * dpr)) {
      c.width = Math.round(w * dpr);
      c.height = Math.round(h * dpr);
    }
    cx.setTransform(dpr, 0, 0, dpr, 0, 0);
    return { w, h };
  }

  function fmtDur(ns, spacing) {
    const a = Math.abs(spacing || ns);
    const [unit, name] = a >= 1e9 ? [1e9, 's'] : a >= 1e6 ? [1e6, 'ms'] : a >= 1e3 ? [1e3, '\u00b5s'] : [1, 'ns'];
    const dec = spacing ? Math.max(0, Math.min(6, -Math.floor(Math.log10(spacing / unit) + 1e-9))) : (a / unit >= 100 ? 0 : 1);
    return (ns / unit).toFixed(dec) + ' ' + name;
  }
  const us = (ns) => (ns / 1e3).toFixed(1);

  function render() {
    const r = run();
    if (!r || !ST) return;
    const { w, h } = fit(canvas, ctx);
    const x0 = LABEL_W, x1 = w - RIGHT_PAD;
    const pw = Math.max(10, x1 - x0);
    const span = view.t1 - view.t0;
    const X = (t) => x0 + ((t - view.t0) / span) * pw;
    ctx.clearRect(0, 0, w, h);
    ctx.font = '11px system-ui, sans-serif';

    // lanes
    const laneH = Math.max(18, (h - AXIS_H - 6) / Math.max(1, r.lanes.length));
    const laneY = new Map();
    r.lanes.forEach((e, i) => laneY.set(e, AXIS_H + laneH * (i + 0.5)));
    for (const e of r.lanes) {
      const y = laneY.get(e);
      ctx.strokeStyle = filters.entities.has(e) ? '#d6d6d6' : '#f0f0f0';
      ctx.beginPath(); ctx.moveTo(x0, y); ctx.lineTo(x1, y); ctx.stroke();
      ctx.fillStyle = filters.entities.has(e) ? '#222' : '#bbb';
      ctx.textAlign = 'right'; ctx.textBaseline = 'middle';
      ctx.fillText(STR[e], x0 - 8, y);
    }

    const vis = stepsIn(r, view.t0, view.t1);
    followView(vis);
    let inView = 0;
    for (const k of vis) inView += ST.count[k];
    drawSteps(vis, X, x0, x1, h);
    drawAxis(vis, X, x0, x1, span, pw);

    let drawnN = 0, waiting = 0, mode;
    lastDrawn = { rows: new Int32Array(0), seg: new Float32Array(0), n: 0, laneY };
    if (inView > MAX_BINNED) {
      mode = 'summary';
      drawSummary(vis, X, x0, x1, h, inView);
    } else {
      const cs = chunksInView();
      for (const c of cs) if (!c.data) { waiting++; ensureChunk(c); } else c.used = ++useClock;
      if (inView > MAX_DRAWN) {
        mode = 'activity';
        drawActivity(cs, X, laneY, laneH, x0, x1);
      } else {
        mode = 'messages';
        drawnN = drawMessages(cs, X, laneY, x0, x1);
      }
    }
    drawOverview(r);
    const extra = statusNote ? ' \u00b7 ' + statusNote : '';
    $('status').textContent = STR[view.run] + ' \u00b7 ' + fmtDur(span) + ' in view \u00b7 ' + vis.length + ' step'
        + (vis.length === 1 ? '' : 's') + ' \u00b7 ' + inView.toLocaleString('en') + ' messages'
        + (mode === 'summary' ? ' (too many to draw: zoom in, or jump to a step)'
          : mode === 'activity' ? ' (shaded: how busy each entity is; zoom in to see the messages)'
          : ', ' + drawnN.toLocaleString('en') + ' shown')
        + (waiting ? ' \u00b7 decoding ' + waiting + ' chunk' + (waiting === 1 ? '' : 's') + '...' : '')
        + ' \u00b7 ' + decodedTotal + ' of ' + chunks.length + ' chunks decoded so far' + extra;
    if (firstPaintMs < 0 && waiting === 0) {
      firstPaintMs = performance.now();
      resolveReady();
    }
  }

  // When the view leaves the current step, the step at its centre becomes current (the step box follows).
  function followView(vis) {
    if (!vis.length || vis.includes(currentStep)) return;
    const mid = (view.t0 + view.t1) / 2;
    let best = vis[0];
    for (const k of vis) if (Math.abs(ST.tStart[k] - mid) < Math.abs(ST.tStart[best] - mid)) best = k;
    currentStep = best;
    if (document.activeElement !== $('step')) {
      $('phase').value = String(ST.phase[best]);
      $('step').value = String(ST.step[best]);
    }
    markMissedCurrent();
  }

  function drawAxis(vis, X, x0, x1, span, pw) {
    const raw = span / Math.max(1, pw / 110);
    const p10 = Math.pow(10, Math.floor(Math.log10(raw)));
    const spacing = [1, 2, 5, 10].map((m) => m * p10).find((s) => s >= raw);
    // ticks are offsets from the start of the current (or first) step in view, so microseconds read directly;
    // with many steps in view, time since the run began
    const refStep = vis.length > 50 ? -1 : vis.includes(currentStep) ? currentStep
        : vis.length ? vis.reduce((a, k) => (ST.tStart[k] < ST.tStart[a] ? k : a), vis[0]) : -1;
    const ref = refStep >= 0 ? ST.tStart[refStep] : run().tMin;
    const caption = refStep >= 0 ? 'from step ' + ST.step[refStep] : 'from run start';
    ctx.fillStyle = '#fff';
    ctx.fillRect(0, 0, x1 + RIGHT_PAD, 14);
    ctx.strokeStyle = '#999';
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    ctx.fillStyle = '#666';
    ctx.fillText(caption, 4, 1);
    const captionEnd = 4 + ctx.measureText(caption).width;
    ctx.fillStyle = '#444';
    ctx.textAlign = 'center';
    const first = Math.ceil((view.t0 - ref) / spacing);
    for (let i = first; ref + i * spacing <= view.t1; i++) {
      const x = X(ref + i * spacing);
      if (x < x0 - 0.5) continue;
      ctx.beginPath(); ctx.moveTo(x, 12); ctx.lineTo(x, 16); ctx.stroke();
      const text = (i > 0 ? '+' : '') + fmtDur(i * spacing, spacing);
      if (x - ctx.measureText(text).width / 2 > captionEnd + 4) ctx.fillText(text, x, 1);
    }
  }

  // Step starts (dotted), transmit instants (dashed; red when the step missed its deadline), step numbers.
  function drawSteps(vis, X, x0, x1, h) {
    if (vis.length > 400) return;
    ctx.save();
    ctx.beginPath(); ctx.rect(x0, 0, x1 - x0, h); ctx.clip();
    const roomy = (x1 - x0) / Math.max(1, vis.length) >= 8;
    let labelEnd = -Infinity;
    ctx.textBaseline = 'top';
    ctx.textAlign = 'left';
    const sorted = vis.slice().sort((a, b) => ST.tStart[a] - ST.tStart[b]);
    for (const k of sorted) {
      const xs = X(ST.tStart[k]);
      const missed = ST.misses[k] > 0;
      if (!roomy) {
        if (missed) { ctx.fillStyle = '#e53935'; ctx.fillRect(xs - 0.5, 16, 1.5, 8); }
        continue;
      }
      const xt = Number.isNaN(ST.transmit[k]) ? NaN : X(ST.tStart[k] + ST.transmit[k]);
      if (missed) {
        ctx.fillStyle = 'rgba(229, 57, 53, 0.05)';
        ctx.fillRect(xs, 16, (Number.isNaN(xt) ? X(ST.tStart[k] + ST.dur[k]) : xt) - xs, h - 16);
      }
      if (k === sel.step) {
        ctx.fillStyle = 'rgba(255, 193, 7, 0.07)';
        ctx.fillRect(xs, 16, X(ST.tStart[k] + ST.dur[k]) - xs, h - 16);
      }
      ctx.strokeStyle = '#bdbdbd';
      ctx.setLineDash([2, 3]);
      ctx.beginPath(); ctx.moveTo(xs, 16); ctx.lineTo(xs, h); ctx.stroke();
      if (!Number.isNaN(xt)) {
        ctx.strokeStyle = missed ? '#e53935' : '#90a4ae';
        ctx.setLineDash([5, 3]);
        ctx.beginPath(); ctx.moveTo(xt, 16); ctx.lineTo(xt, h); ctx.stroke();
      }
      ctx.setLineDash([]);
      if (xs >= x0) labelEnd = stepLabel(k, xs + 3, labelEnd);
    }
    // a step that began before the view is named at the left edge if that leaves room
    const before = roomy ? sorted.filter((k) => X(ST.tStart[k]) < x0).pop() : undefined;
    if (before !== undefined) {
      const text = 'step ' + ST.step[before];
      const next = sorted.find((k) => X(ST.tStart[k]) >= x0);
      if (next === undefined || x0 + 3 + ctx.measureText(text + ' (missed)').width + 6 < X(ST.tStart[next])) stepLabel(before, x0 + 3, -Infinity);
    }
    ctx.restore();
  }

  function stepLabel(k, lx, labelEnd) {
    const missed = ST.misses[k] > 0;
    const text = 'step ' + ST.step[k] + (missed ? ' (missed)' : '');
    if (lx <= labelEnd + 6) return labelEnd;
    ctx.fillStyle = missed ? '#c62828' : '#555';
    ctx.fillText(text, lx, 18);
    return lx + ctx.measureText(text).width;
  }

  function drawSummary(vis, X, x0, x1, h, inView) {
    // message count per pixel column, from the step index: nothing is decoded
    const cols = new Float64Array(Math.ceil(x1 - x0) + 1);
    for (const k of vis) {
      const c = Math.round(X(ST.tStart[k]) - x0);
      if (c >= 0 && c < cols.length) cols[c] += ST.count[k];
    }
    let max = 1;
    for (const v of cols) max = Math.max(max, v);
    const top = AXIS_H, bottom = h - 6;
    ctx.fillStyle = 'rgba(96, 125, 139, 0.35)';
    for (let c = 0; c < cols.length; c++) {
      if (cols[c] > 0) {
        const bh = Math.max(1, (cols[c] / max) * (bottom - top) * 0.9);
        ctx.fillRect(x0 + c, bottom - bh, 1, bh);
      }
    }
    ctx.fillStyle = '#e53935';
    for (const k of vis) if (ST.misses[k] > 0) ctx.fillRect(X(ST.tStart[k]) - 0.5, top, 1.5, 10);
    ctx.fillStyle = '#37474f';
    ctx.textAlign = 'center'; ctx.textBaseline = 'middle';
    ctx.font = '14px system-ui, sans-serif';
    ctx.fillText(inView.toLocaleString('en') + ' messages in view: zoom in (wheel) or jump to a step to see them',
        (x0 + x1) / 2, (top + bottom) / 2);
    ctx.font = '11px system-ui, sans-serif';
  }

  function drawMessages(cs, X, laneY, x0, x1) {
    const hasSel = sel.row >= 0;
    const groups = new Map();      // color -> rows, drawn in one path per color
    const rows = [];
    const seg = [];
    const fan = new Map();
    const special = [];
    for (const c of cs) {
      if (!c.data) continue;
      const d = c.data;
      for (let i = 0; i < c.count; i++) {
        const t = d.t[i];
        const flags = d.flags[i];
        const lost = (flags & LOST) !== 0;
        const end = lost ? t : t + d.lat[i];
        if (end < view.t0 || t > view.t1) continue;
        const type = d.type[i], from = d.from[i], to = d.to[i];
        const row = c.firstRow + i;
        // the selected chain is drawn whatever the filters
        if (!(hasSel && sel.chainSet.has(row)) && !passes(type, from, to, flags)) continue;
        let ax = X(t), bx = X(end);
        const ay = laneY.get(from), by0 = laneY.get(to);
        let by = by0;
        if (lost) { bx = ax + 14; by = (ay + by0) / 2; }
        // arrows leaving one lane at one pixel are fanned out so each stays visible and clickable
        const key = Math.round(ax) * 4096 + from;
        const k = fan.get(key) || 0;
        fan.set(key, k + 1);
        const dx = Math.min(k, 6) * 3;
        ax += dx; bx += dx;
        rows.push(row);
        seg.push(ax, ay, bx, by);
        const n = rows.length - 1;
        if (lost || (flags & (LATE | STALE)) || (hasSel && (sel.chainSet.has(row) || sel.ap.has(row)))) special.push(n);
        const col = colorOf(type);
        let g = groups.get(col);
        if (!g) { g = []; groups.set(col, g); }
        g.push(n);
      }
    }
    ctx.save();
    ctx.beginPath(); ctx.rect(x0 - 2, AXIS_H - 4, x1 - x0 + RIGHT_PAD + 2, canvas.clientHeight); ctx.clip();
    ctx.globalAlpha = hasSel ? 0.22 : 1;
    ctx.lineWidth = 1.2;
    for (const [col, g] of groups) {
      ctx.strokeStyle = col;
      ctx.fillStyle = col;
      const p = new Path2D(), heads = new Path2D();
      for (const n of g) {
        const [ax, ay, bx, by] = [seg[4 * n], seg[4 * n + 1], seg[4 * n + 2], seg[4 * n + 3]];
        p.moveTo(ax, ay); p.lineTo(bx, by);
        arrowHead(heads, ax, ay, bx, by, 6);
      }
      ctx.stroke(p);
      ctx.fill(heads);
    }
    ctx.globalAlpha = 1;
    const halos = filters.problems || rows.length <= 3000;
    for (const n of special) drawSpecial(rows[n], seg, n, hasSel, halos);
    if (rows.length <= MAX_LABELS) drawLabels(rows, seg, cs, hasSel);
    ctx.restore();
    lastDrawn = { rows: Int32Array.from(rows), seg: Float32Array.from(seg), n: rows.length, laneY };
    return rows.length;
  }

  function passes(type, from, to, flags) {
    return filters.types.has(type) && (filters.entities.has(from) || filters.entities.has(to))
        && (!filters.problems || (flags & (LOST | LATE | STALE)) !== 0);
  }

  // Each entity's lane shaded by how many messages it sends or receives per pixel (darker: busier).
  function drawActivity(cs, X, laneY, laneH, x0, x1) {
    const r = run();
    const W = Math.max(1, Math.ceil(x1 - x0));
    const laneOf = new Map(r.lanes.map((e, i) => [e, i]));
    const bins = new Float32Array(W * r.lanes.length);
    const lost = new Path2D();
    for (const c of cs) {
      if (!c.data) continue;
      const d = c.data;
      for (let i = 0; i < c.count; i++) {
        const flags = d.flags[i];
        if (!passes(d.type[i], d.from[i], d.to[i], flags)) continue;
        const a = Math.floor(X(d.t[i]) - x0);
        if (a >= 0 && a < W) bins[laneOf.get(d.from[i]) * W + a]++;
        if (flags & LOST) {
          if (a >= 0 && a < W) lost.rect(x0 + a - 1, laneY.get(d.from[i]) - laneH * 0.4, 3, laneH * 0.8);
          continue;
        }
        const b = Math.floor(X(d.t[i] + d.lat[i]) - x0);
        if (b >= 0 && b < W) bins[laneOf.get(d.to[i]) * W + b]++;
      }
    }
    let max = 1;
    for (const v of bins) max = Math.max(max, v);
    const LEVELS = 8;
    const paths = Array.from({ length: LEVELS }, () => new Path2D());
    r.lanes.forEach((e, li) => {
      const y = laneY.get(e) - laneH * 0.35;
      for (let x = 0; x < W; x++) {
        const v = bins[li * W + x];
        if (v > 0) paths[Math.min(LEVELS - 1, Math.floor(Math.sqrt(v / max) * LEVELS))].rect(x0 + x, y, 1, laneH * 0.7);
      }
    });
    paths.forEach((p, k) => {
      ctx.fillStyle = 'rgba(38, 50, 56, ' + (0.15 + (0.85 * (k + 1)) / LEVELS).toFixed(3) + ')';
      ctx.fill(p);
    });
    ctx.fillStyle = '#c62828';
    ctx.fill(lost);
  }

  function arrowHead(p, ax, ay, bx, by, size) {
    const dx = bx - ax, dy = by - ay;
    const len = Math.hypot(dx, dy);
    if (len < size * 1.5) return;
    const ux = dx / len, uy = dy / len;
    p.moveTo(bx, by);
    p.lineTo(bx - ux * size - uy * size * 0.45, by - uy * size + ux * size * 0.45);
    p.lineTo(bx - ux * size + uy * size * 0.45, by - uy * size - ux * size * 0.45);
    p.closePath();
  }

  function drawSpecial(row, seg, n, hasSel, halos) {
    const c = chunkOfRow(row);
    const i = row - c.firstRow;
    const flags = c.data.flags[i];
    const [ax, ay, bx, by] = [seg[4 * n], seg[4 * n + 1], seg[4 * n + 2], seg[4 * n + 3]];
    const col = colorOf(c.data.type[i]);
    const inChain = sel.chainSet.has(row), onAp = sel.ap.has(row);
    if (hasSel && !inChain && !onAp) ctx.globalAlpha = 0.22;
    if (flags & LOST) {
      ctx.strokeStyle = '#c62828'; ctx.lineWidth = 1.6; ctx.setLineDash([4, 3]);
      ctx.beginPath(); ctx.moveTo(ax, ay); ctx.lineTo(bx, by); ctx.stroke();
      ctx.setLineDash([]);
      ctx.beginPath(); ctx.moveTo(bx - 4, by - 4); ctx.lineTo(bx + 4, by + 4); ctx.moveTo(bx + 4, by - 4); ctx.lineTo(bx - 4, by + 4); ctx.stroke();
    } else if (halos && flags & (LATE | STALE)) {
      ctx.strokeStyle = flags & STALE ? '#c62828' : '#ef6c00'; ctx.lineWidth = 4; ctx.globalAlpha = hasSel && !inChain && !onAp ? 0.15 : 0.45;
      ctx.beginPath(); ctx.moveTo(ax, ay); ctx.lineTo(bx, by); ctx.stroke();
      ctx.globalAlpha = hasSel && !inChain && !onAp ? 0.22 : 1;
    }
    if (inChain || onAp) {
      ctx.globalAlpha = 1;
      ctx.strokeStyle = row === sel.row ? '#000' : col;
      ctx.fillStyle = ctx.strokeStyle;
      ctx.lineWidth = row === sel.row ? 3.5 : inChain ? 3 : 1.8;
      if (onAp && !inChain) ctx.setLineDash([6, 3]);
      ctx.beginPath(); ctx.moveTo(ax, ay); ctx.lineTo(bx, by); ctx.stroke();
      ctx.setLineDash([]);
      const hp = new Path2D();
      arrowHead(hp, ax, ay, bx, by, 8);
      ctx.fill(hp);
    }
    ctx.globalAlpha = 1;
    ctx.lineWidth = 1.2;
  }

  // Type labels at the middle of arrows long enough to carry one, never on top of each other.
  function drawLabels(rows, seg, cs, hasSel) {
    const taken = new Map();
    const cell = 64;
    const free = (x, y, w, h) => {
      for (let cx = Math.floor(x / cell); cx <= Math.floor((x + w) / cell); cx++) {
        for (const r of taken.get(cx) || []) {
          if (x < r[0] + r[2] && r[0] < x + w && y < r[1] + r[3] && r[1] < y + h) return false;
        }
      }
      return true;
    };
    const take = (x, y, w, h) => {
      for (let cx = Math.floor(x / cell); cx <= Math.floor((x + w) / cell); cx++) {
        if (!taken.has(cx)) taken.set(cx, []);
        taken.get(cx).push([x, y, w, h]);
      }
    };
    ctx.textAlign = 'left'; ctx.textBaseline = 'middle';
    // the selected chain is labelled first so its labels always win
    const order = rows.map((r, n) => n).sort((a, b) => (sel.chainSet.has(rows[b]) ? 1 : 0) - (sel.chainSet.has(rows[a]) ? 1 : 0));
    for (const n of order) {
      const row = rows[n];
      const [ax, ay, bx, by] = [seg[4 * n], seg[4 * n + 1], seg[4 * n + 2], seg[4 * n + 3]];
      if (Math.hypot(bx - ax, by - ay) < 40) continue;
      const c = chunkOfRow(row);
      const i = row - c.firstRow;
      const flags = c.data.flags[i];
      const text = STR[c.data.type[i]] + (flags & LOST ? ' (lost)' : flags & STALE ? ' (fallback)' : flags & LATE ? ' (late)' : '');
      const w = ctx.measureText(text).width + 4, hgt = 13;
      const mx = (ax + bx) / 2 + 3, my = (ay + by) / 2 - 7;
      if (!free(mx, my - hgt / 2, w, hgt)) continue;
      take(mx, my - hgt / 2, w, hgt);
      const dim = hasSel && !sel.chainSet.has(row) && !sel.ap.has(row);
      ctx.globalAlpha = dim ? 0.3 : 1;
      ctx.fillStyle = 'rgba(255,255,255,0.85)';
      ctx.fillRect(mx - 1, my - hgt / 2, w, hgt);
      ctx.fillStyle = flags & LOST ? '#c62828' : colorOf(c.data.type[i]);
      ctx.fillText(text, mx + 1, my);
    }
    ctx.globalAlpha = 1;
  }

  function drawOverview(r) {
    const { w, h } = fit(ov, octx);
    octx.clearRect(0, 0, w, h);
    const x0 = LABEL_W, x1 = w - RIGHT_PAD;
    const span = Math.max(1, r.tMax - r.tMin);
    const X = (t) => x0 + ((t - r.tMin) / span) * (x1 - x0);
    octx.font = '11px system-ui, sans-serif';
    octx.fillStyle = '#555';
    octx.textAlign = 'right'; octx.textBaseline = 'middle';
    octx.fillText('whole run', x0 - 8, h / 2);
    const shades = ['#eceff1', '#e3f2fd', '#e8f5e9', '#fff8e1'];
    r.phases.forEach((p, i) => {
      const a = X(ST.tStart[r.steps[p.first]]);
      const lastK = r.steps[p.last];
      const b = Math.max(a + 2, X(ST.tStart[lastK] + ST.dur[lastK]));
      octx.fillStyle = shades[i % shades.length];
      octx.fillRect(a, 0, b - a, h);
      octx.fillStyle = '#546e7a';
      octx.textAlign = 'left'; octx.textBaseline = 'top';
      if (b - a > 60) octx.fillText(p.name, a + 3, 2);
    });
    const cols = new Float64Array(Math.ceil(x1 - x0) + 1);
    for (const k of r.steps) {
      const c = Math.round(X(ST.tStart[k]) - x0);
      if (c >= 0 && c < cols.length) cols[c] += ST.count[k];
    }
    let max = 1;
    for (const v of cols) max = Math.max(max, v);
    octx.fillStyle = 'rgba(69, 90, 100, 0.55)';
    for (let c = 0; c < cols.length; c++) {
      if (cols[c] > 0) {
        const bh = Math.max(1, (cols[c] / max) * (h - 18));
        octx.fillRect(x0 + c, h - bh, 1, bh);
      }
    }
    octx.fillStyle = '#e53935';
    for (const k of r.missed) octx.fillRect(X(ST.tStart[k]) - 0.5, h - 8, 1.5, 8);
    const a = X(view.t0), b = X(view.t1);
    octx.fillStyle = 'rgba(25, 118, 210, 0.18)';
    octx.strokeStyle = '#1976d2';
    octx.fillRect(a, 0, Math.max(2, b - a), h);
    octx.strokeRect(a + 0.5, 0.5, Math.max(2, b - a), h - 1);
  }

  // ---------------------------------------------------------------- selection and causal chains

  function hit(px, py) {
    const { seg, n, rows } = lastDrawn;
    let best = -1, bestD = 7;
    for (let k = 0; k < n; k++) {
      const ax = seg[4 * k], ay = seg[4 * k + 1], bx = seg[4 * k + 2], by = seg[4 * k + 3];
      const dx = bx - ax, dy = by - ay;
      const l2 = dx * dx + dy * dy;
      const u = l2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / l2));
      const d = Math.hypot(ax + u * dx - px, ay + u * dy - py);
      if (d < bestD) { bestD = d; best = rows[k]; }
    }
    return best;
  }

  function clearSelection() {
    sel.row = -1; sel.anc = []; sel.desc = []; sel.ap = new Set(); sel.chainSet = new Set(); sel.step = -1;
    sel.token++;
    $('details').innerHTML = '<p class="note">Click a message.</p>';
    $('chain').innerHTML = '';
    scheduleRender();
  }

  const apOf = (e) => { const m = /^(ap|edge)-(\d+)$/.exec(STR[e]); return m ? +m[2] : -1; };

  async function select(row) {
    const token = ++sel.token;
    await ensureChunk(chunkOfRow(row));
    const m = msg(row);
    sel.row = row;
    sel.anc = []; sel.desc = []; sel.ap = new Set();
    sel.chainSet = new Set([row]);
    sel.step = findStep(runById.get(m.run), m.phase, m.step);
    showDetails(m);
    // ancestors: follow causes as far as they resolve (a timer id ends the chain)
    const seen = new Set([row]);
    let r = m.causeRow;
    while (r >= 0 && !seen.has(r)) {
      seen.add(r);
      sel.anc.unshift(r);
      r = await fieldAsync(r, 'causeRow');
    }
    if (token !== sel.token) return;
    // descendants: messages whose cause is in the chain, in this chunk and the next two of the run
    const r0 = runById.get(m.run);
    const ci = r0.chunks.indexOf(chunkOfRow(row));
    const near = r0.chunks.slice(ci, ci + 3);
    await Promise.all(near.map(ensureChunk));
    if (token !== sel.token) return;
    const inChain = new Set([row]);
    for (let pass = 0, grew = true; grew && pass < 8; pass++) {
      grew = false;
      for (const c of near) {
        for (let i = 0; i < c.count; i++) {
          const x = c.firstRow + i;
          if (!inChain.has(x) && inChain.has(c.data.causeRow[i])) { inChain.add(x); grew = true; }
        }
      }
    }
    inChain.delete(row);
    sel.desc = [...inChain].sort((a, b) => field(a, 't') - field(b, 't') || a - b);
    // the same step's messages to and from this message's AP and its edge (CSI -> assignment -> precoder -> transmission)
    const ap = apOf(m.from) >= 0 ? apOf(m.from) : apOf(m.to);
    if (ap >= 0) {
      const c = chunkOfRow(row);
      for (let i = 0; i < c.count; i++) {
        if (c.data.step[i] === m.step && (apOf(c.data.from[i]) === ap || apOf(c.data.to[i]) === ap)) sel.ap.add(c.firstRow + i);
      }
    }
    sel.chainSet = new Set([...sel.anc, row, ...sel.desc]);
    showChain(m, ap);
    scheduleRender();
  }

  function esc(s) {
    return String(s).replace(/[&<>"]/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' }[ch]));
  }

  function showDetails(m) {
    const k = sel.step;
    const stepStart = k >= 0 ? ST.tStart[k] : m.t;
    const rows = [
      ['run', STR[m.run]], ['phase', STR[m.phase]], ['step', m.step], ['type', STR[m.type]],
      ['from \u2192 to', STR[m.from] + ' \u2192 ' + STR[m.to]], ['link', STR[m.link]],
      ['sent', m.t + ' ns (+' + us(m.t - stepStart) + ' \u00b5s into the step)'],
      ['arrived', m.lost ? '<span class="lost">lost</span>' : m.arrive + ' ns'],
      ['in flight', m.lost ? '-' : us(m.arrive - m.t) + ' \u00b5s'],
      ['bytes', m.bytes], ['id', m.id],
      ['cause', m.cause + (m.causeRow >= 0 ? ' (a traced message)' : m.cause >= 0 ? ' (a timer or untraced event)' : '')],
    ];
    if (m.late) rows.push(['late', '<span class="late">arrived after the step\u2019s transmit instant</span>']);
    if (m.stale) rows.push(['fallback', '<span class="lost">transmitted a precoder not of this step (deadline missed)</span>']);
    if (k >= 0 && !Number.isNaN(ST.transmit[k])) rows.push(['step transmit instant', '+' + us(ST.transmit[k]) + ' \u00b5s']);
    rows.push(['nodes', STR[m.fromNode] + ' \u2192 ' + STR[m.toNode] + (m.crossNode ? ' (across nodes)' : '')]);
    rows.push(['wall', m.wall + ' ns']);
    for (const [name, v] of Object.entries(m.extras)) rows.push([name, v]);
    $('details').innerHTML = '<table class="fields" data-testid="fields">' + rows.map(([a, b]) => '<tr><td>' + esc(a)
        + '</td><td data-field="' + esc(a) + '">' + (typeof b === 'string' && b.startsWith('<span') ? b : esc(b))
        + '</td></tr>').join('') + '</table>';
  }

  function showChain(m, ap) {
    const list = [...sel.anc, sel.row, ...sel.desc].map(msg);
    const start = list[0].t;
    const byRow = new Map(list.map((x) => [x.row, x]));
    let flight = 0, waits = 0;
    const comps = {};
    const trs = list.map((x, n) => {
      const cause = byRow.get(x.causeRow);
      const wait = cause && !cause.lost ? x.t - cause.arrive : NaN;
      if (!Number.isNaN(wait)) waits += wait;
      if (!x.lost) flight += x.arrive - x.t;
      for (const [name, v] of Object.entries(x.extras)) if (/Ns$/.test(name) && typeof v === 'number') comps[name] = (comps[name] || 0) + v;
      return '<tr data-row="' + x.row + '" data-testid="chain-row" class="' + (x.row === sel.row ? 'selected' : '') + '">'
          + '<td>' + (n + 1) + ' ' + esc(STR[x.type]) + '<br><span class="note">' + esc(STR[x.from]) + ' \u2192 ' + esc(STR[x.to])
          + ' \u00b7 ' + esc(STR[x.link]) + ' \u00b7 step ' + x.step + '</span></td><td>+' + us(x.t - start) + '</td><td>'
          + (Number.isNaN(wait) ? '-' : us(wait)) + '</td><td class="' + (x.lost ? 'lost' : '') + '">'
          + (x.lost ? 'lost' : us(x.arrive - x.t)) + '</td><td>' + (x.lost ? '-' : '+' + us(x.arrive - start)) + '</td></tr>';
    });
    const end = Math.max(...list.map((x) => x.end));
    let html = '<p class="note">Cause to effect, by message ids (' + list.length + ' messages); a chain ends where a cause is a '
        + 'timer. Times in \u00b5s: sent and arrived after the chain began, waited at the sender since its cause arrived '
        + '(queueing, waiting for other inputs, compute, the transmit instant), in flight on the link.</p>'
        + '<table class="chain" data-testid="chain-table"><tr><th>message</th><th>sent</th><th>waited</th><th>in flight</th>'
        + '<th>arrived</th></tr>' + trs.join('') + '</table>'
        + '<p data-testid="chain-totals">End to end ' + us(end - start) + ' \u00b5s: in flight ' + us(flight)
        + ' \u00b5s, waiting at entities ' + us(waits) + ' \u00b5s.';
    const names = Object.keys(comps);
    if (names.length) html += ' Components: ' + names.map((n) => esc(n) + ' ' + us(comps[n]) + ' \u00b5s').join(', ') + '.';
    html += '</p>';
    if (ap >= 0) {
      html += '<p class="note">Dashed: the other messages of step ' + m.step + ' to or from ap-' + ap + ' and edge-' + ap
          + ' (' + sel.ap.size + ').</p>';
    }
    $('chain').innerHTML = html;
    $('chain').querySelectorAll('tr[data-row]').forEach((tr) => tr.addEventListener('click', () => {
      const row = +tr.dataset.row;
      revealRow(row);
      select(row);
    }));
  }

  function revealRow(row) {
    const t = field(row, 't');
    if (t === undefined) return;
    const end = t + Math.max(0, field(row, 'lat'));
    if (t < view.t0 || end > view.t1) {
      const span = view.t1 - view.t0;
      setView((t + end) / 2 - span / 2, (t + end) / 2 + span / 2);
    }
  }

  // ---------------------------------------------------------------- interaction

  function zoomAt(px, factor) {
    const x0 = LABEL_W, pw = canvas.clientWidth - RIGHT_PAD - x0;
    const f = Math.min(1, Math.max(0, (px - x0) / pw));
    const at = view.t0 + f * (view.t1 - view.t0);
    const span = (view.t1 - view.t0) * factor;
    setView(at - f * span, at + (1 - f) * span);
  }

  function pan(fraction) {
    const span = view.t1 - view.t0;
    setView(view.t0 + fraction * span, view.t1 + fraction * span);
  }

  canvas.addEventListener('wheel', (e) => {
    e.preventDefault();
    if (Math.abs(e.deltaX) > Math.abs(e.deltaY) || e.shiftKey) {
      pan((e.deltaX || e.deltaY) / canvas.clientWidth);
    } else {
      zoomAt(e.offsetX, Math.pow(1.0018, e.deltaY));
    }
  }, { passive: false });

  let drag = null;
  canvas.addEventListener('mousedown', (e) => {
    drag = { x: e.clientX, y: e.clientY, t0: view.t0, t1: view.t1, moved: false };
    canvas.classList.add('dragging');
    canvas.focus();
  });
  window.addEventListener('mousemove', (e) => {
    if (!drag) return;
    const dx = e.clientX - drag.x;
    if (Math.abs(dx) > 3 || Math.abs(e.clientY - drag.y) > 3) drag.moved = true;
    if (drag.moved) {
      const pw = canvas.clientWidth - RIGHT_PAD - LABEL_W;
      const dt = (-dx / pw) * (drag.t1 - drag.t0);
      setView(drag.t0 + dt, drag.t1 + dt);
    }
  });
  window.addEventListener('mouseup', (e) => {
    if (!drag) return;
    const d = drag;
    drag = null;
    canvas.classList.remove('dragging');
    if (!d.moved) {
      const rect = canvas.getBoundingClientRect();
      const row = hit(e.clientX - rect.left, e.clientY - rect.top);
      if (row >= 0) select(row); else clearSelection();
    }
  });
  canvas.addEventListener('dblclick', (e) => zoomAt(e.offsetX, 0.4));
  canvas.addEventListener('keydown', (e) => {
    const keys = {
      ArrowLeft: () => pan(-0.2), ArrowRight: () => pan(0.2), '+': () => zoomAt(canvas.clientWidth / 2, 0.6),
      '=': () => zoomAt(canvas.clientWidth / 2, 0.6), '-': () => zoomAt(canvas.clientWidth / 2, 1 / 0.6),
      n: () => neighbourStep(1), p: () => neighbourStep(-1), m: () => neighbourMissed(1), Escape: clearSelection,
    };
    if (keys[e.key]) { e.preventDefault(); keys[e.key](); }
  });

  function overviewTo(e) {
    const r = run();
    const x0 = LABEL_W, pw = ov.clientWidth - RIGHT_PAD - x0;
    const f = Math.min(1, Math.max(0, (e.offsetX - x0) / pw));
    const at = r.tMin + f * (r.tMax - r.tMin);
    const span = view.t1 - view.t0;
    setView(at - span / 2, at + span / 2);
  }
  let ovDrag = false;
  ov.addEventListener('mousedown', (e) => { ovDrag = true; overviewTo(e); });
  ov.addEventListener('mousemove', (e) => { if (ovDrag) overviewTo(e); });
  window.addEventListener('mouseup', () => { ovDrag = false; });

  function goToInput() {
    const phase = STR[+$('phase').value];
    const n = Number($('step').value);
    if ($('step').value.trim() === '' || !Number.isInteger(n)) { setStatusNote('step must be an integer'); return; }
    jump(phase, n);
  }
  $('go').addEventListener('click', goToInput);
  $('step').addEventListener('keydown', (e) => { if (e.key === 'Enter') goToInput(); });
  $('prev-step').addEventListener('click', () => neighbourStep(-1));
  $('next-step').addEventListener('click', () => neighbourStep(1));
  $('fit-run').addEventListener('click', () => { const r = run(); setView(r.tMin, r.tMax); });
  $('prev-missed').addEventListener('click', () => neighbourMissed(-1));
  $('next-missed').addEventListener('click', () => neighbourMissed(1));
  $('problems').addEventListener('change', (e) => { filters.problems = e.target.checked; scheduleRender(); });
  $('run').addEventListener('change', (e) => selectRun(+e.target.value, false));
  $('types-all').addEventListener('click', () => setAll('types', filters.types, run().types, true));
  $('types-none').addEventListener('click', () => setAll('types', filters.types, run().types, false));
  $('entities-all').addEventListener('click', () => setAll('entities', filters.entities, run().lanes, true));
  $('entities-none').addEventListener('click', () => setAll('entities', filters.entities, run().lanes, false));
  new ResizeObserver(() => scheduleRender()).observe(canvas);

  function showError(text) {
    const b = $('banner');
    b.hidden = false;
    b.textContent = (b.textContent ? b.textContent + ' \u00b7 ' : '') + text;
  }

  // ---------------------------------------------------------------- start

  async function start() {
    $('totals').textContent = META.messages.toLocaleString('en') + ' messages \u00b7 ' + runs.length + ' run'
        + (runs.length === 1 ? '' : 's') + ' \u00b7 ' + META.stepCount.toLocaleString('en') + ' steps';
    if (META.corrupt > 0) {
      showError(META.corrupt + ' corrupt line' + (META.corrupt === 1 ? '' : 's') + ' skipped (first: line '
          + META.firstCorruptLine + ': ' + META.firstProblem + ')');
    }
    if (typeof DecompressionStream === 'undefined') {
      showError('this browser has no DecompressionStream: use a current Chromium, Firefox or Safari');
      return;
    }
    await loadSteps();
    buildRuns();
    const hash = new URLSearchParams(location.hash.slice(1));
    const wanted = runs.find((r) => r.name === hash.get('run')) || runs[0];
    selectRun(wanted.id, false);
    if (hash.has('step')) jump(hash.get('phase') || META.deployment, Number(hash.get('step')));
  }

  window.cfqnnViewer = {
    ready,
    get firstPaintMs() { return firstPaintMs; },
    state: () => ({
      run: STR[view.run], t0: view.t0, t1: view.t1, selected: sel.row >= 0 ? msg(sel.row).id : null,
      types: [...filters.types].map((t) => STR[t]), problems: filters.problems,
      step: currentStep >= 0 ? { phase: STR[ST.phase[currentStep]], step: ST.step[currentStep] } : null,
    }),
    decodedChunks: () => chunks.filter((c) => c.data).length,
    decodedTotal: () => decodedTotal,
    chunkCount: () => chunks.length,
    // the messages drawn by the last render, with their arrow's end points in CSS pixels of the timeline canvas
    visible: () => Array.from(lastDrawn.rows, (row, n) => {
      const m = msg(row);
      return { row, id: m.id, type: STR[m.type], from: STR[m.from], to: STR[m.to], step: m.step, phase: STR[m.phase],
        lost: m.lost, late: m.late, stale: m.stale,
        x1: lastDrawn.seg[4 * n], y1: lastDrawn.seg[4 * n + 1], x2: lastDrawn.seg[4 * n + 2], y2: lastDrawn.seg[4 * n + 3] };
    }),
    chain: () => ({
      ancestors: sel.anc.map((r) => field(r, 'id')), selected: sel.row >= 0 ? field(sel.row, 'id') : null,
      descendants: sel.desc.map((r) => field(r, 'id')), apLinked: [...sel.ap].map((r) => field(r, 'id')),
    }),
    missed: () => run().missed.map((k) => ({ phase: STR[ST.phase[k]], step: ST.step[k], misses: ST.misses[k] })),
    // how long frames took to draw (ms), and forget them: the browser test measures a gesture with it
    takeRenderTimes: () => renderTimes.splice(0, renderTimes.length),
    rendered: () => new Promise((res) => requestAnimationFrame(() => requestAnimationFrame(() => res()))),
  };

  start().catch((e) => showError('cannot show the trace: ' + e.message));
})();
