// Helpers shared by the public pages and the staff pages. No library: the pages stay small and need no CDN.
// Data is only ever written with textContent (el/text), never as HTML.
(function () {
  'use strict';

  // A block waits at most this long for its service; then it says "temporarily unavailable" and the rest of the
  // page carries on (the gateway's own circuit breaker answers 503 at once for a service that is known down).
  const BLOCK_TIMEOUT_MS = 4000;

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

  function humanize(value) {
    const words = String(value == null ? '' : value).toLowerCase().replace(/_/g, ' ');
    return words.charAt(0).toUpperCase() + words.slice(1);
  }

  function formatDate(iso) {
    if (!iso) {
      return '';
    }
    const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(String(iso));
    const date = match ? new Date(Date.UTC(+match[1], +match[2] - 1, +match[3])) : new Date(iso);
    if (isNaN(date)) {
      return String(iso);
    }
    return date.toLocaleDateString(undefined, match
        ? { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' }
        : { year: 'numeric', month: 'long', day: 'numeric' });
  }

  function districtFromPath() {
    const segments = window.location.pathname.split('/').filter(Boolean);
    const index = segments.indexOf('districts');
    return index >= 0 ? decodeURIComponent(segments[index + 1] || '') : '';
  }

  /** GET JSON with a timeout. Resolves null on 404 when allowNotFound; rejects with error.status otherwise. */
  function getJson(url, options) {
    const opts = options || {};
    const controller = new AbortController();
    const timer = setTimeout(function () { controller.abort(); }, opts.timeoutMs || BLOCK_TIMEOUT_MS);
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal: controller.signal })
        .then(function (response) {
          if (response.status === 404 && opts.allowNotFound) {
            return null;
          }
          if (!response.ok) {
            const error = new Error('HTTP ' + response.status);
            error.status = response.status;
            throw error;
          }
          return response.json();
        })
        .finally(function () {
          clearTimeout(timer);
        });
  }

  /** GET one page of a paged list: {items, total} (total from X-Total-Count, else the items' count). */
  function getPage(url) {
    const controller = new AbortController();
    const timer = setTimeout(function () { controller.abort(); }, BLOCK_TIMEOUT_MS);
    return fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin', signal: controller.signal })
        .then(function (response) {
          if (!response.ok) {
            const error = new Error('HTTP ' + response.status);
            error.status = response.status;
            throw error;
          }
          const total = Number(response.headers.get('X-Total-Count'));
          return response.json().then(function (items) {
            return { items: items, total: isFinite(total) && response.headers.has('X-Total-Count') ? total : items.length };
          });
        })
        .finally(function () {
          clearTimeout(timer);
        });
  }

  /**
   * One independently loaded block of a page: shows "Loading", then what render() returns, or a clear
   * "temporarily unavailable" state with a retry button. data-state on the container tells tests (and CSS)
   * which state the block is in: loading, ready, unavailable.
   */
  function block(container, what, load, render) {
    function run() {
      container.setAttribute('data-state', 'loading');
      container.setAttribute('aria-busy', 'true');
      const waiting = el('div', 'card state loading');
      waiting.appendChild(el('p', null, 'Loading ' + what + '\u2026'));
      container.replaceChildren(waiting);
      return load()
          .then(function (data) {
            const content = render(data);
            container.replaceChildren.apply(container, Array.isArray(content) ? content : [content]);
            container.setAttribute('data-state', 'ready');
          })
          .catch(function () {
            const box = el('div', 'card state error');
            box.setAttribute('role', 'status');
            box.appendChild(el('h3', null, 'Temporarily unavailable'));
            box.appendChild(el('p', null, 'The ' + what + ' could not be loaded right now. The rest of the page is up to date; please try again in a moment.'));
            const retry = el('button', 'button retry', 'Try again');
            retry.type = 'button';
            retry.addEventListener('click', run);
            box.appendChild(retry);
            container.replaceChildren(box);
            container.setAttribute('data-state', 'unavailable');
          })
          .finally(function () {
            container.removeAttribute('aria-busy');
          });
    }
    return run();
  }

  function emptyState(title, text) {
    const box = el('div', 'card state quiet');
    box.appendChild(el('h3', null, title));
    box.appendChild(el('p', null, text));
    return box;
  }

  /** A definition list from [label, value] pairs, skipping empty values. */
  function facts(pairs, className) {
    const list = el('dl', className || 'facts');
    pairs.forEach(function (pair) {
      if (pair[1] == null || pair[1] === '') {
        return;
      }
      const row = el('div');
      row.append(el('dt', null, pair[0]), el('dd', null, pair[1]));
      list.appendChild(row);
    });
    return list;
  }

  window.Dop = {
    el: el,
    humanize: humanize,
    formatDate: formatDate,
    districtFromPath: districtFromPath,
    getJson: getJson,
    getPage: getPage,
    block: block,
    emptyState: emptyState,
    facts: facts
  };
})();

// One opportunity of the public board as a card (used by the dashboard and the board page).
(function () {
  'use strict';
  const Dop = window.Dop;

  function grades(o) {
    return o.gradeMin === o.gradeMax ? 'Grade ' + o.gradeMin : 'Grades ' + o.gradeMin + '\u2013' + o.gradeMax;
  }

  Dop.opportunityCard = function (o, headingTag) {
    const card = Dop.el('article', 'card opportunity');
    const header = Dop.el('header', 'opportunity-header');
    header.appendChild(Dop.el(headingTag || 'h3', 'opportunity-title', o.title));
    header.appendChild(Dop.el('span', 'badge badge-type', Dop.humanize(o.type)));
    card.appendChild(header);
    card.appendChild(Dop.el('p', 'meta opportunity-partner', o.partnerName + ' \u00b7 ' + o.pathway));
    card.appendChild(Dop.facts([
      ['Where', o.remote ? (o.location ? o.location + ' or remote' : 'Remote') : o.location],
      ['Who', grades(o) + (o.minimumAge ? ', age ' + o.minimumAge + '+' : '')],
      ['Paid', o.paid ? (o.paidTerms || 'Yes') : 'No'],
      ['When', o.schedule + (o.hoursPerWeek ? ' (' + o.hoursPerWeek + ' h/week)' : '')],
      ['Apply', (o.applyFrom ? 'from ' + Dop.formatDate(o.applyFrom) + ' ' : '') + 'until ' + Dop.formatDate(o.applyUntil)],
      ['Contact', o.contactName ? o.contactName + (o.contactEmail ? ' <' + o.contactEmail + '>' : '') : '']
    ], 'facts opportunity-facts'));
    return card;
  };
})();
