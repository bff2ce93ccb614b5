(function () {
  'use strict';
  var zh = (document.documentElement.lang || '').indexOf('zh') === 0;
  function T(z, e) { return zh ? z : e; }
  var KEY = 'govstats-review:' + (document.body.getAttribute('data-review-key') || '');
  var TOKENS = ['confirmed', 'false-alarm', 'accepted'];
  var NAMES = { 'confirmed': T('确认', 'confirmed'), 'false-alarm': T('误报', 'false alarm'), 'accepted': T('接受', 'accepted') };
  var state = { reviewer: '', expires: '', decisions: {}, corrections: {}, foreign: {} };
  var storage = null;
  try {
    storage = window.localStorage;
    var saved = storage.getItem(KEY);
    if (saved) {
      var parsed = JSON.parse(saved);
      Object.keys(state).forEach(function (k) { if (parsed && parsed[k] !== undefined) { state[k] = parsed[k]; } });
    }
  } catch (e) { storage = null; }
  function save() {
    if (!storage) { return; }
    try { storage.setItem(KEY, JSON.stringify(state)); } catch (e) { status(T('无法保存到浏览器存储：', 'Cannot save in browser storage: ') + e.message); }
  }
  function status(text) { var el = document.getElementById('review-status'); if (el) { el.textContent = text; } }
  function $(id) { return document.getElementById(id); }
  var findings = Array.prototype.slice.call(document.querySelectorAll('li.finding[data-fp]'));
  var byFp = {};
  findings.forEach(function (li) { var fp = li.getAttribute('data-fp'); (byFp[fp] = byFp[fp] || []).push(li); });
  function decisionOf(fp) { var d = state.decisions[fp]; return d && d.decision ? d.decision : ''; }

  var reviewer = $('reviewer'), expires = $('expires');
  if (!state.expires) { var next = new Date(); next.setFullYear(next.getFullYear() + 1); state.expires = next.toISOString().slice(0, 10); }
  reviewer.value = state.reviewer || '';
  expires.value = state.expires;
  reviewer.addEventListener('input', function () { state.reviewer = reviewer.value.trim(); save(); });
  expires.addEventListener('change', function () { if (expires.value) { state.expires = expires.value; save(); } });

  function show(li) {
    var d = state.decisions[li.getAttribute('data-fp')];
    var token = d && d.decision ? d.decision : '';
    TOKENS.forEach(function (t) { li.classList.toggle('decided-' + t, token === t); });
    li.classList.toggle('decided', token !== '');
    li.querySelectorAll('button.decide').forEach(function (b) { b.setAttribute('aria-pressed', String(b.getAttribute('data-decision') === token)); });
    var comment = li.querySelector('input.comment');
    if (comment && document.activeElement !== comment) { comment.value = d ? (d.comment || '') : ''; }
    var by = li.querySelector('.decided-by');
    if (by) { by.textContent = token && d.by ? d.by : ''; }
    var conflict = li.querySelector('.conflict');
    if (conflict) { conflict.textContent = d && d.conflict ? d.conflict : ''; }
  }
  function refresh(fp) { (byFp[fp] || []).forEach(show); counts(); filter(); }
  function counts() {
    var n = { total: 0, decided: 0, confirmed: 0, 'false-alarm': 0, accepted: 0 };
    Object.keys(byFp).forEach(function (fp) { n.total++; var t = decisionOf(fp); if (t) { n.decided++; n[t]++; } });
    var corrections = Object.keys(state.corrections).length;
    status(T('已决定 ', 'decided ') + n.decided + ' / ' + n.total + ' · ' + NAMES.confirmed + ' ' + n.confirmed + ' · ' + NAMES['false-alarm'] + ' ' + n['false-alarm'] +
      ' · ' + NAMES.accepted + ' ' + n.accepted + ' · ' + T('更正 ', 'corrections ') + corrections);
  }

  findings.forEach(function (li) {
    var fp = li.getAttribute('data-fp');
    li.querySelectorAll('button.decide').forEach(function (b) {
      b.addEventListener('click', function (ev) {
        ev.stopPropagation();
        var token = b.getAttribute('data-decision');
        var d = state.decisions[fp] || { decision: '', comment: '', by: '' };
        if (d.decision === token) { d.decision = ''; } else { d.decision = token; d.by = state.reviewer; }
        delete d.conflict;
        if (!d.decision && !d.comment) { delete state.decisions[fp]; } else { state.decisions[fp] = d; }
        save();
        refresh(fp);
      });
    });
    var comment = li.querySelector('input.comment');
    if (comment) {
      comment.addEventListener('click', function (ev) { ev.stopPropagation(); });
      comment.addEventListener('input', function () {
        var d = state.decisions[fp] || { decision: '', comment: '', by: state.reviewer };
        d.comment = comment.value;
        state.decisions[fp] = d;
        save();
      });
    }
    var correct = li.querySelector('button.correct');
    if (correct) {
      correct.addEventListener('click', function (ev) {
        ev.stopPropagation();
        openCorrection(li.closest('section.report'), (li.getAttribute('data-correctable') || '').split(' ').filter(Boolean), li.getAttribute('data-proposed') || '');
      });
    }
    show(li);
  });

  // Filters: options from the findings of this file.
  var FILTERS = ['severity', 'rule', 'agency', 'jurisdiction', 'year'];
  FILTERS.forEach(function (key) {
    var select = $('filter-' + key), values = {};
    findings.forEach(function (li) { var v = li.getAttribute('data-' + key); if (v) { values[v] = true; } });
    Object.keys(values).sort().forEach(function (v) { var o = document.createElement('option'); o.value = v; o.textContent = v; select.appendChild(o); });
    select.addEventListener('change', filter);
  });
  $('filter-status').addEventListener('change', filter);
  function filter() {
    var f = {};
    FILTERS.concat(['status']).forEach(function (k) { f[k] = $('filter-' + k).value; });
    var byFinding = f.severity || f.rule || f.status;
    findings.forEach(function (li) {
      var ok = FILTERS.every(function (k) { return !f[k] || li.getAttribute('data-' + k) === f[k]; });
      var t = decisionOf(li.getAttribute('data-fp'));
      if (f.status === 'undecided') { ok = ok && !t; } else if (f.status === 'decided') { ok = ok && !!t; } else if (f.status) { ok = ok && t === f.status; }
      li.hidden = !ok;
    });
    document.querySelectorAll('section.report, section.jurisdiction').forEach(function (section) {
      var keys = section.classList.contains('report') ? ['agency', 'jurisdiction', 'year'] : ['jurisdiction'];
      var ok = keys.every(function (k) { return !f[k] || section.getAttribute('data-' + k) === f[k]; });
      if (ok && byFinding) { ok = !!section.querySelector('li.finding[data-fp]:not([hidden])'); }
      section.hidden = !ok;
    });
  }

  function download(name, text) {
    var blob = new Blob([text], { type: 'application/json' });
    var a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = name;
    document.body.appendChild(a);
    a.click();
    setTimeout(function () { URL.revokeObjectURL(a.href); a.remove(); }, 2000);
  }
  function number(text) { return text === null || text === '' ? null : Number(text); }

  // Decisions → the baseline file format (plus decision and comment), for govstats check --baseline.
  function decisionsJson() {
    var entries = [];
    Object.keys(byFp).sort().forEach(function (fp) {
      var d = state.decisions[fp];
      if (!d || !d.decision) { return; }
      var li = byFp[fp][0];
      entries.push({
        fingerprint: fp, rule: li.getAttribute('data-rule'), agency: li.getAttribute('data-agency'), year: parseInt(li.getAttribute('data-year'), 10),
        instance: li.getAttribute('data-instance') || '', severity: li.getAttribute('data-severity'), expected: number(li.getAttribute('data-expected')), actual: number(li.getAttribute('data-actual')),
        message: li.getAttribute('data-message'), reason: d.comment || '', acceptedBy: d.by || state.reviewer || '', expires: state.expires,
        decision: d.decision, comment: d.comment || ''
      });
    });
    Object.keys(state.foreign).sort().forEach(function (fp) { if (!byFp[fp]) { entries.push(state.foreign[fp]); } });
    return JSON.stringify({ version: 1, entries: entries }, null, 2) + '\n';
  }
  $('export-decisions').addEventListener('click', function () {
    if (!state.reviewer) { status(T('请先填写审核人。', 'Enter the reviewer first.')); reviewer.focus(); return; }
    download('govstats-decisions.json', decisionsJson());
  });

  // A decisions file of another reviewer: fills undecided findings, joins comments of equal decisions, keeps yours on conflicts.
  function merge(doc) {
    if (!doc || !Array.isArray(doc.entries)) { throw new Error(T('缺少 entries 数组', 'no "entries" array')); }
    var added = 0, joined = 0, conflicts = 0, other = 0;
    doc.entries.forEach(function (e) {
      if (!e || typeof e.fingerprint !== 'string') { return; }
      var token = TOKENS.indexOf(e.decision) >= 0 ? e.decision : 'accepted';
      var theirs = { decision: token, comment: e.comment || e.reason || '', by: e.acceptedBy || '' };
      if (!byFp[e.fingerprint]) { state.foreign[e.fingerprint] = e; other++; return; }
      var mine = state.decisions[e.fingerprint];
      if (!mine || !mine.decision) {
        theirs.comment = mine && mine.comment ? mine.comment + (theirs.comment ? ' | ' + theirs.comment : '') : theirs.comment;
        state.decisions[e.fingerprint] = theirs; added++;
      } else if (mine.decision === token) {
        if (theirs.comment && (mine.comment || '').indexOf(theirs.comment) < 0) { mine.comment = mine.comment ? mine.comment + ' | ' + theirs.comment : theirs.comment; }
        if (theirs.by && (mine.by || '').split(', ').indexOf(theirs.by) < 0) { mine.by = mine.by ? mine.by + ', ' + theirs.by : theirs.by; }
        joined++;
      } else {
        mine.conflict = T('另一审核人 ', 'other reviewer ') + (theirs.by || '?') + ': ' + NAMES[token] + (theirs.comment ? ' — ' + theirs.comment : '');
        conflicts++;
      }
    });
    save();
    findings.forEach(show);
    filter();
    counts();
    status(document.getElementById('review-status').textContent + ' · ' + T('合并：新增 ', 'merged: added ') + added + T('，相同 ', ', same ') + joined +
      T('，冲突 ', ', conflicts ') + conflicts + T('（保留你的决定）', ' (yours kept)') + T('，其他报告 ', ', other reports ') + other);
  }
  var load = $('load-decisions');
  load.addEventListener('change', function () {
    var file = load.files && load.files[0];
    if (!file) { return; }
    var reader = new FileReader();
    reader.onload = function () {
      try { merge(JSON.parse(String(reader.result))); } catch (e) { status(T('无法读取决定文件：', 'Cannot read the decisions file: ') + e.message); }
      load.value = '';
    };
    reader.readAsText(file);
  });

  // Corrections of table cells.
  var dialog = $('correct-dialog'), cellSelect = $('correct-cell'), valueInput = $('correct-value'), reasonInput = $('correct-reason');
  var current = null;
  function cellOf(section, id) {
    var cells = section ? section.querySelectorAll('td.cell[data-cell]') : [];
    for (var i = 0; i < cells.length; i++) { if (cells[i].getAttribute('data-cell') === id) { return cells[i]; } }
    return null;
  }
  function published(td) { return td.hasAttribute('data-published') ? td.getAttribute('data-published') : (td.getAttribute('data-printed') || ''); }
  function keyOf(section, id) { return section.getAttribute('data-source') + '#' + id; }
  function markPending() {
    document.querySelectorAll('td.cell-pending').forEach(function (td) { td.classList.remove('cell-pending'); td.removeAttribute('data-pending'); });
    Object.keys(state.corrections).forEach(function (k) {
      var c = state.corrections[k];
      document.querySelectorAll('section.report').forEach(function (section) {
        if (section.getAttribute('data-source') !== c.source) { return; }
        var td = cellOf(section, c.cell);
        if (td) { td.classList.add('cell-pending'); td.setAttribute('data-pending', c.value === null ? T('（空）', '(blank)') : String(c.value)); }
      });
    });
  }
  function fill(proposed) {
    var id = cellSelect.value, td = cellOf(current.section, id), c = state.corrections[keyOf(current.section, id)];
    $('correct-published').textContent = published(td) || T('（空）', '(blank)');
    valueInput.value = c ? (c.value === null ? '' : String(c.value)) : (proposed || '');
    reasonInput.value = c ? c.reason : '';
    $('correct-error').textContent = '';
  }
  function openCorrection(section, ids, proposed) {
    if (!section) { return; }
    cellSelect.innerHTML = '';
    ids.forEach(function (id) {
      var td = cellOf(section, id);
      if (!td) { return; }
      var o = document.createElement('option');
      o.value = id;
      o.textContent = (td.getAttribute('data-label') || id) + ' · ' + id;
      cellSelect.appendChild(o);
    });
    if (!cellSelect.options.length) { status(T('这里没有可更正的单元格。', 'No cell to correct here.')); return; }
    current = { section: section };
    dialog.querySelector('.correct-report').textContent = section.getAttribute('data-agency') + ' ' + section.getAttribute('data-year') + ' · ' + section.getAttribute('data-source');
    fill(proposed);
    if (typeof dialog.showModal === 'function') { dialog.showModal(); } else { dialog.setAttribute('open', ''); }
    valueInput.focus();
  }
  function closeDialog() { if (typeof dialog.close === 'function') { dialog.close(); } else { dialog.removeAttribute('open'); } current = null; }
  cellSelect.addEventListener('change', function () { fill(''); });
  $('correct-cancel').addEventListener('click', closeDialog);
  $('correct-remove').addEventListener('click', function () {
    if (current) { delete state.corrections[keyOf(current.section, cellSelect.value)]; save(); markPending(); counts(); }
    closeDialog();
  });
  $('correct-save').addEventListener('click', function () {
    var text = valueInput.value.trim().replace(/[,，]/g, '');
    var error = $('correct-error');
    if (text !== '' && !/^-?\d+(\.\d+)?$/.test(text)) { error.textContent = T('请输入数字（留空表示空白）。', 'Enter a number (empty for blank).'); return; }
    if (!reasonInput.value.trim()) { error.textContent = T('请填写理由。', 'Give a reason.'); return; }
    if (!state.reviewer) { error.textContent = T('请先在页面顶部填写审核人。', 'Enter the reviewer at the top of the page first.'); return; }
    var section = current.section, id = cellSelect.value, td = cellOf(section, id);
    state.corrections[keyOf(section, id)] = {
      source: section.getAttribute('data-source'), agency: section.getAttribute('data-agency'), year: parseInt(section.getAttribute('data-year'), 10),
      sha256: section.getAttribute('data-sha256') || null, cell: id, label: td.getAttribute('data-label') || id, published: published(td),
      value: text === '' ? null : Number(text), reason: reasonInput.value.trim(), by: state.reviewer
    };
    save();
    markPending();
    counts();
    closeDialog();
  });
  document.querySelectorAll('section.report td.cell[data-cell]').forEach(function (td) {
    td.addEventListener('dblclick', function () { openCorrection(td.closest('section.report'), [td.getAttribute('data-cell')], ''); });
  });
  function correctionsJson() {
    var list = Object.keys(state.corrections).sort().map(function (k) { return state.corrections[k]; });
    return JSON.stringify({ version: 1, corrections: list }, null, 2) + '\n';
  }
  $('export-corrections').addEventListener('click', function () {
    if (!Object.keys(state.corrections).length) { status(T('还没有更正。', 'No corrections yet.')); return; }
    download('govstats-corrections.json', correctionsJson());
  });

  markPending();
  counts();
  filter();
})();
