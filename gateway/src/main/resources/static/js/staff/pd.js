// PD staff: award a badge to one educator, award in bulk from a CSV, approve or return applications.
(function () {
  'use strict';

  const Dop = window.Dop;
  const Staff = window.Staff;
  const el = Dop.el;

  function section(title, id) {
    const card = el('section', 'card');
    card.setAttribute('aria-labelledby', id);
    const heading = el('h2', null, title);
    heading.id = id;
    card.appendChild(heading);
    return card;
  }

  function badgeOptions(badges) {
    return (badges || []).filter(function (b) { return !b.retired; }).map(function (b) {
      const current = (b.versions || []).find(function (v) { return v.version === b.currentVersion; });
      return [b.badgeId, current && current.terms ? current.terms.name : b.badgeId];
    });
  }

  function awardForm(base, options) {
    const card = section('Award a badge', 'award-heading');
    const form = el('form', 'form');
    form.append(Staff.field('a-badge', 'Badge', Staff.select('badgeId', options, options.length ? options[0][0] : '')),
        Staff.field('a-educator', 'Educator id', Staff.input('educatorId', 'text', { maxlength: '64', required: '', list: 'educator-ids' })),
        Staff.field('a-evidence', 'Evidence (text)', Staff.input('evidenceText', 'text', { maxlength: '4000' }), true));
    Staff.submitRow(form, 'Award');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      const f = form.elements;
      Staff.api('POST', base + '/badges/' + encodeURIComponent(f.badgeId.value) + '/awards', {
        educatorId: f.educatorId.value.trim(), evidence: f.evidenceText.value ? { text: f.evidenceText.value } : null
      }).then(function (result) {
        Staff.report(form, result, 'Awarded.');
      });
    });
    // the district's roster as suggestions (opaque ids labelled with the roster's sourcedId; names stay per educator)
    const suggestions = el('datalist');
    suggestions.id = 'educator-ids';
    Staff.load(base + '/educators').then(function (educators) {
      (educators || []).filter(function (e) { return !e.erased; }).forEach(function (e) {
        const option = el('option');
        option.value = e.educatorId;
        option.label = e.sourcedId || e.educatorId;
        suggestions.appendChild(option);
      });
    }, function () { /* suggestions only */ });
    card.append(form, suggestions);
    return card;
  }

  function bulkForm(base, options) {
    const card = section('Award in bulk (CSV)', 'bulk-heading');
    card.appendChild(el('p', 'meta', 'A header row with educatorId, and optionally evidenceUrl and evidenceText.'));
    const form = el('form', 'form');
    form.append(Staff.field('b-badge', 'Badge', Staff.select('badgeId', options, options.length ? options[0][0] : '')),
        Staff.field('b-file', 'CSV file', Staff.input('file', 'file', { accept: '.csv,text/csv', required: '' }), true));
    const save = el('button', 'button', 'Upload and award');
    save.type = 'submit';
    const actions = el('div', 'actions');
    actions.appendChild(save);
    const report = el('div', 'bulk-report');
    form.append(actions, Staff.statusLine(), report);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      const file = form.elements.file.files[0];
      if (!file) {
        return;
      }
      file.text().then(function (csv) {
        return Staff.api('POST', base + '/badges/' + encodeURIComponent(form.elements.badgeId.value) + '/awards/bulk', csv,
            { 'Content-Type': 'text/csv' });
      }).then(function (result) {
        if (Staff.report(form, result, 'Awarded ' + (result.body && result.body.awarded) + '.')) {
          report.replaceChildren();
          const rejected = (result.body && result.body.rejected) || [];
          if (rejected.length) {
            const list = el('ul');
            rejected.forEach(function (r) {
              list.appendChild(el('li', null, 'Line ' + r.line + ': ' + r.field + ' \u2014 ' + r.reason));
            });
            report.append(el('p', null, rejected.length + ' rows were not awarded:'), list);
          }
        }
      });
    });
    card.appendChild(form);
    return card;
  }

  function applications(base, options) {
    const badgeNames = {};
    options.forEach(function (option) { badgeNames[option[0]] = option[1]; });
    const card = section('Applications waiting for approval', 'applications-heading');
    const list = el('div', 'block');
    card.appendChild(list);
    function reload() {
      Dop.block(list, 'applications', function () {
        return Staff.load(base + '/awards');
      }, function (awards) {
        const pending = (awards || []).filter(function (a) { return a.status === 'APPLIED' || a.status === 'PENDING'; });
        const rows = el('ul', 'rows');
        pending.forEach(function (a) {
          const item = el('li');
          item.setAttribute('data-award-id', a.awardId);
          item.appendChild(el('p', 'row-title', (badgeNames[a.badgeId] || a.badgeId) + ' \u00b7 educator ' + a.educatorId
              + (a.evidence && a.evidence.text ? ' \u2014 ' + a.evidence.text : '')));
          const approve = el('button', 'button', 'Approve');
          approve.type = 'button';
          const status = Staff.statusLine();
          approve.addEventListener('click', function () {
            Staff.api('POST', base + '/awards/' + encodeURIComponent(a.awardId) + '/approval').then(function (result) {
              status.textContent = result.ok ? 'Approved.' : ((result.body && result.body.detail) || 'Failed (' + result.status + ').');
            });
          });
          item.append(approve, status);
          rows.appendChild(item);
        });
        if (!rows.children.length) {
          rows.appendChild(el('li', 'meta', 'No application is waiting.'));
        }
        return rows;
      });
    }
    reload();
    return card;
  }

  Staff.page(['pd-staff'], function (user, district) {
    const body = document.getElementById('page-body');
    const base = '/api/pd/districts/' + encodeURIComponent(district);
    Dop.block(body, 'badge catalog', function () {
      return Staff.load('/api/pd/public/districts/' + encodeURIComponent(district) + '/badges');
    }, function (badges) {
      const options = badgeOptions(badges);
      return [awardForm(base, options), bulkForm(base, options), applications(base, options)];
    });
  });
})();
