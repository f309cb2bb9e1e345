// Strategic plan for the superintendent and plan owners: record milestone progress; what needs attention.
(function () {
  'use strict';

  const Dop = window.Dop;
  const Staff = window.Staff;
  const el = Dop.el;
  const STATUSES = ['NOT_STARTED', 'IN_PROGRESS', 'BLOCKED', 'COMPLETED'];

  function latest(milestone) {
    const updates = (milestone.updates || []).slice().sort(function (a, b) { return String(a.asOf).localeCompare(String(b.asOf)); });
    return updates.length ? updates[updates.length - 1] : null;
  }

  function milestoneForm(district, plan, milestone, onSaved) {
    const last = latest(milestone);
    const form = el('form', 'form milestone-form');
    form.setAttribute('aria-label', 'Update ' + milestone.title);
    const key = milestone.milestoneId;
    form.append(
        Staff.field('asOf-' + key, 'As of', Staff.input('asOf', 'date', { required: '', value: Staff.today() })),
        Staff.field('percent-' + key, 'Percent complete', Staff.input('percentComplete', 'number',
            { min: '0', max: '100', required: '', value: last ? String(last.percentComplete) : '0' })),
        Staff.field('status-' + key, 'Status', Staff.select('status', STATUSES, last ? last.status : 'IN_PROGRESS')),
        Staff.field('narrative-' + key, 'What happened', Staff.input('narrative', 'textarea', { maxlength: '4000' }), true));
    const save = Staff.submitRow(form, 'Save update');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      save.disabled = true;
      Staff.api('POST', '/api/vision/districts/' + encodeURIComponent(district) + '/plans/' + encodeURIComponent(plan.planId)
          + '/milestones/' + encodeURIComponent(key) + '/updates', {
        asOf: form.elements.asOf.value, percentComplete: Number(form.elements.percentComplete.value),
        status: form.elements.status.value, narrative: form.elements.narrative.value || null
      }).then(function (result) {
        if (Staff.report(form, result, 'Saved: ' + form.elements.percentComplete.value + '% as of ' + Dop.formatDate(form.elements.asOf.value) + '.')) {
          onSaved();
        }
      }).finally(function () {
        save.disabled = false;
      });
    });
    return form;
  }

  function milestoneItem(district, plan, goal, milestone, onSaved) {
    const item = el('li', 'staff-milestone');
    item.setAttribute('data-milestone-id', milestone.milestoneId);
    item.appendChild(el('h3', 'row-title', milestone.title));
    const last = latest(milestone);
    item.appendChild(el('p', 'meta', goal.title + ' \u00b7 owner ' + milestone.ownerName + ' \u00b7 due ' + Dop.formatDate(milestone.due)
        + (last ? ' \u00b7 last update ' + Dop.formatDate(last.asOf) + ': ' + last.percentComplete + '%' : ' \u00b7 no update yet')));
    const details = el('details');
    details.appendChild(el('summary', null, 'Record progress'));
    details.appendChild(milestoneForm(district, plan, milestone, onSaved));
    item.appendChild(details);
    return item;
  }

  function attentionList(title, items, empty) {
    const section = el('section', 'attention');
    section.appendChild(el('h3', 'sub-title', title));
    if (!items || !items.length) {
      section.appendChild(el('p', 'meta', empty));
      return section;
    }
    const list = el('ul', 'rows');
    items.forEach(function (item) {
      list.appendChild(el('li', null, item.title + ' \u2014 ' + item.ownerName + ', due ' + Dop.formatDate(item.due)
          + (item.lastUpdateOn ? ', last update ' + Dop.formatDate(item.lastUpdateOn) : ', never updated')));
    });
    section.appendChild(list);
    return section;
  }

  function renderPlan(user, district, plan, container) {
    const mineOnly = !Staff.hasRole(user, ['superintendent']);
    const card = el('section', 'card');
    card.setAttribute('aria-labelledby', 'plan-' + plan.planId);
    const heading = el('h2', null, plan.title);
    heading.id = 'plan-' + plan.planId;
    card.appendChild(heading);
    card.appendChild(el('p', 'meta', mineOnly ? 'The milestones you own.' : 'Every milestone of the plan.'));
    const list = el('ul', 'rows');
    (plan.goals || []).forEach(function (goal) {
      (goal.milestones || []).forEach(function (milestone) {
        if (mineOnly && milestone.ownerName !== user.name) {
          return;
        }
        list.appendChild(milestoneItem(district, plan, goal, milestone, function () {
          loadAttention();
        }));
      });
    });
    if (!list.children.length) {
      list.appendChild(el('li', 'meta', mineOnly ? 'You own no milestone of this plan.' : 'No milestones yet.'));
    }
    card.appendChild(list);
    const attention = el('div', 'block');
    card.appendChild(attention);
    container.appendChild(card);

    function loadAttention() {
      Dop.block(attention, 'milestones needing attention', function () {
        return Staff.load('/api/vision/districts/' + encodeURIComponent(district) + '/plans/' + encodeURIComponent(plan.planId) + '/attention');
      }, function (data) {
        const wrap = el('div');
        wrap.append(attentionList('Stale: no update within the cadence', data.stale, 'Every owner reported on time.'),
            attentionList('Overdue', data.overdue, 'Nothing is overdue.'));
        const recent = el('section');
        recent.appendChild(el('h3', 'sub-title', 'Latest updates'));
        const list = el('ul', 'rows recent-updates');
        (data.recentUpdates || []).forEach(function (u) {
          list.appendChild(el('li', null, Dop.formatDate(u.asOf) + ' \u00b7 ' + u.title + ': ' + u.percentComplete + '%'
              + (u.narrative ? ' \u2014 ' + u.narrative : '') + ' (' + u.ownerName + ')'));
        });
        if (!list.children.length) {
          list.appendChild(el('li', 'meta', 'No updates yet.'));
        }
        recent.appendChild(list);
        wrap.appendChild(recent);
        return wrap;
      });
    }
    loadAttention();
  }

  Staff.page(['superintendent', 'district-staff'], function (user, district) {
    const body = document.getElementById('page-body');
    Dop.block(body, 'plans', function () {
      return Staff.load('/api/vision/public/districts/' + encodeURIComponent(district) + '/plans');
    }, function (plans) {
      if (!plans || !plans.length) {
        return Dop.emptyState('No plan yet', 'Create the strategic plan first (POST /api/vision/districts/{district}/plans).');
      }
      const container = el('div');
      plans.forEach(function (plan) {
        renderPlan(user, district, plan, container);
      });
      return container;
    });
  });
})();
