// Auditor: the district's full audit trail from the four services' staff audit views
// (GET /api/<service>/districts/{d}/audit/entries, the kit's AuditViewController; the auditor also sees restricted
// entries), merged newest first, with filters; and each service's event-chain check (POST /api/<service>/audit/verify).
// Read-only: nothing here changes data. (The gateway's timeline composes only the public entries, so the page
// merges the staff views itself.)
(function () {
  'use strict';

  const Dop = window.Dop;
  const Staff = window.Staff;
  const el = Dop.el;

  const SERVICES = [
    { key: 'vision', label: 'Vision and plans' },
    { key: 'pilots', label: 'Pilots' },
    { key: 'pd', label: 'Professional learning' },
    { key: 'partnerships', label: 'Partnerships' }
  ];
  const PAGE_SIZE = 100;

  function label(key) {
    const service = SERVICES.find(function (s) { return s.key === key; });
    return service ? service.label : key;
  }

  function filtersForm(onChange) {
    const node = el('form', 'filters');
    node.setAttribute('aria-label', 'Filter the audit trail');
    node.append(
        Staff.field('f-service', 'Service', Staff.select('service', [['', 'All services']].concat(
            SERVICES.map(function (s) { return [s.key, s.label]; })), '')),
        Staff.field('f-type', 'Event type', Staff.input('eventType', 'text', { maxlength: '200', placeholder: 'e.g. VisionAdopted' })),
        Staff.field('f-from', 'From (day)', Staff.input('from', 'date')),
        Staff.field('f-to', 'To (day, inclusive)', Staff.input('to', 'date')));
    const apply = el('button', 'button', 'Show entries');
    apply.type = 'submit';
    const actions = el('div', 'actions');
    actions.appendChild(apply);
    node.appendChild(actions);
    node.addEventListener('submit', function (event) {
      event.preventDefault();
      onChange();
    });
    return node;
  }

  function query(node) {
    const f = node.elements;
    const params = new URLSearchParams({ page: '0', size: String(PAGE_SIZE) });
    if (f.eventType.value.trim()) {
      params.set('eventType', f.eventType.value.trim());
    }
    if (f.from.value) {
      params.set('from', f.from.value + 'T00:00:00Z');
    }
    if (f.to.value) {
      const next = new Date(f.to.value + 'T00:00:00Z');
      next.setUTCDate(next.getUTCDate() + 1);
      params.set('to', next.toISOString());
    }
    return params;
  }

  /** Every chosen service's entries; a service that fails is named, the others still show. */
  function loadEntries(district, node) {
    const chosen = node.elements.service.value;
    const params = query(node);
    const services = SERVICES.filter(function (s) { return !chosen || s.key === chosen; });
    return Promise.all(services.map(function (service) {
      return Staff.api('GET', '/api/' + service.key + '/districts/' + encodeURIComponent(district) + '/audit/entries?' + params)
          .then(function (result) { return { service: service, result: result }; })
          .catch(function () { return { service: service, result: { ok: false, status: 0 } }; });
    }));
  }

  function render(answers) {
    const wrap = el('div');
    const failed = answers.filter(function (a) { return !a.result.ok; });
    if (failed.length === answers.length) {
      throw new Error('no service answered');
    }
    if (failed.length) {
      wrap.appendChild(el('p', 'inline-error', 'Temporarily unavailable: entries of '
          + failed.map(function (a) { return a.service.label; }).join(', ') + '.'));
    }
    const entries = [];
    const counts = [];
    answers.filter(function (a) { return a.result.ok; }).forEach(function (a) {
      const page = a.result.body || {};
      (page.entries || []).forEach(function (entry) { entries.push({ key: a.service.key, entry: entry }); });
      counts.push(a.service.label + ': ' + (page.entries || []).length + ' of ' + (page.total || 0));
    });
    entries.sort(function (x, y) {
      return String(y.entry.at).localeCompare(String(x.entry.at)) || (y.entry.position - x.entry.position);
    });
    wrap.appendChild(el('p', 'meta', 'Entries shown (newest first, up to ' + PAGE_SIZE + ' a service): ' + counts.join(' \u00b7 ')));
    if (!entries.length) {
      wrap.appendChild(Dop.emptyState('No entries', 'No audit entries match these filters.'));
      return wrap;
    }
    const scroll = el('div', 'table-scroll');
    scroll.setAttribute('tabindex', '0');
    scroll.setAttribute('role', 'region');
    scroll.setAttribute('aria-label', 'Audit entries');
    const table = el('table', 'audit-table');
    table.id = 'audit-entries';
    table.appendChild(el('caption', 'visually-hidden', 'Audit entries of the district, newest first'));
    const head = el('thead');
    const headRow = el('tr');
    ['When', 'Service', 'Event', 'What happened', 'Who', 'Record'].forEach(function (title) {
      const th = el('th', null, title);
      th.scope = 'col';
      headRow.appendChild(th);
    });
    head.appendChild(headRow);
    const tbody = el('tbody');
    entries.forEach(function (item) {
      const e = item.entry;
      const row = el('tr');
      row.setAttribute('data-service', item.key);
      row.setAttribute('data-event-type', e.eventType);
      const when = el('td');
      const time = el('time', null, new Date(e.at).toLocaleString());
      time.dateTime = e.at;
      when.appendChild(time);
      row.append(when, el('td', null, label(item.key)),
          el('td', null, e.eventType + (e.restricted ? ' (restricted)' : '')),
          el('td', null, e.summary || ''),
          el('td', null, (e.actorId || '') + (e.actorRole ? ' (' + e.actorRole + ')' : '')),
          el('td', null, (e.aggregateType || '') + ' ' + (e.aggregateId || '') + (e.sequence != null ? ' #' + e.sequence : '')));
      tbody.appendChild(row);
    });
    table.append(head, tbody);
    scroll.appendChild(table);
    wrap.appendChild(scroll);
    return wrap;
  }

  function verifySection() {
    const card = el('section', 'card');
    card.setAttribute('aria-labelledby', 'verify-heading');
    const heading = el('h2', 'row-title', 'Verify the event chains');
    heading.id = 'verify-heading';
    card.appendChild(heading);
    card.appendChild(el('p', 'meta', 'Each service recomputes the hash chain over its stored events and compares it with '
        + 'its published checkpoints. A break names the first event that does not fit.'));
    const button = el('button', 'button', 'Verify the chains');
    button.type = 'button';
    button.id = 'verify';
    const results = el('ul', 'rows');
    results.id = 'verify-results';
    results.setAttribute('aria-live', 'polite');
    button.addEventListener('click', function () {
      button.disabled = true;
      results.replaceChildren();
      Promise.all(SERVICES.map(function (service) {
        const item = el('li', null, label(service.key) + ': checking\u2026');
        item.setAttribute('data-service', service.key);
        results.appendChild(item);
        return Staff.api('POST', '/api/' + service.key + '/audit/verify')
            .catch(function () { return { ok: false, status: 0, body: null }; })
            .then(function (result) {
              const report = result.body || {};
              let text;
              if (!result.ok) {
                item.setAttribute('data-result', 'unavailable');
                text = 'could not check (' + (result.status === 403 ? 'your role may not verify'
                    : (report.detail || 'HTTP ' + result.status)) + ')';
              } else if (report.clean) {
                item.setAttribute('data-result', 'intact');
                text = 'intact \u2014 ' + report.eventsChecked + ' events and ' + report.checkpointsChecked
                    + ' checkpoints checked in ' + report.elapsedMillis + ' ms';
              } else {
                const cut = report.firstBreak || {};
                item.setAttribute('data-result', 'broken');
                text = 'BROKEN at chain position ' + cut.chainSeq + ' (event ' + cut.eventIdentifier + '): '
                    + Dop.humanize(cut.reason) + (cut.detail ? ', ' + cut.detail : '');
              }
              item.textContent = label(service.key) + ': ' + text;
            });
      })).finally(function () {
        button.disabled = false;
      });
    });
    card.append(button, results);
    return card;
  }

  Staff.page(['auditor', 'superintendent'], function (user, district) {
    const body = document.getElementById('page-body');
    const entries = el('div', 'block');
    entries.id = 'audit-body';
    entries.setAttribute('aria-live', 'polite');
    const filters = filtersForm(function () { show(); });
    const trail = el('section', 'card');
    trail.setAttribute('aria-labelledby', 'trail-heading');
    const heading = el('h2', 'row-title', 'Audit trail');
    heading.id = 'trail-heading';
    trail.append(heading, filters, entries);
    body.replaceChildren(verifySection(), trail);

    function show() {
      Dop.block(entries, 'audit trail', function () {
        return loadEntries(district, filters);
      }, render);
    }
    show();
  });
})();
