// District staff review partners' submitted listings: approve (publish), return with a reason, or decline.
(function () {
  'use strict';

  const Dop = window.Dop;
  const Staff = window.Staff;
  const el = Dop.el;

  function listingItem(district, listing, reload) {
    const d = listing.details || {};
    const item = el('li', 'review-item');
    item.setAttribute('data-listing-id', listing.listingId);
    item.appendChild(el('h3', 'row-title', d.title));
    item.appendChild(el('p', 'meta', listing.partnerName + ' \u00b7 ' + Dop.humanize(d.type) + ' \u00b7 ' + d.pathway
        + ' \u00b7 grades ' + d.gradeMin + '\u2013' + d.gradeMax + ' \u00b7 apply until ' + Dop.formatDate(d.applyUntil)));
    item.appendChild(el('p', null, d.description));
    const form = el('form', 'form');
    form.setAttribute('aria-label', 'Decide on ' + d.title);
    form.appendChild(Staff.field('reason-' + listing.listingId, 'Reason (to return or decline)',
        Staff.input('reason', 'text', { maxlength: '1000' }), true));
    const actions = el('div', 'actions');
    const base = '/api/partnerships/districts/' + encodeURIComponent(district) + '/listings/' + encodeURIComponent(listing.listingId);
    [['approval', 'Approve and publish', 'button', 'Approved: it is on the public board now.'],
      ['return', 'Return to partner', 'button secondary', 'Returned to the partner.'],
      ['decline', 'Decline', 'button secondary', 'Declined.']].forEach(function (action) {
      const button = el('button', action[2], action[1]);
      button.type = 'button';
      button.addEventListener('click', function () {
        button.disabled = true;
        const body = action[0] === 'approval' ? null : { reason: form.elements.reason.value };
        Staff.api('POST', base + '/' + action[0], body).then(function (result) {
          if (Staff.report(form, result, action[3])) {
            actions.remove();
            setTimeout(reload, 1500);
          }
        }).finally(function () {
          button.disabled = false;
        });
      });
      actions.appendChild(button);
    });
    form.append(actions, Staff.statusLine());
    item.appendChild(form);
    return item;
  }

  Staff.page(['superintendent', 'district-staff'], function (user, district) {
    const body = document.getElementById('page-body');
    function reload() {
      Dop.block(body, 'review queue', function () {
        return Staff.load('/api/partnerships/districts/' + encodeURIComponent(district) + '/review-queue');
      }, function (queue) {
        const card = el('section', 'card');
        card.setAttribute('aria-labelledby', 'queue-heading');
        const heading = el('h2', null, 'Waiting for review');
        heading.id = 'queue-heading';
        card.appendChild(heading);
        const list = el('ul', 'rows');
        (queue.submitted || []).forEach(function (listing) {
          list.appendChild(listingItem(district, listing, reload));
        });
        if (!list.children.length) {
          list.appendChild(el('li', 'meta', 'No listing is waiting for review.'));
        }
        card.appendChild(list);
        const refresh = el('button', 'button secondary', 'Refresh');
        refresh.type = 'button';
        refresh.addEventListener('click', reload);
        card.appendChild(refresh);
        const expiring = queue.expiringWithin30Days || [];
        const section = el('section', 'card');
        section.appendChild(el('h2', null, 'Partner commitments expiring within 30 days'));
        const rows = el('ul', 'rows');
        expiring.forEach(function (e) {
          rows.appendChild(el('li', null, (e.partnerName || e.partnerId) + ': ' + Dop.humanize(e.item || e.kind || '')
              + ' expires ' + Dop.formatDate(e.expiresAt)));
        });
        if (!rows.children.length) {
          rows.appendChild(el('li', 'meta', 'None.'));
        }
        section.appendChild(rows);
        const renew = el('p', 'meta');
        const link = el('a', null, 'Partners page');
        link.href = '/staff/partners.html';
        renew.append('Renew agreements and attestations, or onboard a new partner, on the ', link, '.');
        section.appendChild(renew);
        return [card, section];
      });
    }
    reload();
  });
})();
