// Educators: my badges, the portfolio's privacy switch, and my credentials to download (Open Badges 3.0).
// "My" portfolio is the one pd-service finds through the account's educator_id claim (GET …/me/portfolio).
(function () {
  'use strict';

  const Dop = window.Dop;
  const Staff = window.Staff;
  const el = Dop.el;

  Staff.page(['educator'], function (user, district) {
    const body = document.getElementById('page-body');
    const base = '/api/pd/districts/' + encodeURIComponent(district);
    function reload() {
      Dop.block(body, 'portfolio', function () {
        return Staff.api('GET', base + '/me/portfolio').then(function (result) {
          if (!result.ok && result.status !== 403 && result.status !== 404) {
            throw new Error('HTTP ' + result.status); // the service is down or failing: "temporarily unavailable"
          }
          return result;
        });
      }, function (result) {
        if (!result.ok) { // the account is not linked to an educator record, or the record is not imported yet
          return Dop.emptyState('No portfolio for this account', (result.body && result.body.detail)
              || 'Ask PD staff to link your account to your educator record.');
        }
        const portfolio = result.body;
        const mine = base + '/educators/' + encodeURIComponent(portfolio.educatorId) + '/portfolio';
        const publicPath = '/districts/' + encodeURIComponent(district) + '/portfolios/' + encodeURIComponent(portfolio.educatorId);
        const privacy = el('section', 'card');
        privacy.appendChild(el('h2', null, 'Who can see my portfolio'));
        const label = el('label');
        const toggle = Staff.input('isPublic', 'checkbox');
        toggle.checked = !!portfolio.isPublic;
        label.append(toggle, document.createTextNode(' Public: anyone with the link to my portfolio can see my badges'));
        toggle.id = 'portfolio-public';
        const status = Staff.statusLine();
        const link = el('p', 'public-link');
        function showLink(isPublic) {
          link.replaceChildren();
          if (isPublic) {
            const a = el('a', null, 'My public portfolio');
            a.href = publicPath;
            link.append(document.createTextNode('Anyone can see it at: '), a);
          }
        }
        showLink(toggle.checked);
        toggle.addEventListener('change', function () {
          toggle.disabled = true;
          Staff.api('PUT', mine + '/visibility', { isPublic: toggle.checked }).then(function (result) {
            if (!result.ok) {
              toggle.checked = !toggle.checked;
            }
            status.textContent = result.ok ? (toggle.checked ? 'Your portfolio is public.' : 'Your portfolio is private.')
                : 'Could not change it (' + result.status + ').';
            showLink(result.ok && toggle.checked);
          }).finally(function () {
            toggle.disabled = false;
          });
        });
        privacy.append(label, status, link);

        const badges = el('section', 'card');
        badges.appendChild(el('h2', null, 'My badges (' + (portfolio.pdHours || 0) + ' PD hours)'));
        const list = el('ul', 'rows');
        (portfolio.badges || []).forEach(function (b) {
          const item = el('li', 'portfolio-badge');
          item.appendChild(el('h3', 'row-title', b.badgeName || b.badgeId));
          item.appendChild(el('p', 'meta', Dop.humanize(b.status) + (b.awardedAt ? ' \u00b7 awarded ' + Dop.formatDate(b.awardedAt) : '')
              + (b.validUntil ? ' \u00b7 valid until ' + Dop.formatDate(b.validUntil) : '')));
          if (b.status === 'AWARDED') {
            const download = el('button', 'button secondary', 'Download credential (Open Badges 3.0)');
            download.type = 'button';
            download.addEventListener('click', function () {
              Staff.download(base + '/awards/' + encodeURIComponent(b.awardId) + '/credential', (b.badgeId || 'badge') + '-credential.json')
                  .then(function () {
                    download.setAttribute('data-downloaded', 'true');
                  }, function () {
                    download.textContent = 'Download failed, try again';
                  });
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
