// The public opportunity board of a district with its filters. The filters are the board endpoint's own query
// parameters and are kept in the page's URL, so a filtered board can be bookmarked and shared.
(function () {
  'use strict';

  const Dop = window.Dop;
  const districtId = Dop.districtFromPath();
  const district = encodeURIComponent(districtId);
  const api = '/api/partnerships/public/districts/' + district + '/opportunities';
  const form = document.getElementById('filters');
  const board = document.getElementById('board');
  const count = document.getElementById('result-count');
  const FILTERS = ['type', 'pathway', 'grade', 'paid', 'remote', 'date', 'q'];

  function queryFromForm() {
    const params = new URLSearchParams();
    FILTERS.forEach(function (name) {
      const value = form.elements[name].value.trim();
      if (value) {
        params.set(name, value);
      }
    });
    return params;
  }

  function formFromQuery(params) {
    FILTERS.forEach(function (name) {
      form.elements[name].value = params.get(name) || '';
    });
  }

  function render(list) {
    count.textContent = list.length === 1 ? '1 open opportunity' : list.length + ' open opportunities';
    if (!list.length) {
      return Dop.emptyState('Nothing matches', 'No open opportunity matches these filters. Try fewer filters.');
    }
    const grid = Dop.el('div', 'opportunity-grid');
    list.forEach(function (o) {
      grid.appendChild(Dop.opportunityCard(o, 'h3'));
    });
    return grid;
  }

  function load(params) {
    const query = params.toString();
    count.textContent = '';
    return Dop.block(board, 'opportunity board', function () {
      return Dop.getJson(api + (query ? '?' + query : ''));
    }, render);
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const params = queryFromForm();
    const query = params.toString();
    history.replaceState(null, '', window.location.pathname + (query ? '?' + query : ''));
    load(params);
  });
  form.addEventListener('reset', function () {
    setTimeout(function () {
      history.replaceState(null, '', window.location.pathname);
      load(new URLSearchParams());
    }, 0);
  });

  document.getElementById('district-id').textContent = districtId;
  document.getElementById('dashboard-link').href = '/districts/' + district;
  document.getElementById('atom-link').href = api + '.atom';
  document.title = 'Opportunity board \u00b7 ' + districtId + ' \u00b7 District Operations Platform';
  const initial = new URLSearchParams(window.location.search);
  formFromQuery(initial);
  load(queryFromForm());
})();
