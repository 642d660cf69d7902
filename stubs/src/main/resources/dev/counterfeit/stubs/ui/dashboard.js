// The dashboard: reads only the fake's public control endpoints, so it shows whatever store the fake runs on.
'use strict';
(function () {
  const base = '/__counterfeit/';
  const open = new Set();
  let apis = [];

  function el(tag, attrs, ...children) {
    const node = document.createElement(tag);
    Object.entries(attrs || {}).forEach(([k, v]) => {
      if (k === 'class') node.className = v; else if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
      else node.setAttribute(k, v);
    });
    children.flat().forEach(c => node.append(c instanceof Node ? c : document.createTextNode(String(c ?? ''))));
    return node;
  }

  async function getJson(path) {
    const response = await fetch(base + path, { headers: { Accept: 'application/json' } });
    if (!response.ok) throw new Error(path + ' answered ' + response.status);
    return response.json();
  }

  function say(text) {
    document.getElementById('status').textContent = text;
  }

  async function reset(api) {
    const response = await fetch(base + 'reset' + (api ? '?api=' + encodeURIComponent(api) : ''), { method: 'POST' });
    say(response.ok ? (api ? api + ' is back to its seed.' : 'Every API is back to its seed.') : 'Reset failed: ' + response.status);
    await refresh();
  }

  function label(record) {
    for (const key of ['name', 'title', 'number', 'invoiceNumber', 'email', 'code']) {
      if (record && typeof record[key] !== 'undefined' && record[key] !== null) return String(record[key]);
    }
    return '';
  }

  function credentialsTable(api) {
    const rows = api.credentials.map(c => el('tr', {},
      el('td', {}, c.tenant), el('td', {}, c.scheme),
      el('td', {}, el('code', {}, c.header ? c.header + ': ' + c.value : c.token)),
      el('td', {}, c.grants ? c.grants.join(', ') : 'all')));
    api.users.forEach(u => rows.push(el('tr', {}, el('td', {}, u.tenant), el('td', {}, 'login'),
      el('td', {}, el('code', {}, u.email + ' / ' + u.password)), el('td', {}, (u.grants || []).join(', ')))));
    return el('table', { class: 'credentials' },
      el('thead', {}, el('tr', {}, el('th', {}, 'company'), el('th', {}, 'scheme'), el('th', {}, 'send'), el('th', {}, 'grants'))),
      el('tbody', {}, rows));
  }

  function recordsOf(vendor, tenants) {
    const blocks = [];
    Object.entries(tenants || {}).forEach(([tenant, collections]) => {
      const rows = Object.entries(collections).map(([collection, records]) => {
        const list = Array.isArray(records) ? records : Object.values(records || {});
        const key = vendor + '/' + tenant + '/' + collection;
        const details = el('details', { 'data-key': key },
          // The newest first: what someone just created is what they look for.
          el('summary', {}, list.slice(-5).reverse().map(label).filter(Boolean).join(', ') + (list.length > 5 ? ', …' : '')),
          el('pre', {}, JSON.stringify(list, null, 2)));
        if (open.has(key)) details.open = true;
        details.addEventListener('toggle', () => details.open ? open.add(key) : open.delete(key));
        return el('tr', { 'data-collection': key },
          el('td', {}, collection), el('td', { class: 'count' }, list.length), el('td', {}, details));
      });
      blocks.push(el('h3', {}, 'Company ' + tenant));
      blocks.push(rows.length ? el('table', {}, el('thead', {}, el('tr', {}, el('th', {}, 'records'), el('th', {}, 'count'),
        el('th', {}, ''))), el('tbody', {}, rows)) : el('p', { class: 'hint' }, 'No records.'));
    });
    return blocks.length ? blocks : [el('p', { class: 'hint' }, 'Nothing stored.')];
  }

  function renderApis(state) {
    const section = document.getElementById('apis');
    section.replaceChildren(...apis.map(api => el('article', { class: 'api', id: 'api-' + api.vendor },
      el('h2', {}, api.title, el('small', {}, api.baseUrl),
        el('a', { href: api.docs }, 'docs'), el('a', { href: api.spec }, 'spec'),
        el('button', { type: 'button', class: 'reset', 'data-api': api.vendor, onclick: () => reset(api.vendor) }, 'Reset ' + api.vendor)),
      el('h3', {}, 'Demo credentials'), credentialsTable(api),
      ...recordsOf(api.vendor, state[api.vendor]))));
  }

  function renderRequests(log) {
    const body = document.querySelector('#requests tbody');
    if (!log.enabled) {
      body.replaceChildren(el('tr', {}, el('td', { colspan: 6 }, 'The request log is off (--request-log 0).')));
      return;
    }
    body.replaceChildren(...log.requests.map(r => el('tr', {},
      el('td', {}, new Date(r.time).toLocaleTimeString()), el('td', {}, r.vendor || ''), el('td', {}, r.method),
      el('td', {}, el('code', {}, r.path)),
      el('td', { class: 'status-' + String(r.status)[0] }, r.status === 0 ? 'reset' : r.status), el('td', {}, r.durationMs))));
  }

  function renderFaults(faults) {
    const body = document.querySelector('#faults tbody');
    body.replaceChildren(...(faults.rules.length ? faults.rules.map(f => el('tr', {},
      el('td', {}, f.id), el('td', {}, f.api || 'any'), el('td', {}, f.operationId || f.path || 'any'),
      el('td', {}, f.fault || ''), el('td', {}, f.delayMs != null ? f.delayMs + ' ms' : ''), el('td', {}, f.probability),
      el('td', {}, f.remaining ?? '∞'), el('td', {}, f.fired))) : [el('tr', {}, el('td', { colspan: 8, class: 'hint' }, 'None.'))]));
  }

  async function refresh() {
    try {
      if (!apis.length) apis = (await getJson('apis')).apis;
      const [state, log, faults] = await Promise.all([getJson('state'), getJson('requests'), getJson('faults')]);
      renderApis(state);
      renderRequests(log);
      renderFaults(faults);
      document.body.dataset.refreshed = String(Date.now());
    } catch (e) {
      say('Cannot reach the fake: ' + e.message);
    }
  }

  document.getElementById('reset-all').addEventListener('click', () => reset(null));
  document.getElementById('clear-faults').addEventListener('click', async () => {
    await fetch(base + 'faults', { method: 'DELETE' });
    await refresh();
  });
  refresh();
  setInterval(() => { if (document.getElementById('live').checked) refresh(); }, 1500);
})();
