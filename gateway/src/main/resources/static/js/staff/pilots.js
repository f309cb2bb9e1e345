// Pilot leads: the pilot board, a cycle's measurements and the decision at the end.
(function () {
  'use strict';

  const Dop = window.Dop;
  const Staff = window.Staff;
  const el = Dop.el;

  function measurementForm(base, pilot) {
    const form = el('form', 'form');
    form.setAttribute('aria-label', 'Record a measurement for ' + pilot.title);
    const id = pilot.pilotId;
    form.append(
        Staff.field('m-metric-' + id, 'Metric id', Staff.input('metricId', 'text', { maxlength: '64', required: '' })),
        Staff.field('m-group-' + id, 'Group', Staff.select('group', ['PILOT', 'COMPARISON'], 'PILOT')),
        Staff.field('m-value-' + id, 'Value', Staff.input('value', 'number', { step: 'any', required: '' })),
        Staff.field('m-unit-' + id, 'Unit', Staff.input('unit', 'text', { maxlength: '200', required: '' })),
        Staff.field('m-students-' + id, 'Students measured', Staff.input('students', 'number', { min: '0', required: '' })));
    Staff.submitRow(form, 'Record measurement');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      const f = form.elements;
      Staff.api('POST', base + '/pilots/' + encodeURIComponent(id) + '/cycles/' + encodeURIComponent(pilot.openCycleId) + '/measurements', {
        metricId: f.metricId.value.trim(), group: f.group.value, unit: f.unit.value.trim(),
        value: f.value.value === '' ? null : Number(f.value.value), students: f.students.value === '' ? null : Number(f.students.value)
      }).then(function (result) {
        Staff.report(form, result, 'Measurement recorded.');
      });
    });
    return form;
  }

  function completionForm(base, pilot) {
    const form = el('form', 'form');
    form.setAttribute('aria-label', 'Complete cycle ' + pilot.openCycle + ' of ' + pilot.title);
    const id = pilot.pilotId;
    form.append(
        Staff.field('c-observed-' + id, 'What we observed', Staff.input('observed', 'textarea', { maxlength: '4000', required: '' }), true),
        Staff.field('c-next-' + id, 'What we change next cycle', Staff.input('nextChanges', 'textarea', { maxlength: '4000' }), true));
    Staff.submitRow(form, 'Complete cycle');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      Staff.api('POST', base + '/pilots/' + encodeURIComponent(id) + '/cycles/' + encodeURIComponent(pilot.openCycleId) + '/completion', {
        observed: form.elements.observed.value, nextChanges: form.elements.nextChanges.value
      }).then(function (result) {
        Staff.report(form, result, 'Cycle completed.');
      });
    });
    return form;
  }

  function decisionForm(base, pilot) {
    const form = el('form', 'form');
    form.setAttribute('aria-label', 'Decide on ' + pilot.title);
    const id = pilot.pilotId;
    form.append(
        Staff.field('d-decision-' + id, 'Decision', Staff.select('decision', ['SCALE', 'CONTINUE', 'MODIFY', 'STOP'], 'CONTINUE')),
        Staff.field('d-rationale-' + id, 'Rationale', Staff.input('rationale', 'textarea', { maxlength: '4000', required: '' }), true));
    Staff.submitRow(form, 'Record decision');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      Staff.api('POST', base + '/pilots/' + encodeURIComponent(id) + '/decision', {
        decision: form.elements.decision.value, rationale: form.elements.rationale.value
      }).then(function (result) {
        Staff.report(form, result, 'Decision recorded.');
      });
    });
    return form;
  }

  Staff.page(['superintendent', 'district-staff'], function (user, district) {
    const body = document.getElementById('page-body');
    const base = '/api/pilots/districts/' + encodeURIComponent(district);
    Dop.block(body, 'pilot board', function () {
      return Staff.load(base + '/pilots');
    }, function (pilots) {
      if (!pilots || !pilots.length) {
        return Dop.emptyState('No pilots yet', 'Propose a pilot through the pilot API (POST /api/pilots/districts/{district}/pilots).');
      }
      const list = el('ul', 'rows');
      pilots.forEach(function (pilot) {
        const item = el('li', 'card');
        item.setAttribute('data-pilot-id', pilot.pilotId);
        item.appendChild(el('h2', 'row-title', pilot.title));
        item.appendChild(el('p', 'meta', pilot.modelName + ' \u00b7 wave ' + pilot.wave + ' \u00b7 ' + Dop.humanize(pilot.status)
            + (pilot.measurementsDue ? ' \u00b7 measurements due ' + Dop.formatDate(pilot.measurementsDue) : '')
            + (pilot.decisionPending ? ' \u00b7 decision pending' : '')
            + (pilot.lastDecision ? ' \u00b7 last decision ' + Dop.humanize(pilot.lastDecision) : '')));
        if (pilot.openCycle != null) {
          const details = el('details');
          details.appendChild(el('summary', null, 'Measurements of cycle ' + pilot.openCycle + ' (' + pilot.measurementsInOpenCycle + ' so far)'));
          details.appendChild(measurementForm(base, pilot));
          details.appendChild(el('h3', 'sub-title', 'Close the cycle'));
          details.appendChild(completionForm(base, pilot));
          item.appendChild(details);
        }
        const decide = el('details');
        decide.appendChild(el('summary', null, 'Decide'));
        decide.appendChild(decisionForm(base, pilot));
        item.appendChild(decide);
        list.appendChild(item);
      });
      return list;
    });
  });
})();
