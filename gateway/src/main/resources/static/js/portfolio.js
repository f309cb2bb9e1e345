// A public educator portfolio: shown only when the educator made it public (pd-service answers 404 otherwise,
// for private, erased and unknown portfolios alike, so the page cannot tell them apart either).
(function () {
  'use strict';

  const Dop = window.Dop;
  const el = Dop.el;
  const districtId = Dop.districtFromPath();
  const segments = window.location.pathname.split('/').filter(Boolean);
  const educatorId = decodeURIComponent(segments[segments.indexOf('portfolios') + 1] || '');
  document.getElementById('district-id').textContent = districtId;
  document.getElementById('dashboard-link').href = '/districts/' + encodeURIComponent(districtId);

  Dop.block(document.getElementById('portfolio'), 'portfolio', function () {
    return Dop.getJson('/api/pd/public/districts/' + encodeURIComponent(districtId) + '/portfolios/'
        + encodeURIComponent(educatorId), { allowNotFound: true });
  }, function (portfolio) {
    if (!portfolio) {
      return Dop.emptyState('No public portfolio here', 'This portfolio is private, or there is none at this address.');
    }
    const card = el('section', 'card');
    card.setAttribute('aria-labelledby', 'portfolio-name');
    const name = el('h2', null, portfolio.name || 'Educator');
    name.id = 'portfolio-name';
    card.appendChild(name);
    card.appendChild(Dop.facts([['PD hours', String(portfolio.pdHours || 0)],
      ['Badges', String((portfolio.badges || []).length)]]));
    const list = el('ul', 'rows');
    (portfolio.badges || []).forEach(function (b) {
      const item = el('li', 'portfolio-badge');
      item.appendChild(el('h3', 'row-title', b.badgeName || b.badgeId));
      item.appendChild(el('p', 'meta', (b.awardedAt ? 'Awarded ' + Dop.formatDate(b.awardedAt) : '')
          + (b.validUntil ? ' \u00b7 valid until ' + Dop.formatDate(b.validUntil) : '')));
      list.appendChild(item);
    });
    if (!list.children.length) {
      list.appendChild(el('li', 'meta', 'No badges yet.'));
    }
    card.appendChild(list);
    return card;
  });
})();
