// Staff start page: sign in (demo fallback: interim token endpoint) and the pages for the user's roles.
(function () {
  'use strict';

  const Dop = window.Dop;
  const Staff = window.Staff;

  const PAGES = [
    { href: '/staff/plan.html', label: 'Strategic plan: milestones, attention, updates', roles: ['superintendent', 'district-staff'] },
    { href: '/staff/review.html', label: 'Listing approvals', roles: ['superintendent', 'district-staff'] },
    { href: '/staff/pilots.html', label: 'Pilots: measurements and decisions', roles: ['superintendent', 'district-staff'] },
    { href: '/staff/pd.html', label: 'Professional learning: awards and applications', roles: ['pd-staff'] },
    { href: '/staff/partner.html', label: 'My listings', roles: ['partner'] },
    { href: '/staff/educator.html', label: 'My portfolio', roles: ['educator'] }
  ];

  const form = document.getElementById('sign-in-form');
  const signedIn = document.getElementById('signed-in-box');

  function show() {
    Staff.me().then(function (user) {
      document.getElementById('signed-in').textContent = user
          ? 'Signed in as ' + user.name + ' (' + user.roles.join(', ') + ')' : 'Not signed in';
      document.getElementById('sign-in').hidden = !!user;
      signedIn.hidden = !user;
      if (!user) {
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

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    const status = form.querySelector('.form-status');
    status.className = 'form-status field wide';
    status.textContent = 'Signing in\u2026';
    Staff.demoSignIn(form.elements.username.value.trim(), form.elements.password.value)
        .then(function () {
          status.textContent = '';
          form.reset();
          show();
        })
        .catch(function (error) {
          status.className = 'form-status field wide error';
          status.textContent = error.message;
        });
  });
  document.getElementById('sign-out').addEventListener('click', function (event) {
    event.currentTarget.disabled = true;
    Staff.signOut();
  });
  show();
})();
