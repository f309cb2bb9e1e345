// The district dashboard's blocks from pd-service, partnership-service and every service's audit trail. Each block
// loads on its own with a timeout (Dop.block); a service that is down or slow shows "temporarily unavailable"
// in its block only. The vision, plan and proven-model blocks are drawn by district.js.
(function () {
  'use strict';

  const Dop = window.Dop;
  const el = Dop.el;
  const districtId = Dop.districtFromPath();
  const district = encodeURIComponent(districtId);

  // ------------------------------------------------------------ PD figures (pd-service)

  function figureTable(caption, rows, labelKey, labelHeading) {
    const wrap = el('div', 'table-scroll');
    const table = el('table', 'figures');
    table.appendChild(el('caption', null, caption));
    const head = el('tr');
    [labelHeading, 'Educators with a badge', 'PD hours'].forEach(function (text, i) {
      const th = el('th', i ? 'num' : null, text);
      th.scope = 'col';
      head.appendChild(th);
    });
    table.appendChild(el('thead')).appendChild(head);
    const body = el('tbody');
    rows.forEach(function (row) {
      const tr = el('tr');
      const th = el('th', null, labelKey === 'conditionName' ? Dop.humanize(row[labelKey]) : row[labelKey]);
      th.scope = 'row';
      tr.append(th, el('td', 'num', row.educators), el('td', 'num', row.pdHours == null ? '\u2013' : row.pdHours));
      body.appendChild(tr);
    });
    table.appendChild(body);
    wrap.appendChild(table);
    return wrap;
  }

  function renderPd(figures) {
    if (!figures) {
      return Dop.emptyState('No PD figures yet', 'Figures appear once the district awards its first badges.');
    }
    const card = el('div', 'card pd-figures');
    const headline = el('p', 'headline');
    headline.append(el('strong', 'big-number', figures.educatorsWithABadge), document.createTextNode(' educators hold at least one badge'));
    card.appendChild(headline);
    if (Array.isArray(figures.byCondition) && figures.byCondition.length) {
      card.appendChild(figureTable('By condition for scale', figures.byCondition, 'conditionName', 'Condition'));
    }
    if (Array.isArray(figures.byBadge) && figures.byBadge.length) {
      card.appendChild(figureTable('By badge', figures.byBadge, 'badge', 'Badge'));
    }
    if (Array.isArray(figures.bySchool) && figures.bySchool.length) {
      card.appendChild(figureTable('By school', figures.bySchool, 'school', 'School'));
    }
    if (figures.note) {
      card.appendChild(el('p', 'meta', figures.note));
    }
    return card;
  }

  // ------------------------------------------------------------ opportunities (partnership-service)

  const NEWEST = 4;

  // The board answers newest first, one page at a time, with the total in X-Total-Count.
  function renderOpportunities(page) {
    const list = page.items;
    const board = '/districts/' + district + '/opportunities';
    const more = el('p', 'more');
    const link = el('a', null, !list || !list.length ? 'The opportunity board'
        : page.total === 1 ? 'The opportunity board, with filters' : 'All ' + page.total + ' open opportunities, with filters');
    link.href = board;
    more.appendChild(link);
    if (!list || !list.length) {
      return [Dop.emptyState('No open opportunities right now', 'Partners\u2019 internships, mentorships and more appear here once the district approves them.'), more];
    }
    const newest = list.slice(0, NEWEST);
    const grid = el('div', 'opportunity-grid');
    newest.forEach(function (o) {
      grid.appendChild(Dop.opportunityCard(o, 'h3'));
    });
    return [grid, more];
  }

  // ------------------------------------------------------------ audit trail (every service)

  const SERVICES = [
    { api: 'vision', label: 'Vision and plans' },
    { api: 'pilots', label: 'Pilots' },
    { api: 'pd', label: 'Professional learning' },
    { api: 'partnerships', label: 'Partnerships' }
  ];

  // Public audit entries per district, where a service publishes them yet (404 until then).
  function loadAuditEntries() {
    return Promise.allSettled(SERVICES.map(function (s) {
      return Dop.getJson('/api/' + s.api + '/public/districts/' + district + '/audit', { allowNotFound: true })
          .then(function (entries) {
            return { service: s, entries: entries };
          });
    }));
  }

  function entryText(entry) {
    const what = entry.summary || entry.description || Dop.humanize(entry.eventType || entry.type || 'change');
    const who = entry.actorRole ? ' (' + Dop.humanize(entry.actorRole) + ')' : '';
    return what + who;
  }

  function renderAuditEntries(results) {
    const rows = [];
    let published = 0;
    let failed = 0;
    results.forEach(function (result) {
      if (result.status !== 'fulfilled') {
        failed++;
        return;
      }
      const entries = result.value.entries;
      if (entries === null) {
        return;
      }
      published++;
      const list = Array.isArray(entries) ? entries : (entries.entries || entries.items || []);
      list.forEach(function (entry) {
        rows.push({ service: result.value.service.label, entry: entry,
          at: entry.at || entry.occurredAt || entry.timestamp || '' });
      });
    });
    if (failed === results.length) {
      throw new Error('no service answered');
    }
    if (!published) {
      return Dop.emptyState('Not yet available', 'The services do not publish their audit entries per district yet. The event-chain checkpoints below already let anyone check that no recorded decision was changed.');
    }
    rows.sort(function (a, b) { return String(b.at).localeCompare(String(a.at)); });
    const list = el('ol', 'audit-entries');
    rows.slice(0, 10).forEach(function (row) {
      const item = el('li');
      const when = el('time', null, Dop.formatDate(row.at));
      when.dateTime = String(row.at);
      item.append(when, document.createTextNode(' \u00b7 ' + row.service + ': ' + entryText(row.entry)));
      list.appendChild(item);
    });
    if (!list.children.length) {
      return Dop.emptyState('No audit entries yet', 'Decisions recorded by the district appear here.');
    }
    return list;
  }

  function loadCheckpoints() {
    return Promise.allSettled(SERVICES.map(function (s) {
      return Dop.getJson('/api/' + s.api + '/public/audit/checkpoints');
    }));
  }

  function renderCheckpoints(results) {
    const wrap = el('div', 'table-scroll');
    const table = el('table', 'figures checkpoints');
    table.appendChild(el('caption', null, 'Latest event-chain checkpoint of each service'));
    const head = el('tr');
    ['Service', 'Events in the chain', 'SHA-256 (start)', 'Taken'].forEach(function (text, i) {
      const th = el('th', i === 1 ? 'num' : null, text);
      th.scope = 'col';
      head.appendChild(th);
    });
    table.appendChild(el('thead')).appendChild(head);
    const body = el('tbody');
    results.forEach(function (result, i) {
      const tr = el('tr');
      const th = el('th', null, SERVICES[i].label);
      th.scope = 'row';
      tr.appendChild(th);
      if (result.status !== 'fulfilled') {
        const td = el('td', 'unavailable', 'Temporarily unavailable');
        td.colSpan = 3;
        tr.appendChild(td);
      } else {
        const latest = (result.value || [])[0];
        const csv = el('a', null, latest ? String(latest.chainSeq) : 'none yet');
        csv.href = '/api/' + SERVICES[i].api + '/public/audit/checkpoints.csv';
        csv.setAttribute('aria-label', SERVICES[i].label + ': all checkpoints (CSV)');
        const seq = el('td', 'num');
        seq.appendChild(csv);
        tr.append(seq, el('td', 'hash', latest ? String(latest.hash).slice(0, 16) + '\u2026' : '\u2013'),
            el('td', null, latest ? Dop.formatDate(latest.takenAt) : '\u2013'));
      }
      body.appendChild(tr);
    });
    table.appendChild(body);
    wrap.appendChild(table);
    return wrap;
  }

  // ------------------------------------------------------------ start

  Dop.block(document.getElementById('pd-body'), 'professional learning figures',
      function () { return Dop.getJson('/api/pd/public/districts/' + district + '/pd-figures', { allowNotFound: true }); },
      renderPd);
  Dop.block(document.getElementById('opportunities-body'), 'open opportunities',
      function () { return Dop.getPage('/api/partnerships/public/districts/' + district + '/opportunities?size=' + NEWEST); },
      renderOpportunities);
  Dop.block(document.getElementById('audit-body'), 'latest audit entries', loadAuditEntries, renderAuditEntries);
  Dop.block(document.getElementById('checkpoints-body'), 'event-chain checkpoints', loadCheckpoints, renderCheckpoints);
})();
