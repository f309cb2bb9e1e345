// Staff start page (the gateway signed the browser in before serving it): the pages for the user's roles, sign out.
(function () {
  'use strict';

  const Dop = window.Dop;
  const Staff = window.Staff;

  const PAGES = [
    { href: '/staff/vision.html', label: 'Vision adoption: draft, comment period, moderation, board adoption', roles: ['superintendent'] },
    { href: '/staff/plan.html', label: 'Strategic plan: milestones, attention, updates', roles: ['superintendent', 'district-staff'] },
    { href: '/staff/review.html', label: 'Listing approvals', roles: ['superintendent', 'district-staff'] },
    { href: '/staff/partners.html', label: 'Partners: onboard, agreements, attestations', roles: ['superintendent', 'district-staff'] },
    { href: '/staff/pilots.html', label: 'Pilots: measurements and decisions', roles: ['superintendent', 'district-staff'] },
    { href: '/staff/pd.html', label: 'Professional learning: awards and applications', roles: ['pd-staff'] },
    { href: '/staff/partner.html', label: 'My listings', roles: ['partner'] },
    { href: '/staff/educator.html', label: 'My portfolio', roles: ['educator'] },
    { href: '/staff/audit.html', label: 'Audit trail and event-chain verification', roles: ['auditor', 'superintendent'] }
  ];


  function show() {
    Staff.me().then(function (user) {
      document.getElementById('signed-in').textContent = user
          ? 'Signed in as ' + user.name + ' (' + user.roles.join(', ') + ')' : 'Not signed in';
      if (!user) { // the session ended meanwhile: sign in again
        window.location.assign('/oauth2/authorization/dop');
        return;
      }
      const next = new URLSearchParams(window.location.search).get('next');
      if (next && /^\/staff\/[a-z-]+\.html(\?[^#]*)?$/.test(next)) {
        window.location.assign(next);
        return;
      }
      const list = document.getElementById('role-pages');
      list.replaceChildren();
      PAGES.filter(function (page) { return Staff.hasRole(user, page.roles); }).forEach(function (page) {
        const item = Dop.el('li');
        const link = Dop.el('a', null, page.label);
        link.href = page.href;
        item.appendChild(link);
        list.appendChild(item);
      });
      if (!list.children.length) {
        list.appendChild(Dop.el('li', null, 'No staff pages for your role; the public dashboard shows everything published.'));
      }
    });
  }

  document.getElementById('sign-out').addEventListener('click', function (event) {
    event.currentTarget.disabled = true;
    Staff.signOut();
  });
  show();
})();
