// Renders /districts/{districtId}: the district's adopted vision, its public strategic plans with their health
// as of a date and the readiness self-assessment (vision service), and the menu of proven models (pilot service).
// Every section loads and fails on its own. All data is written with textContent or as SVG attributes, never as HTML.
(function () {
  'use strict';

  const API = '/api/vision/public/districts/';
  const SVG_NS = 'http://www.w3.org/2000/svg';
  const TIMEOUT_MS = 4000; // a slow service shows "temporarily unavailable" in its block, not a hang

  const segments = window.location.pathname.split('/').filter(Boolean);
  const districtId = decodeURIComponent(segments[segments.indexOf('districts') + 1] || '');
  const districtBase = API + encodeURIComponent(districtId);

  const HEALTH = {
    ON_TRACK: { label: 'On track', css: 'on-track' },
    AT_RISK: { label: 'At risk', css: 'at-risk' },
    OFF_TRACK: { label: 'Off track', css: 'off-track' },
    NO_DATA: { label: 'No data yet', css: 'no-data' }
  };

  const CHANGE_KINDS = {
    TARGET: 'Target changed',
    BASELINE: 'Baseline changed',
    DUE_DATE: 'Due date changed',
    HEALTH_OVERRIDE: 'Health set'
  };

  let uid = 0;

  // ---------------------------------------------------------------- DOM helpers

  function byId(id) {
    return document.getElementById(id);
  }

  function fromTemplate(id) {
    return byId(id).content.firstElementChild.cloneNode(true);
  }

  function setText(root, selector, text) {
    root.querySelector(selector).textContent = text == null ? '' : String(text);
  }

  function el(tag, className, text) {
    const node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text != null) {
      node.textContent = String(text);
    }
    return node;
  }

  function svg(tag, attributes, text) {
    const node = document.createElementNS(SVG_NS, tag);
    Object.keys(attributes || {}).forEach(function (name) {
      node.setAttribute(name, String(attributes[name]));
    });
    if (text != null) {
      node.textContent = String(text);
    }
    return node;
  }

  function hiddenText(text) {
    return el('span', 'visually-hidden', text);
  }

  // Removes an element that ended up empty (no text), so optional parts leave no gaps.
  function dropIfEmpty(node) {
    if (node && !node.textContent.trim()) {
      node.remove();
    }
  }

  // ---------------------------------------------------------------- formatting

  // STUDENT_SUPPORTS -> "Student supports", IN_PROGRESS -> "In progress"
  function humanize(value) {
    const words = String(value == null ? '' : value).toLowerCase().replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

  // A LocalDate ("2025-06-30") as a UTC timestamp, so it never shifts a day with the reader's time zone.
  function dateValue(iso) {
    const match = ISO_DATE.exec(String(iso));
    return match ? Date.UTC(+match[1], +match[2] - 1, +match[3]) : NaN;
  }

  function formatDate(iso) {
    if (iso == null || iso === '') {
      return '';
    }
    if (ISO_DATE.test(String(iso))) {
      const time = dateValue(iso);
      return new Date(time).toLocaleDateString(undefined,
          { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
    }
    const date = new Date(iso);
    return isNaN(date) ? String(iso) : date.toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric' });
  }

  function formatMonth(time) {
    return new Date(time).toLocaleDateString(undefined, { year: 'numeric', month: 'short', timeZone: 'UTC' });
  }

  function formatNumber(value) {
    const number = Number(value);
    return isFinite(number) ? number.toLocaleString(undefined, { maximumFractionDigits: 2 }) : String(value);
  }

  // 15.2 + "%" -> "15.2%", 12 + "days" -> "12 days"
  function withUnit(value, unit) {
    if (value == null) {
      return '\u2014';
    }
    const text = formatNumber(value);
    if (!unit) {
      return text;
    }
    return String(unit).charAt(0) === '%' ? text + unit : text + '\u00a0' + unit;
  }

  function todayIso() {
    return new Date().toISOString().slice(0, 10);
  }

  // The school year a date falls in ends on 30 June of this year (as the vision service computes targets).
  function schoolYearEnd(iso) {
    const match = ISO_DATE.exec(String(iso));
    if (!match) {
      return new Date().getUTCFullYear();
    }
    return +match[2] > 6 ? +match[1] + 1 : +match[1];
  }

  function byDate(field) {
    return function (a, b) {
      return dateValue(a[field]) - dateValue(b[field]);
    };
  }

  function upTo(list, field, asOf) {
    const limit = dateValue(asOf);
    return (list || []).filter(function (item) {
      return isNaN(limit) || dateValue(item[field]) <= limit;
    }).sort(byDate(field));
  }

  function last(list) {
    return list.length ? list[list.length - 1] : null;
  }

  function findById(list, field, id) {
    return (list || []).find(function (item) {
      return item && item[field] === id;
    }) || null;
  }

  // ---------------------------------------------------------------- shared pieces

  function healthBadge(health) {
    const known = HEALTH[health];
    const badge = el('span', 'badge badge-' + (known ? known.css : 'no-data'), known ? known.label : humanize(health));
    badge.prepend(hiddenText('Health: '));
    return badge;
  }

  function loading(text) {
    const node = fromTemplate('loading-template');
    node.querySelector('p').textContent = text;
    return node;
  }

  function errorState(templateId, retry) {
    const node = fromTemplate(templateId);
    node.querySelector('.retry').addEventListener('click', retry);
    return node;
  }

  function getJson(url, allowNotFound) {
    const controller = typeof AbortController === 'function' ? new AbortController() : null;
    const timer = controller ? setTimeout(function () { controller.abort(); }, TIMEOUT_MS) : 0;
    return fetch(url, { headers: { Accept: 'application/json' }, signal: controller ? controller.signal : undefined })
        .then(function (response) {
          if (response.status === 404 && allowNotFound) {
            return null;
          }
          if (!response.ok) {
            throw new Error('HTTP ' + response.status);
          }
          return response.json();
        })
        .finally(function () {
          clearTimeout(timer);
        });
  }

  function overrideNote(node, item) {
    const target = node.querySelector('.override');
    if (item && item.overrideReason) {
      const set = HEALTH[item.health] ? HEALTH[item.health].label : humanize(item.health);
      const computed = HEALTH[item.computedHealth] ? HEALTH[item.computedHealth].label : humanize(item.computedHealth);
      target.append(el('strong', null, 'Health set by the district to \u201c' + set + '\u201d'),
          document.createTextNode(' (calculated: ' + computed + '), because ' + item.overrideReason));
    } else {
      target.remove();
    }
  }

  // ---------------------------------------------------------------- vision

  function fillList(list, items) {
    (items || []).forEach(function (item) {
      list.appendChild(el('li', null, item));
    });
    if (!list.children.length) {
      list.parentElement.remove();
    }
  }

  function renderVision(vision) {
    const node = fromTemplate('vision-template');
    setText(node, '.vision-statement', vision.statement);
    fillList(node.querySelector('.vision-outcomes ul'), vision.outcomes);
    fillList(node.querySelector('.vision-gaps ul'), vision.gaps);
    const lists = node.querySelector('.vision-lists');
    if (!lists.children.length) {
      lists.remove();
    }
    setText(node, '.vision-rationale p', vision.rationale);
    if (!vision.rationale) {
      node.querySelector('.vision-rationale').remove();
    }

    const vote = vision.boardVote;
    const adopted = formatDate(vision.adoptedOn || (vote && vote.date));
    setText(node, '.adopted-on', adopted ? 'Adopted by the school board on ' + adopted : 'Adopted by the school board');
    if (vote) {
      setText(node, '.vote-for dd', vote.votesFor);
      setText(node, '.vote-against dd', vote.votesAgainst);
      setText(node, '.vote-abstain dd', vote.abstentions);
      setText(node, '.meeting-reference', vote.meetingReference ? 'Record: ' + vote.meetingReference : '');
    } else {
      node.querySelector('.vote').remove();
    }
    setText(node, '.waiver', vision.waiverReason
        ? 'Adopted without a public comment period, because ' + vision.waiverReason : '');
    dropIfEmpty(node.querySelector('.meeting-reference'));
    dropIfEmpty(node.querySelector('.waiver'));
    return node;
  }

  function loadVision() {
    const body = byId('vision-body');
    body.replaceChildren(loading('Loading the vision\u2026'));
    getJson(districtBase + '/vision', true)
        .then(function (vision) {
          body.replaceChildren(vision ? renderVision(vision) : fromTemplate('no-vision-template'));
          body.setAttribute('data-state', 'ready');
        })
        .catch(function () {
          body.replaceChildren(errorState('error-template', loadVision));
          body.setAttribute('data-state', 'unavailable');
        });
  }

  // ---------------------------------------------------------------- measure chart

  // A small line chart: the actual values (from the baseline) against the target path (baseline, then each
  // year's target on 30 June), with min/max labels, an "as of" marker and a text description for screen readers.
  function measureChart(measure, asOf) {
    const W = 320;
    const H = 180;
    const pad = { top: 16, right: 14, bottom: 30, left: 52 };
    const unit = measure.unit || '';

    const baseline = { time: dateValue(measure.baselineDate), value: Number(measure.baselineValue), kind: 'Baseline' };
    const targets = (measure.targets || []).slice().sort(function (a, b) { return a.year - b.year; })
        .map(function (t) { return { time: Date.UTC(t.year, 5, 30), value: Number(t.value), kind: 'Target' }; });
    const actuals = upTo(measure.values, 'asOf', asOf)
        .map(function (v) { return { time: dateValue(v.asOf), value: Number(v.value), kind: 'Actual' }; });

    const hasBaseline = !isNaN(baseline.time) && isFinite(baseline.value);
    const targetPath = (hasBaseline ? [baseline] : []).concat(targets);
    const actualPath = (hasBaseline ? [baseline] : []).concat(actuals);
    const all = targetPath.concat(actuals).filter(function (p) { return !isNaN(p.time) && isFinite(p.value); });

    const description = chartDescription(measure, actuals, targets, hasBaseline ? baseline : null);
    const figure = document.createDocumentFragment();
    if (!all.length) {
      figure.appendChild(el('p', 'meta', 'Nothing to chart yet.'));
      return { node: figure, description: description };
    }

    let tMin = Math.min.apply(null, all.map(function (p) { return p.time; }));
    let tMax = Math.max.apply(null, all.map(function (p) { return p.time; }));
    if (tMin === tMax) {
      tMin -= 183 * 864e5;
      tMax += 183 * 864e5;
    }
    const vLow = Math.min.apply(null, all.map(function (p) { return p.value; }));
    const vHigh = Math.max.apply(null, all.map(function (p) { return p.value; }));
    const span = vHigh - vLow || Math.abs(vHigh) || 1;
    const yMin = vLow - span * 0.12;
    const yMax = vHigh + span * 0.12;

    const x = function (time) { return pad.left + (time - tMin) / (tMax - tMin) * (W - pad.left - pad.right); };
    const y = function (value) { return pad.top + (yMax - value) / (yMax - yMin) * (H - pad.top - pad.bottom); };
    const round = function (n) { return Math.round(n * 10) / 10; };
    const pointsOf = function (list) {
      return list.map(function (p) { return round(x(p.time)) + ',' + round(y(p.value)); }).join(' ');
    };

    const titleId = 'chart-title-' + (++uid);
    const chart = svg('svg', {
      viewBox: '0 0 ' + W + ' ' + H, class: 'chart-svg', role: 'img', 'aria-labelledby': titleId,
      preserveAspectRatio: 'xMidYMid meet'
    });
    chart.appendChild(svg('title', { id: titleId }, description));

    // Axes: horizontal guides at the lowest and highest value, labelled with the unit; the first and last month.
    const guides = vLow === vHigh ? [vLow] : [vLow, vHigh];
    guides.forEach(function (value) {
      chart.appendChild(svg('line', { class: 'chart-grid', x1: pad.left, x2: W - pad.right, y1: round(y(value)), y2: round(y(value)) }));
      chart.appendChild(svg('text', { class: 'chart-label', x: pad.left - 6, y: round(y(value)) + 4, 'text-anchor': 'end' },
          withUnit(value, unit.length > 3 ? '' : unit)));
    });
    chart.appendChild(svg('line', { class: 'chart-axis', x1: pad.left, x2: W - pad.right, y1: H - pad.bottom, y2: H - pad.bottom }));
    chart.appendChild(svg('text', { class: 'chart-label', x: pad.left, y: H - 10, 'text-anchor': 'start' }, formatMonth(tMin)));
    chart.appendChild(svg('text', { class: 'chart-label', x: W - pad.right, y: H - 10, 'text-anchor': 'end' }, formatMonth(tMax)));
    if (unit.length > 3) {
      chart.appendChild(svg('text', { class: 'chart-label chart-unit', x: 4, y: 11, 'text-anchor': 'start' }, unit));
    }

    // "As of" marker, when the date falls inside the chart.
    const asOfTime = dateValue(asOf);
    if (!isNaN(asOfTime) && asOfTime >= tMin && asOfTime <= tMax) {
      const ax = round(x(asOfTime));
      chart.appendChild(svg('line', { class: 'chart-asof', x1: ax, x2: ax, y1: pad.top - 6, y2: H - pad.bottom }));
      chart.appendChild(svg('text', { class: 'chart-label chart-asof-label', x: ax, y: pad.top - 8 + 2,
        'text-anchor': ax > W - 60 ? 'end' : 'middle' }, 'as of'));
    }

    if (targetPath.length > 1) {
      chart.appendChild(svg('polyline', { class: 'chart-target', points: pointsOf(targetPath) }));
    }
    targets.forEach(function (p) {
      const cx = round(x(p.time));
      const cy = round(y(p.value));
      const mark = svg('rect', { class: 'chart-target-point', x: cx - 3.5, y: cy - 3.5, width: 7, height: 7,
        transform: 'rotate(45 ' + cx + ' ' + cy + ')' });
      mark.appendChild(svg('title', null, 'Target by ' + formatDate(new Date(p.time).toISOString().slice(0, 10)) + ': ' + withUnit(p.value, unit)));
      chart.appendChild(mark);
    });
    if (actualPath.length > 1) {
      chart.appendChild(svg('polyline', { class: 'chart-actual', points: pointsOf(actualPath) }));
    }
    actualPath.forEach(function (p) {
      const dot = svg('circle', { class: p.kind === 'Baseline' ? 'chart-baseline-point' : 'chart-actual-point',
        cx: round(x(p.time)), cy: round(y(p.value)), r: p.kind === 'Baseline' ? 4 : 3.5 });
      dot.appendChild(svg('title', null, p.kind + ', ' + formatDate(new Date(p.time).toISOString().slice(0, 10)) + ': ' + withUnit(p.value, unit)));
      chart.appendChild(dot);
    });
    figure.appendChild(chart);
    figure.appendChild(chartTable(measure, actualPath.concat(targets)));
    return { node: figure, description: description };
  }

  function chartDescription(measure, actuals, targets, baseline) {
    const unit = measure.unit || '';
    const parts = [];
    if (baseline) {
      parts.push('baseline ' + withUnit(baseline.value, unit) + ' on ' + formatDate(measure.baselineDate));
    }
    const latest = last(actuals);
    parts.push(latest
        ? 'latest ' + withUnit(latest.value, unit) + ' on ' + formatDate(new Date(latest.time).toISOString().slice(0, 10))
          + ' (' + actuals.length + (actuals.length === 1 ? ' value' : ' values') + ' recorded)'
        : 'no values recorded yet');
    const final = last(targets);
    if (final) {
      parts.push('target ' + withUnit(final.value, unit) + ' by June ' + new Date(final.time).getUTCFullYear());
    }
    const better = measure.direction === 'DOWN' ? 'lower is better' : 'higher is better';
    return 'Line chart of ' + measure.name + ' (' + better + '): ' + parts.join('; ') + '.';
  }

  function chartTable(measure, points) {
    const table = el('table', 'visually-hidden');
    table.appendChild(el('caption', null, measure.name + ': baseline, recorded values and targets'));
    const head = el('tr');
    ['Date', 'Kind', 'Value'].forEach(function (label) {
      const th = el('th', null, label);
      th.scope = 'col';
      head.appendChild(th);
    });
    table.appendChild(el('thead')).appendChild(head);
    const body = table.appendChild(el('tbody'));
    points.slice().sort(function (a, b) { return a.time - b.time; }).forEach(function (p) {
      const row = el('tr');
      row.append(el('td', null, formatDate(new Date(p.time).toISOString().slice(0, 10))), el('td', null, p.kind),
          el('td', null, withUnit(p.value, measure.unit)));
      body.appendChild(row);
    });
    return table;
  }

  // ---------------------------------------------------------------- goals, measures, milestones

  function fact(list, label, value) {
    const group = el('div');
    group.append(el('dt', null, label), el('dd', null, value));
    list.appendChild(group);
  }

  function renderMeasure(measure, status, asOf) {
    const node = fromTemplate('measure-template');
    setText(node, '.measure-name', measure.name);
    const health = node.querySelector('.measure-health');
    if (status) {
      health.appendChild(healthBadge(status.health));
    } else {
      health.remove();
    }
    const direction = node.querySelector('.measure-direction');
    direction.append(el('span', 'arrow', measure.direction === 'DOWN' ? '\u2193' : '\u2191'),
        document.createTextNode(measure.direction === 'DOWN' ? ' Lower is better' : ' Higher is better'));
    direction.firstChild.setAttribute('aria-hidden', 'true');

    const values = upTo(measure.values, 'asOf', asOf);
    const latest = last(values);
    const targets = (measure.targets || []).slice().sort(function (a, b) { return a.year - b.year; });
    // The target the dashboard compares against: the first one due in or after the school year of the date.
    const upcoming = targets.filter(function (t) { return t.year >= schoolYearEnd(asOf); });
    const sameValue = function (t) { return status && status.target != null && Number(t.value) === Number(status.target); };
    const due = status && status.target != null
        ? upcoming.find(sameValue) || targets.slice().reverse().find(sameValue) || null
        : upcoming[0] || last(targets);
    const unit = measure.unit;
    const facts = node.querySelector('.measure-facts');
    fact(facts, 'Baseline', withUnit(measure.baselineValue, unit)
        + (measure.baselineDate ? ' (' + formatDate(measure.baselineDate) + ')' : ''));
    if (status && status.latestValue != null) {
      fact(facts, 'Latest', withUnit(status.latestValue, unit) + ' (' + formatDate(status.latestValueOn) + ')');
    } else if (latest) {
      fact(facts, 'Latest', withUnit(latest.value, unit) + ' (' + formatDate(latest.asOf) + ')');
    } else {
      fact(facts, 'Latest', 'No values yet');
    }
    const targetValue = status && status.target != null ? status.target : (due ? due.value : null);
    if (targetValue != null) {
      fact(facts, 'Target', withUnit(targetValue, unit) + (due ? ' (by June ' + due.year + ')' : ''));
    }

    const chart = measureChart(measure, asOf);
    node.querySelector('.chart-plot').appendChild(chart.node);
    if (!node.querySelector('.chart-svg')) {
      node.querySelector('.chart-legend').remove();
    }
    const note = latest && latest.narrative ? latest.narrative : '';
    if (note) {
      setText(node, '.measure-note', 'Latest note (' + formatDate(latest.asOf) + '): ' + note);
    } else {
      node.querySelector('.measure-note').remove();
    }
    overrideNote(node, status);
    return node;
  }

  function renderMilestone(milestone, status, asOf) {
    const node = fromTemplate('milestone-template');
    setText(node, '.milestone-title', milestone.title);
    const health = node.querySelector('.milestone-health');
    if (status) {
      health.appendChild(healthBadge(status.health));
    } else {
      health.remove();
    }
    const meta = [];
    if (milestone.ownerName) {
      meta.push('Owner: ' + milestone.ownerName);
    }
    if (milestone.collaborators && milestone.collaborators.length) {
      meta.push('with ' + milestone.collaborators.join(', '));
    }
    const due = status && status.due ? status.due : milestone.due;
    if (due) {
      meta.push('Due ' + formatDate(due));
    }
    setText(node, '.milestone-meta', meta.join(' \u00b7 '));

    const updates = upTo(milestone.updates, 'asOf', asOf);
    const latest = last(updates);
    const percent = status && status.percentComplete != null ? status.percentComplete
        : latest ? latest.percentComplete : null;
    const progress = node.querySelector('.milestone-progress');
    progress.value = percent == null ? 0 : Math.max(0, Math.min(100, percent));
    progress.setAttribute('aria-label', milestone.title + ': ' + (percent == null ? 'no progress reported' : percent + '% complete'));
    setText(node, '.milestone-percent', percent == null ? 'No updates yet' : percent + '% complete');
    const state = status && status.status ? status.status : latest ? latest.status : null;
    const statusEl = node.querySelector('.milestone-status');
    if (state) {
      statusEl.textContent = humanize(state);
      statusEl.classList.add('status-' + String(state).toLowerCase().replace(/_/g, '-'));
    } else {
      statusEl.remove();
    }
    const flags = node.querySelector('.flags');
    if (status && status.overdue) {
      flags.appendChild(el('span', 'flag flag-overdue', 'Overdue'));
    }
    if (status && status.stale) {
      flags.appendChild(el('span', 'flag flag-stale', 'Stale'));
    }
    dropIfEmpty(flags);

    const lastUpdate = status && status.lastUpdateOn ? status.lastUpdateOn : latest ? latest.asOf : null;
    const notes = [];
    if (lastUpdate) {
      notes.push('Last update ' + formatDate(lastUpdate) + (latest && latest.narrative ? ': ' + latest.narrative : ''));
    }
    if (status && status.stale && milestone.updateCadenceDays) {
      notes.push('updates are expected every ' + milestone.updateCadenceDays + ' days');
    }
    if (notes.length) {
      setText(node, '.milestone-note', notes.join('; '));
    } else {
      node.querySelector('.milestone-note').remove();
    }
    overrideNote(node, status);
    return node;
  }

  function renderGoal(goal, status, asOf) {
    const node = fromTemplate('goal-template');
    setText(node, '.goal-title', goal.title);
    const health = node.querySelector('.goal-health');
    if (status) {
      health.appendChild(healthBadge(status.health));
    } else {
      health.remove();
    }
    setText(node, '.goal-description', goal.description);
    dropIfEmpty(node.querySelector('.goal-description'));
    const tags = node.querySelector('.tags');
    (goal.conditions || []).forEach(function (condition) {
      tags.appendChild(el('li', 'tag', humanize(condition)));
    });
    if (!tags.children.length) {
      tags.remove();
    }
    const measures = node.querySelector('.measures');
    (goal.measures || []).forEach(function (measure) {
      measures.appendChild(renderMeasure(measure, status && findById(status.measures, 'measureId', measure.measureId), asOf));
    });
    if (!measures.children.length) {
      node.querySelector('.goal-measures').remove();
    }
    const milestones = node.querySelector('.milestones');
    (goal.milestones || []).forEach(function (milestone) {
      milestones.appendChild(renderMilestone(milestone,
          status && findById(status.milestones, 'milestoneId', milestone.milestoneId), asOf));
    });
    if (!milestones.children.length) {
      node.querySelector('.goal-milestones').remove();
    }
    return node;
  }

  // ---------------------------------------------------------------- change log

  function changeValue(change, value) {
    if (value == null || value === '') {
      return '';
    }
    if (change.kind === 'HEALTH_OVERRIDE') {
      return value === 'computed' ? 'calculated' : HEALTH[value] ? HEALTH[value].label : humanize(value);
    }
    return ISO_DATE.test(value) ? formatDate(value) : String(value);
  }

  function renderChange(change) {
    const item = el('li', 'change');
    const when = el('time', null, formatDate(change.at));
    when.dateTime = String(change.at || '');
    const heading = el('strong');
    heading.append(document.createTextNode((CHANGE_KINDS[change.kind] || humanize(change.kind) + ' changed') + ' on '), when);
    item.append(heading, document.createTextNode(': '));
    if (change.itemName) {
      item.appendChild(el('span', 'change-item', change.itemName));
      item.appendChild(document.createTextNode(', '));
    }
    const from = changeValue(change, change.from);
    const to = changeValue(change, change.to);
    item.appendChild(document.createTextNode(from ? 'from ' + from + ' \u2192 ' + to : 'set to ' + to));
    if (change.reason) {
      item.appendChild(document.createTextNode(', because ' + change.reason));
    }
    return item;
  }

  // ---------------------------------------------------------------- plans

  function renderPlan(plan) {
    const node = fromTemplate('plan-template');
    const planBase = districtBase + '/plans/' + encodeURIComponent(plan.planId);
    setText(node, '.plan-title', plan.title);
    setText(node, '.plan-years', 'Strategic plan \u00b7 ' + plan.startYear + '\u2013' + plan.endYear);

    const healthSlot = node.querySelector('.plan-health');
    const body = node.querySelector('.plan-body');
    const input = node.querySelector('.as-of-input');
    const today = node.querySelector('.as-of-today');
    const state = { asOf: '', request: 0 };

    function updateLinks() {
      const query = state.asOf ? '?asOf=' + encodeURIComponent(state.asOf) : '';
      node.querySelector('.download-csv').href = planBase + '/dashboard.csv' + query;
      node.querySelector('.download-json').href = planBase + '/dashboard' + query;
      node.querySelector('.download-report').href = planBase + '/board-report' + query;
      today.hidden = !state.asOf;
    }

    function showHealth(dashboard) {
      const summary = el('div', 'health-summary');
      summary.appendChild(healthBadge(dashboard.health));
      if (dashboard.score != null && isFinite(dashboard.score)) {
        summary.appendChild(el('span', 'score', Math.round(dashboard.score * 100) + '% of expected progress'));
      }
      summary.appendChild(el('span', 'score', 'as of ' + formatDate(dashboard.asOf)));
      healthSlot.replaceChildren(summary);
    }

    function showBody(dashboard, asOf) {
      const goals = el('ul', 'goals');
      (plan.goals || []).forEach(function (goal) {
        goals.appendChild(renderGoal(goal, dashboard && findById(dashboard.goals, 'goalId', goal.goalId), asOf));
      });
      if (!goals.children.length) {
        goals.appendChild(el('li', 'goal empty-goal', 'No goals have been added to this plan yet.'));
      }
      body.replaceChildren(goals);
      body.removeAttribute('aria-busy');
    }

    function loadDashboard() {
      const request = ++state.request;
      const asOf = state.asOf;
      body.setAttribute('aria-busy', 'true');
      if (!body.children.length) {
        body.appendChild(loading('Loading progress\u2026'));
      }
      healthSlot.replaceChildren(el('span', 'meta', 'Loading status\u2026'));
      getJson(planBase + '/dashboard' + (asOf ? '?asOf=' + encodeURIComponent(asOf) : ''), false)
          .then(function (dashboard) {
            if (request !== state.request) {
              return;
            }
            if (!dashboard || typeof dashboard !== 'object') {
              throw new Error('Unexpected response');
            }
            if (!state.asOf && dashboard.asOf) {
              input.value = dashboard.asOf;
            }
            showHealth(dashboard);
            showBody(dashboard, dashboard.asOf || asOf || todayIso());
          })
          .catch(function () {
            if (request !== state.request) {
              return;
            }
            if (!state.asOf) {
              input.value = todayIso();
            }
            healthSlot.replaceChildren(errorState('inline-error-template', loadDashboard));
            showBody(null, asOf || todayIso());
          });
    }

    input.addEventListener('change', function () {
      const value = ISO_DATE.test(input.value) ? input.value : '';
      if (value === state.asOf) {
        return;
      }
      state.asOf = value;
      updateLinks();
      loadDashboard();
    });
    today.addEventListener('click', function () {
      state.asOf = '';
      input.value = '';
      updateLinks();
      loadDashboard();
      input.focus();
    });

    const changes = node.querySelector('.change-list');
    (plan.changes || []).slice().sort(function (a, b) {
      return new Date(b.at) - new Date(a.at);
    }).forEach(function (change) {
      changes.appendChild(renderChange(change));
    });
    if (!changes.children.length) {
      changes.appendChild(el('li', 'meta', 'No baselines, targets or due dates have been changed.'));
    }
    const updated = formatDate(plan.updatedAt || plan.createdAt);
    setText(node, '.plan-updated', updated ? 'Last updated ' + updated : '');

    updateLinks();
    loadDashboard();
    return node;
  }

  function loadPlans() {
    const status = byId('status');
    const plansEl = byId('plans');
    status.replaceChildren(loading('Loading plans\u2026'));
    plansEl.replaceChildren();
    getJson(districtBase + '/plans', true)
        .then(function (plans) {
          if (plans === null) {
            plans = [];
          }
          if (!Array.isArray(plans)) {
            throw new Error('Unexpected response');
          }
          status.setAttribute('data-state', 'ready');
          if (!plans.length) {
            status.replaceChildren(fromTemplate('empty-template'));
            return;
          }
          status.replaceChildren();
          plansEl.replaceChildren.apply(plansEl, plans.map(renderPlan));
        })
        .catch(function () {
          status.setAttribute('data-state', 'unavailable');
          status.replaceChildren(errorState('error-template', loadPlans));
        });
  }

  // ---------------------------------------------------------------- readiness

  function ratingCell(rating) {
    const cell = el('td', 'rating');
    if (!rating) {
      cell.appendChild(el('span', 'meta', '\u2014'));
      cell.appendChild(hiddenText('not rated'));
      return cell;
    }
    const meter = el('span', 'rating-meter');
    meter.setAttribute('aria-hidden', 'true');
    for (let i = 1; i <= 4; i++) {
      meter.appendChild(el('span', i <= rating.rating ? 'pip on' : 'pip'));
    }
    cell.append(el('span', 'rating-value', rating.rating), hiddenText(' of 4'), meter);
    return cell;
  }

  function movementCell(movement, previousYear) {
    const cell = el('td', 'movement');
    let arrow = '\u2013';
    let css = 'same';
    let label = movement == null ? 'no earlier rating' : 'no change since ' + previousYear;
    if (movement > 0) {
      arrow = '\u25b2 +' + movement;
      css = 'up';
      label = 'up ' + movement + ' since ' + previousYear;
    } else if (movement < 0) {
      arrow = '\u25bc \u2212' + Math.abs(movement);
      css = 'down';
      label = 'down ' + Math.abs(movement) + ' since ' + previousYear;
    }
    const shown = el('span', 'movement-' + css, arrow);
    shown.setAttribute('aria-hidden', 'true');
    cell.append(shown, hiddenText(label));
    return cell;
  }

  function renderReadiness(history) {
    const node = fromTemplate('readiness-template');
    const years = history.years.slice().sort(function (a, b) { return a - b; }).slice(-3);
    const latestYear = last(years);
    const showMovement = history.years.length > 1;
    const head = node.querySelector('thead tr');
    years.forEach(function (year) {
      const th = el('th', 'num', year);
      th.scope = 'col';
      if (year === latestYear) {
        th.classList.add('latest');
        th.appendChild(el('span', 'latest-tag', 'latest'));
      }
      head.appendChild(th);
    });
    if (showMovement) {
      const th = el('th', 'num', 'Change');
      th.scope = 'col';
      head.appendChild(th);
    }
    const body = node.querySelector('tbody');
    (history.conditions || []).forEach(function (condition) {
      const row = el('tr');
      const name = el('th', 'condition');
      name.scope = 'row';
      name.appendChild(el('span', null, humanize(condition.condition)));
      const ratings = condition.ratings || [];
      const latest = findById(ratings, 'year', latestYear);
      if (latest && latest.evidence) {
        const details = el('details', 'evidence');
        details.append(el('summary', null, 'Evidence'), el('p', null, latest.evidence));
        name.appendChild(details);
      }
      row.appendChild(name);
      years.forEach(function (year) {
        row.appendChild(ratingCell(findById(ratings, 'year', year)));
      });
      if (showMovement) {
        const index = history.years.indexOf(latestYear);
        row.appendChild(movementCell(condition.movement, index > 0 ? history.years[index - 1] : ''));
      }
      body.appendChild(row);
    });
    return node;
  }

  function loadReadiness() {
    const section = byId('readiness');
    const body = byId('readiness-body');
    body.replaceChildren(loading('Loading the readiness self-assessment\u2026'));
    getJson(districtBase + '/readiness', true)
        .then(function (history) {
          const years = history && Array.isArray(history.years) ? history.years : [];
          section.hidden = !years.length;
          byId('readiness-link').hidden = !years.length;
          if (years.length) {
            body.replaceChildren(renderReadiness(history));
          } else {
            body.replaceChildren();
          }
        })
        .catch(function () {
          section.hidden = false;
          byId('readiness-link').hidden = false;
          body.replaceChildren(errorState('error-template', loadReadiness));
        });
  }

  // ---------------------------------------------------------------- proven models (pilot-service)

  const PILOTS = '/api/pilots/public/districts/' + encodeURIComponent(districtId);
  const TIERS = { 1: 'Tier 1 \u00b7 strong', 2: 'Tier 2 \u00b7 moderate', 3: 'Tier 3 \u00b7 promising', 4: 'Tier 4 \u00b7 rationale' };

  function waveResult(wave) {
    const result = (wave.results || [])[0];
    if (!result || result.pilotMean === null || result.pilotMean === undefined) {
      return result ? result.name + ': not published (fewer than 10 students)' : 'No results yet';
    }
    const compared = result.comparisonMean === null || result.comparisonMean === undefined ? ''
        : ' vs ' + formatNumber(result.comparisonMean) + ' compared';
    return result.name + ': ' + withUnit(formatNumber(result.pilotMean), result.unit) + compared
        + ' (target ' + formatNumber(result.target) + ')';
  }

  function renderModel(model) {
    const node = fromTemplate('model-template');
    setText(node, '.model-name', model.modelName + ' \u00b7 ' + humanize(model.modelType));
    setText(node, '.badge-tier', TIERS[model.bestEvidenceTier] || 'Tier ' + model.bestEvidenceTier);
    const body = node.querySelector('tbody');
    (model.waves || []).forEach(function (wave) {
      const row = el('tr');
      row.append(el('td', 'num', wave.wave),
          el('td', null, (wave.schools || []).join(', ') + (wave.schoolLevel ? ' (' + humanize(wave.schoolLevel) + ')' : '')),
          el('td', 'num', wave.cohortSize),
          el('td', null, wave.decision ? humanize(wave.decision) : humanize(wave.status)),
          el('td', null, wave.evidenceTier ? TIERS[wave.evidenceTier] : '\u2013'),
          el('td', null, waveResult(wave)));
      body.appendChild(row);
    });
    return node;
  }

  function loadModels() {
    const body = byId('models-body');
    byId('models-csv').href = PILOTS + '/proven-models.csv';
    body.replaceChildren(loading('Loading proven models\u2026'));
    getJson(PILOTS + '/proven-models', false)
        .then(function (models) {
          body.replaceChildren.apply(body, models && models.length ? models.map(renderModel)
              : [fromTemplate('no-models-template')]);
          body.setAttribute('data-state', 'ready');
        })
        .catch(function () {
          body.replaceChildren(errorState('error-template', loadModels));
          body.setAttribute('data-state', 'unavailable');
        });
  }

  // ---------------------------------------------------------------- start

  byId('district-id').textContent = districtId;
  document.title = districtId + ' dashboard \u00b7 District Operations Platform';
  loadVision();
  loadPlans();
  loadModels();
  loadReadiness();
})();
