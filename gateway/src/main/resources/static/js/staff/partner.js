// A partner's own listings and the form to submit a new one (drafted, then submitted for the district's review).
(function () {
  'use strict';

  const Dop = window.Dop;
  const Staff = window.Staff;
  const el = Dop.el;
  const TYPES = ['INTERNSHIP', 'MENTORSHIP', 'JOB_SHADOW', 'APPRENTICESHIP', 'SERVICE_LEARNING', 'WORK_BASED_PROJECT', 'GUEST_SPEAKER'];

  function addDays(days) {
    const date = new Date();
    date.setUTCDate(date.getUTCDate() + days);
    return date.toISOString().slice(0, 10);
  }

  function listingForm(district, partnerId, user, onSubmitted) {
    const card = el('section', 'card');
    card.setAttribute('aria-labelledby', 'new-listing-heading');
    const heading = el('h2', null, 'Submit a new listing');
    heading.id = 'new-listing-heading';
    card.appendChild(heading);
    const form = el('form', 'form listing-form');
    form.noValidate = true; // the service names each wrong field; its messages are shown next to them
    const yesNo = [['false', 'No'], ['true', 'Yes']];
    const grades = ['6', '7', '8', '9', '10', '11', '12'].map(function (g) { return [g, 'Grade ' + g]; });
    form.append(
        Staff.field('l-title', 'Title', Staff.input('title', 'text', { maxlength: '200', required: '' }), true),
        Staff.field('l-type', 'Type', Staff.select('type', TYPES, 'INTERNSHIP')),
        Staff.field('l-pathway', 'Career pathway', Staff.input('pathway', 'text', { maxlength: '100', required: '' })),
        Staff.field('l-description', 'Description', Staff.input('description', 'textarea', { maxlength: '4000', required: '' }), true),
        Staff.field('l-paid', 'Paid', Staff.select('paid', yesNo, 'false')),
        Staff.field('l-paidTerms', 'Pay (if paid)', Staff.input('paidTerms', 'text', { maxlength: '500' })),
        Staff.field('l-location', 'Location', Staff.input('location', 'text', { maxlength: '300' })),
        Staff.field('l-remote', 'Remote possible', Staff.select('remote', yesNo, 'false')),
        Staff.field('l-schedule', 'Schedule', Staff.input('schedule', 'text', { maxlength: '500', required: '' })),
        Staff.field('l-hours', 'Hours per week', Staff.input('hoursPerWeek', 'number', { min: '1', max: '40', value: '4' })),
        Staff.field('l-capacity', 'Places', Staff.input('capacity', 'number', { min: '1', max: '500', value: '2' })),
        Staff.field('l-gradeMin', 'From grade', Staff.select('gradeMin', grades, '9')),
        Staff.field('l-gradeMax', 'To grade', Staff.select('gradeMax', grades, '12')),
        Staff.field('l-minimumAge', 'Minimum age', Staff.input('minimumAge', 'number', { min: '10', max: '21', value: '14' })),
        Staff.field('l-applyFrom', 'Applications from', Staff.input('applyFrom', 'date', { value: Staff.today() })),
        Staff.field('l-applyUntil', 'Applications until', Staff.input('applyUntil', 'date', { value: addDays(60) })),
        Staff.field('l-contactName', 'Contact name', Staff.input('contactName', 'text', { maxlength: '200', value: user.name || '' })),
        Staff.field('l-contactEmail', 'Contact email', Staff.input('contactEmail', 'email', { maxlength: '254' })));
    const submit = Staff.submitRow(form, 'Submit for review');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      const f = form.elements;
      const number = function (name) { return f[name].value === '' ? null : Number(f[name].value); };
      const text = function (name) { return f[name].value.trim() || null; };
      const listing = {
        type: f.type.value, title: text('title'), description: text('description'), pathway: text('pathway'),
        paid: f.paid.value === 'true', paidTerms: text('paidTerms'), location: text('location'),
        remote: f.remote.value === 'true', schedule: text('schedule'), hoursPerWeek: number('hoursPerWeek'),
        capacity: number('capacity'), gradeMin: number('gradeMin'), gradeMax: number('gradeMax'),
        minimumAge: number('minimumAge'), applyFrom: text('applyFrom'), applyUntil: text('applyUntil'),
        contactName: text('contactName'), contactEmail: text('contactEmail')
      };
      submit.disabled = true;
      const base = '/api/partnerships/districts/' + encodeURIComponent(district);
      Staff.api('POST', base + '/partners/' + encodeURIComponent(partnerId) + '/listings', listing)
          .then(function (drafted) {
            if (!drafted.ok) {
              return Staff.report(form, drafted, '');
            }
            return Staff.api('POST', base + '/listings/' + encodeURIComponent(drafted.body.listingId) + '/submission')
                .then(function (submitted) {
                  if (Staff.report(form, submitted, 'Submitted \u201c' + listing.title + '\u201d for the district\u2019s review.')) {
                    form.reset();
                    setTimeout(onSubmitted, 1000);
                  }
                });
          })
          .finally(function () {
            submit.disabled = false;
          });
    });
    card.appendChild(form);
    return card;
  }

  Staff.page(['partner'], function (user, district) {
    const body = document.getElementById('page-body');
    if (!user.partner) {
      body.replaceChildren(Dop.emptyState('No organisation', 'Your account is not bound to a partner organisation.'));
      return;
    }
    const mine = el('section', 'card');
    mine.setAttribute('aria-labelledby', 'mine-heading');
    const heading = el('h2', null, 'Your listings');
    heading.id = 'mine-heading';
    const list = el('div', 'block');
    mine.append(heading, list);

    function loadMine() {
      Dop.block(list, 'your listings', function () {
        return Staff.load('/api/partnerships/districts/' + encodeURIComponent(district) + '/partners/'
            + encodeURIComponent(user.partner) + '/listings');
      }, function (listings) {
        const rows = el('ul', 'rows my-listings');
        (listings || []).forEach(function (l) {
          const item = el('li');
          item.setAttribute('data-listing-id', l.listingId);
          item.appendChild(el('h3', 'row-title', (l.details || {}).title));
          item.appendChild(el('p', 'meta', 'Status: ' + Dop.humanize(l.status)
              + (l.submittedAt ? ' \u00b7 submitted ' + Dop.formatDate(l.submittedAt) : '')
              + (l.approvedAt ? ' \u00b7 approved ' + Dop.formatDate(l.approvedAt) : '')));
          (l.reviewNotes || []).forEach(function (note) {
            item.appendChild(el('p', 'meta', Dop.humanize(note.status) + ': ' + note.reason));
          });
          rows.appendChild(item);
        });
        if (!rows.children.length) {
          rows.appendChild(el('li', 'meta', 'No listings yet.'));
        }
        return rows;
      });
    }
    body.replaceChildren(listingForm(district, user.partner, user, loadMine), mine);
    loadMine();
  });
})();
