// Educators: my badges, the portfolio's privacy switch, and my credentials to download (Open Badges 3.0).
(function () {
  'use strict';

  const Dop = window.Dop;
  const Staff = window.Staff;
  const el = Dop.el;

  Staff.page(['educator'], function (user, district) {
    const body = document.getElementById('page-body');
    const base = '/api/pd/districts/' + encodeURIComponent(district);
    const mine = base + '/educators/' + encodeURIComponent(user.sub) + '/portfolio';
    function reload() {
      Dop.block(body, 'portfolio', function () {
        return Staff.load(mine);
      }, function (portfolio) {
        const privacy = el('section', 'card');
        privacy.appendChild(el('h2', null, 'Who can see my portfolio'));
        const label = el('label');
        const toggle = Staff.input('isPublic', 'checkbox');
        toggle.checked = !!portfolio.isPublic;
        label.append(toggle, document.createTextNode(' Public: anyone with the link to my portfolio can see my badges'));
        const status = Staff.statusLine();
        toggle.addEventListener('change', function () {
          Staff.api('PUT', mine + '/visibility', { isPublic: toggle.checked }).then(function (result) {
            status.textContent = result.ok ? (toggle.checked ? 'Your portfolio is public.' : 'Your portfolio is private.')
                : 'Could not change it (' + result.status + ').';
          });
        });
        privacy.append(label, status);

        const badges = el('section', 'card');
        badges.appendChild(el('h2', null, 'My badges (' + (portfolio.pdHours || 0) + ' PD hours)'));
        const list = el('ul', 'rows');
        (portfolio.badges || []).forEach(function (b) {
          const item = el('li');
          item.appendChild(el('h3', 'row-title', b.badgeName || b.badgeId));
          item.appendChild(el('p', 'meta', Dop.humanize(b.status) + (b.awardedAt ? ' \u00b7 awarded ' + Dop.formatDate(b.awardedAt) : '')
              + (b.validUntil ? ' \u00b7 valid until ' + Dop.formatDate(b.validUntil) : '')));
          if (b.status === 'AWARDED') {
            const download = el('button', 'button secondary', 'Download credential (Open Badges 3.0)');
            download.type = 'button';
            download.addEventListener('click', function () {
              Staff.download(base + '/awards/' + encodeURIComponent(b.awardId) + '/credential', (b.badgeId || 'badge') + '-credential.json');
            });
            item.appendChild(download);
          }
          list.appendChild(item);
        });
        if (!list.children.length) {
          list.appendChild(el('li', 'meta', 'No badges yet.'));
        }
        badges.appendChild(list);
        return [privacy, badges];
      });
    }
    reload();
  });
})();
