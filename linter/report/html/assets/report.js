// goescape's HTML report: filters, search, pagination and a source view built per file when opened.
// Everything shown comes from the JSON in #goescape-data and is inserted as text, never as markup.
(function () {
  'use strict';
  var holder = document.getElementById('goescape-data');
  if (!holder) { return; }
  var data = JSON.parse(holder.textContent);
  var F = data.findings, files = data.files, packages = data.packages, rules = data.rules;
  var PAGE = 100;
  document.body.classList.remove('nojs');
  document.body.classList.add('js');

  function el(tag, props, children) {
    var node = document.createElement(tag);
    if (props) {
      Object.keys(props).forEach(function (key) {
        if (key === 'className' || key === 'id' || key === 'title' || key === 'textContent') { node[key] = props[key]; }
        else { node.setAttribute(key, props[key]); }
      });
    }
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === '') { return; }
      node.appendChild(typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child)) : child);
    });
    return node;
  }
  function lineId(fi, line) { return 'L-' + fi + '-' + line; }
  function percent(share) { return (share * 100).toFixed(share >= 0.001 ? 1 : 2) + '%'; }

  // -- which findings are shown ------------------------------------------------------------------
  var state = { rule: '', severity: '', pkg: '', q: '', page: 0 };
  var shown = new Uint8Array(F.length);
  var matched = [];
  var hay = null;

  function lineText(f) {
    var hunks = files[f.f].h;
    for (var i = 0; i < hunks.length; i++) {
      var start = hunks[i][0], lines = hunks[i][1];
      if (f.l >= start && f.l < start + lines.length) { return lines[f.l - start]; }
    }
    return '';
  }
  function haystack(i) {
    if (hay === null) {
      hay = F.map(function (f) {
        return [f.r, (rules[f.r] || {}).n || '', f.s, f.m, files[f.f].p + ':' + f.l, f.fn || '', lineText(f)]
          .join('\n').toLowerCase();
      });
    }
    return hay[i];
  }
  function filter() {
    var pkg = state.pkg === '' ? -1 : Number(state.pkg);
    var words = state.q.toLowerCase().split(/\s+/).filter(Boolean);
    matched = [];
    for (var i = 0; i < F.length; i++) {
      var f = F[i];
      var ok = (!state.rule || f.r === state.rule) && (!state.severity || f.s === state.severity)
        && (pkg < 0 || files[f.f].k === pkg);
      if (ok && words.length) {
        var text = haystack(i);
        ok = words.every(function (w) { return text.indexOf(w) >= 0; });
      }
      shown[i] = ok ? 1 : 0;
      if (ok) { matched.push(i); }
    }
    var count = document.getElementById('f-count');
    count.textContent = matched.length === F.length ? F.length + ' findings'
      : 'Showing ' + matched.length + ' of ' + F.length + ' findings';
  }

  // -- cost and profile, as the server renders them ---------------------------------------------
  function costBadges(cost) {
    var out = [];
    if (!cost) { return out; }
    var alloc = String(cost.allocates || 'unknown');
    out.push(el('span', { className: 'badge alloc-' + alloc },
      ['allocates ' + alloc + (typeof cost.bytes === 'number' ? ' (' + cost.bytes + ' B)' : '')]));
    if (cost.frequency) {
      var deep = cost.frequency === 'loop' && cost.loop_depth > 1 ? ' ×' + cost.loop_depth : '';
      out.push(' ', el('span', { className: 'badge freq-' + cost.frequency }, [cost.frequency + deep]));
    }
    return out;
  }
  function costScore(cost) {
    if (!cost) { return ''; }
    if (typeof cost.rank === 'number') { return String(Math.trunc(cost.rank)); }
    return typeof cost.estimate === 'number' ? String(Number(cost.estimate.toPrecision(3))) : '';
  }
  function share(prof) { return prof && typeof prof.share === 'number' ? percent(prof.share) : ''; }

  // -- the findings table --------------------------------------------------------------------------
  var tbody = document.querySelector('#findings-table tbody');
  function row(i) {
    var f = F[i], file = files[f.f], cells = [el('td', { className: 'num' }, [i + 1])];
    if (data.cost) { cells.push(el('td', { className: 'num' }, [costScore(f.cost), el('br')].concat(costBadges(f.cost)))); }
    if (data.profile) { cells.push(el('td', { className: 'num' }, [share(f.prof)])); }
    cells.push(el('td', { className: 'loc' }, [el('a', { href: '#' + lineId(f.f, f.l) }, [file.p + ':' + f.l + ':' + f.c])]));
    cells.push(el('td', null, [el('a', { className: 'code', href: '#rule-' + f.r }, [f.r]), ' ',
      el('span', { className: 'sev' }, [f.s])]));
    cells.push(el('td', null, [el('span', { className: 'msg' }, [f.m]),
      f.fn ? el('div', { className: 'fn' }, ['in ', el('code', null, [f.fn])]) : null,
      f.sup !== undefined ? el('div', { className: 'sup' }, ['suppressed: ' + f.sup]) : null]));
    return el('tr', { className: 'sev-' + f.s }, cells);
  }
  function renderTable() {
    var pages = Math.max(1, Math.ceil(matched.length / PAGE));
    state.page = Math.min(state.page, pages - 1);
    var first = state.page * PAGE, rows = document.createDocumentFragment();
    matched.slice(first, first + PAGE).forEach(function (i) { rows.appendChild(row(i)); });
    tbody.replaceChildren(rows);
    var pager = document.getElementById('pager');
    pager.hidden = pages < 2;
    document.getElementById('p-where').textContent = matched.length
      ? (first + 1) + '–' + Math.min(first + PAGE, matched.length) + ' of ' + matched.length : 'no findings match';
    document.getElementById('p-prev').disabled = state.page === 0;
    document.getElementById('p-next').disabled = state.page >= pages - 1;
  }

  // -- the source view: a package's files and a file's lines are built when first opened ------------
  var byFile = files.map(function () { return []; });
  F.forEach(function (f, i) { byFile[f.f].push(i); });
  var byPackage = packages.map(function () { return []; });
  files.forEach(function (file, fi) { byPackage[file.k].push(fi); });
  var packageEls = [], fileEls = [];

  function annotation(i) {
    var f = F[i], parts = [el('div', { className: 'head' }, [
      el('a', { className: 'code', href: '#rule-' + f.r }, [f.r]), ' ', el('span', { className: 'sev' }, [f.s]), ' ',
      el('span', { className: 'msg' }, [f.m])])];
    var meta = [];
    if (f.fn) { meta.push(['in ', el('code', null, [f.fn])]); }
    if (f.cost) { meta.push(costBadges(f.cost)); }
    if (share(f.prof)) { meta.push([el('span', { className: 'badge prof' }, [share(f.prof) + ' of profile'])]); }
    if (meta.length) {
      var line = [];
      meta.forEach(function (m, n) { if (n) { line.push(' · '); } line = line.concat(m); });
      parts.push(el('div', { className: 'meta' }, line));
    }
    if (f.cost && Array.isArray(f.cost.reasons) && f.cost.reasons.length) {
      parts.push(el('ul', { className: 'reasons' }, f.cost.reasons.map(function (r) { return el('li', null, [String(r)]); })));
    }
    if (f.rel) {
      parts.push(el('ul', { className: 'rel' }, f.rel.map(function (r) {
        if (r.p === undefined) {
          return el('li', null, [el('a', { href: '#' + lineId(f.f, r.l) }, ['line ' + r.l]), ': ' + r.m]);
        }
        return el('li', null, [r.p + ':' + r.l + ': ' + r.m, el('pre', { className: 'quote' }, [el('code', null, [r.t])])]);
      })));
    }
    if (f.x) {
      parts.push(el('div', { className: 'why' }, f.x.map(function (x) { return el('div', { className: 'd' + x[0] }, [x[1]]); })));
    }
    if (f.sup !== undefined) { parts.push(el('div', { className: 'sup' }, ['suppressed: ' + f.sup])); }
    return el('div', { className: 'ann sev-' + f.s }, parts);
  }
  // The line with each finding's range marked (code-point columns, end exclusive); overlapping
  // findings share one mark.
  function marked(text, hits) {
    var points = Array.from(text), ranges = [], merged = [], out = [], done = 0;
    hits.forEach(function (i) {
      var f = F[i], start = Math.min(Math.max(f.c - 1, 0), points.length);
      var end = f.el === f.l ? f.ec - 1 : points.length;
      ranges.push([start, Math.max(Math.min(end, points.length), start)]);
    });
    ranges.sort(function (a, b) { return a[0] - b[0] || a[1] - b[1]; });
    ranges.forEach(function (r) {
      var last = merged[merged.length - 1];
      if (last && r[0] < last[1]) { last[1] = Math.max(last[1], r[1]); } else { merged.push(r.slice()); }
    });
    merged.forEach(function (r) {
      if (r[1] <= r[0]) { return; }
      out.push(points.slice(done, r[0]).join(''), el('mark', null, [points.slice(r[0], r[1]).join('')]));
      done = r[1];
    });
    out.push(points.slice(done).join(''));
    return out;
  }
  function fileBody(fi) {
    var file = files[fi], here = byFile[fi].filter(function (i) { return shown[i]; });
    var onLine = {}, related = {}, out = document.createDocumentFragment();
    here.forEach(function (i) {
      var f = F[i];
      (onLine[f.l] = onLine[f.l] || []).push(i);
      (f.rel || []).forEach(function (r) { if (r.p === undefined) { (related[r.l] = related[r.l] || []).push(r.m); } });
    });
    if (file.e) {
      out.appendChild(el('p', { className: 'error' }, [file.e]));
      here.forEach(function (i) { out.appendChild(annotation(i)); });
    }
    file.h.forEach(function (hunk) {
      var start = hunk[0], lines = hunk[1], end = start + lines.length - 1;
      if (!here.some(function (i) { return F[i].l >= start && F[i].l <= end; })) { return; }
      var box = el('div', { className: 'hunk' });
      lines.forEach(function (text, n) {
        var number = start + n, hits = onLine[number] || [], id = lineId(fi, number);
        var cls = 'ln' + (hits.length ? ' hit sev-' + F[hits[0]].s : related[number] ? ' rel' : '');
        var props = { className: cls, id: id };
        if (related[number]) { props.title = related[number].join('; '); }
        box.appendChild(el('div', props, [el('a', { className: 'n', href: '#' + id }, [number]),
          el('code', null, hits.length ? marked(text, hits) : [text])]));
        hits.forEach(function (i) { box.appendChild(annotation(i)); });
      });
      out.appendChild(box);
    });
    return out;
  }
  function countOf(list) { var n = 0; list.forEach(function (i) { n += shown[i]; }); return n; }
  function fileEl(fi) {
    var details = el('details', { className: 'file', id: 'file-' + fi });
    var count = el('span', { className: 'count' });
    details.appendChild(el('summary', null, [el('span', { className: 'path' }, [files[fi].p]), ' ', count]));
    var body = el('div', { className: 'src' });
    details.appendChild(body);
    details.addEventListener('toggle', function () { if (details.open && !body.firstChild) { body.appendChild(fileBody(fi)); } });
    fileEls[fi] = { details: details, count: count, body: body };
    return details;
  }
  function packageEl(k) {
    var details = el('details', { className: 'pkg' });
    var count = el('span', { className: 'count' });
    details.appendChild(el('summary', null, [el('span', { className: 'path' }, [packages[k]]), ' ', count]));
    var list = el('div', { className: 'files' });
    details.appendChild(list);
    details.addEventListener('toggle', function () {
      if (details.open && !list.firstChild) {
        byPackage[k].forEach(function (fi) { list.appendChild(fileEl(fi)); });
        updatePackage(k);
      }
    });
    packageEls[k] = { details: details, count: count, list: list };
    return details;
  }
  function plural(n) { return n + (n === 1 ? ' finding' : ' findings'); }
  function updatePackage(k) {
    var total = 0;
    byPackage[k].forEach(function (fi) {
      var n = countOf(byFile[fi]);
      total += n;
      var f = fileEls[fi];
      if (!f) { return; }
      f.details.hidden = n === 0;
      f.count.textContent = plural(n);
      if (f.details.open) { f.body.replaceChildren(fileBody(fi)); } else { f.body.replaceChildren(); }
    });
    var p = packageEls[k];
    p.details.hidden = total === 0;
    p.count.textContent = plural(total);
  }
  function renderFiles() {
    var list = document.getElementById('file-list'), all = document.createDocumentFragment();
    packages.forEach(function (name, k) { all.appendChild(packageEl(k)); });
    list.appendChild(all);
  }
  function updateFiles() { packages.forEach(function (name, k) { updatePackage(k); }); }

  function reveal(hash) {
    var found = /^#L-(\d+)-(\d+)$/.exec(hash);
    if (!found || !files[Number(found[1])]) { return false; }
    var fi = Number(found[1]), pkg = packageEls[files[fi].k];
    if (!pkg.details.open) { pkg.details.open = true; pkg.details.dispatchEvent(new Event('toggle')); }
    var file = fileEls[fi];
    if (!file.details.open) { file.details.open = true; file.details.dispatchEvent(new Event('toggle')); }
    var target = document.getElementById(hash.slice(1));
    if (!target) { return false; }
    document.querySelectorAll('.ln.target').forEach(function (n) { n.classList.remove('target'); });
    target.classList.add('target');
    target.scrollIntoView({ block: 'center' });
    return true;
  }

  // -- controls --------------------------------------------------------------------------------
  function options(id, values) {
    var select = document.getElementById(id);
    values.forEach(function (v) { select.appendChild(el('option', { value: v[0] }, [v[1]])); });
    return select;
  }
  var used = {};
  F.forEach(function (f) { used[f.r] = (used[f.r] || 0) + 1; });
  options('f-rule', Object.keys(used).sort().map(function (c) { return [c, c + ' ' + ((rules[c] || {}).n || '') + ' (' + used[c] + ')']; }));
  var levels = ['error', 'warning', 'note'].filter(function (s) { return F.some(function (f) { return f.s === s; }); });
  options('f-severity', levels.map(function (s) { return [s, s]; }));
  options('f-package', packages.map(function (p, k) { return [String(k), p]; }));
  var form = document.getElementById('controls');
  form.hidden = false;
  form.addEventListener('submit', function (event) { event.preventDefault(); });
  var timer = 0;
  function changed() {
    state.rule = document.getElementById('f-rule').value;
    state.severity = document.getElementById('f-severity').value;
    state.pkg = document.getElementById('f-package').value;
    state.q = document.getElementById('f-search').value.trim();
    state.page = 0;
    filter();
    renderTable();
    updateFiles();
  }
  ['f-rule', 'f-severity', 'f-package'].forEach(function (id) { document.getElementById(id).addEventListener('change', changed); });
  document.getElementById('f-search').addEventListener('input', function () { clearTimeout(timer); timer = setTimeout(changed, 120); });
  document.getElementById('p-prev').addEventListener('click', function () { state.page -= 1; renderTable(); });
  document.getElementById('p-next').addEventListener('click', function () { state.page += 1; renderTable(); });
  document.addEventListener('keydown', function (event) {
    if (event.key === '/' && document.activeElement.tagName !== 'INPUT') { event.preventDefault(); document.getElementById('f-search').focus(); }
  });
  document.addEventListener('click', function (event) {
    var link = event.target.closest ? event.target.closest('a[href^="#L-"]') : null;
    if (link && link.getAttribute('href') === location.hash) { reveal(location.hash); }
  });
  window.addEventListener('hashchange', function () { reveal(location.hash); });

  filter();
  renderTable();
  renderFiles();
  updateFiles();
  if (location.hash) { reveal(location.hash); }
  document.body.setAttribute('data-ready', '1');
})();
