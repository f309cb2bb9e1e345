// Renders /districts/{districtId}: the district's public strategic plans from the vision service.
// All data is written with textContent, never as HTML.
(function () {
  'use strict';

  const segments = window.location.pathname.split('/').filter(Boolean);
  const districtId = decodeURIComponent(segments[segments.indexOf('districts') + 1] || '');

  const status = document.getElementById('status');
  const plansEl = document.getElementById('plans');

  function fromTemplate(id) {
    return document.getElementById(id).content.firstElementChild.cloneNode(true);
  }

  function setText(root, selector, text) {
    root.querySelector(selector).textContent = text == null ? '' : String(text);
  }

  // INSTRUCTION -> "Instruction", STUDENT_SUPPORTS -> "Student supports"
  function conditionLabel(condition) {
    const words = String(condition).toLowerCase().replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function formatDate(iso) {
    const date = new Date(iso);
    return isNaN(date) ? '' : date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
  }

  function renderGoal(goal) {
    const el = fromTemplate('goal-template');
    setText(el, '.goal-title', goal.title);
    setText(el, '.goal-description', goal.description);
    const tags = el.querySelector('.tags');
    (goal.conditions || []).forEach(function (condition) {
      const tag = document.createElement('li');
      tag.className = 'tag';
      tag.textContent = conditionLabel(condition);
      tags.appendChild(tag);
    });
    if (!tags.children.length) {
      tags.remove();
    }
    return el;
  }

  function renderPlan(plan) {
    const el = fromTemplate('plan-template');
    setText(el, '.plan-title', plan.title);
    setText(el, '.plan-years', plan.startYear + '\u2013' + plan.endYear);
    const goals = el.querySelector('.goals');
    (plan.goals || []).forEach(function (goal) {
      goals.appendChild(renderGoal(goal));
    });
    if (!goals.children.length) {
      const none = document.createElement('li');
      none.className = 'goal';
      none.textContent = 'No goals have been added to this plan yet.';
      goals.appendChild(none);
    }
    const updated = formatDate(plan.updatedAt || plan.createdAt);
    setText(el, '.meta', updated ? 'Last updated ' + updated : '');
    return el;
  }

  function showState(templateId) {
    status.replaceChildren(fromTemplate(templateId));
    plansEl.replaceChildren();
  }

  function showError() {
    showState('error-template');
    status.querySelector('.retry').addEventListener('click', load);
  }

  function load() {
    status.replaceChildren(fromTemplate('loading-template'));
    const url = '/api/vision/public/districts/' + encodeURIComponent(districtId) + '/plans';
    fetch(url, { headers: { Accept: 'application/json' } })
      .then(function (response) {
        if (response.status === 404) {
          return [];
        }
        if (!response.ok) {
          throw new Error('HTTP ' + response.status);
        }
        return response.json();
      })
      .then(function (plans) {
        if (!Array.isArray(plans)) {
          throw new Error('Unexpected response');
        }
        if (!plans.length) {
          showState('empty-template');
          return;
        }
        status.replaceChildren();
        plansEl.replaceChildren.apply(plansEl, plans.map(renderPlan));
      })
      .catch(showError);
  }

  document.getElementById('district-id').textContent = districtId;
  document.title = districtId + ' strategic plans \u00b7 District Operations Platform';
  load();
})();
