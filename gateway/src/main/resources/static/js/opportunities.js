// The public opportunity board of a district with its filters and pages. The filters (and page) are the board
// endpoint's own query parameters and are kept in the page's URL, so a filtered board can be bookmarked and shared.
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
  const PAGE_SIZE = 20;
  let currentPage = 1;

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

  function pager(params, total) {
    const nav = Dop.el('nav', 'actions pager');
    nav.setAttribute('aria-label', 'Pages of opportunities');
    [['Previous page', currentPage - 1, currentPage > 1], ['Next page', currentPage + 1, currentPage * PAGE_SIZE < total]]
        .forEach(function (link) {
          if (!link[2]) {
            return;
          }
          const button = Dop.el('button', 'button secondary', link[0]);
          button.type = 'button';
          button.addEventListener('click', function () {
            show(params, link[1]);
          });
          nav.appendChild(button);
        });
    return nav;
  }

  function render(params, page) {
    const total = page.total;
    const first = (currentPage - 1) * PAGE_SIZE + 1;
    count.textContent = total === 1 ? '1 open opportunity'
        : total + ' open opportunities' + (total > PAGE_SIZE ? ', showing ' + first + '–' + (first + page.items.length - 1) : '');
    if (!page.items.length) {
      return Dop.emptyState('Nothing matches', 'No open opportunity matches these filters. Try fewer filters.');
    }
    const grid = Dop.el('div', 'opportunity-grid');
    page.items.forEach(function (o) {
      grid.appendChild(Dop.opportunityCard(o, 'h3'));
    });
    return total > PAGE_SIZE ? [grid, pager(params, total)] : grid;
  }

  // Shows one page of the board for the filters; the URL follows, so the view can be bookmarked.
  function show(params, pageNumber) {
    currentPage = pageNumber;
    const query = new URLSearchParams(params);
    if (pageNumber > 1) {
      query.set('page', String(pageNumber));
    }
    const shown = query.toString();
    history.replaceState(null, '', window.location.pathname + (shown ? '?' + shown : ''));
    query.set('size', String(PAGE_SIZE));
    count.textContent = '';
    return Dop.block(board, 'opportunity board', function () {
      return Dop.getPage(api + '?' + query.toString());
    }, function (page) {
      return render(params, page);
    });
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    show(queryFromForm(), 1);
  });
  form.addEventListener('reset', function () {
    setTimeout(function () {
      show(new URLSearchParams(), 1);
    }, 0);
  });

  document.getElementById('district-id').textContent = districtId;
  document.getElementById('dashboard-link').href = '/districts/' + district;
  document.getElementById('atom-link').href = api + '.atom';
  document.title = 'Opportunity board \u00b7 ' + districtId + ' \u00b7 District Operations Platform';
  const initial = new URLSearchParams(window.location.search);
  formFromQuery(initial);
  const initialPage = parseInt(initial.get('page') || '1', 10);
  show(queryFromForm(), initialPage > 0 ? initialPage : 1);
})();
