// District staff onboard partner organisations and keep them in good standing: the agreement (MOU) and the two
// attestations a partner needs before its listings can be published. Each partner shows plainly what it still lacks.
(function () {
  'use strict';

  const Dop = window.Dop;
  const Staff = window.Staff;
  const el = Dop.el;
  // partnership-api's OrganisationType and AttestationType
  const ORGANISATION_TYPES = ['BUSINESS', 'COMMUNITY_ORGANISATION', 'HIGHER_EDUCATION', 'GOVERNMENT', 'FAITH_BASED', 'OTHER'];
  const ATTESTATION_TYPES = ['LIABILITY_INSURANCE', 'BACKGROUND_CHECKS'];
  // the read side follows a change within a moment: look this often, this many times, before showing what it has
  const POLL_MS = 500;
  const POLL_TRIES = 20;

  function inAYear() {
    const date = new Date();
    date.setUTCFullYear(date.getUTCFullYear() + 1);
    return date.toISOString().slice(0, 10);
  }

  /** The service's standing reasons ("no LIABILITY_INSURANCE attestation") in plain words. */
  function plain(reason) {
    return String(reason).replace(/\b[A-Z][A-Z_]+\b/g, function (name) { return Dop.humanize(name).toLowerCase(); });
  }

  function listInWords(items) {
    return items.length < 2 ? items.join('') : items.slice(0, -1).join(', ') + ' and ' + items[items.length - 1];
  }

  function sameInstant(a, b) {
    return a != null && b != null && Date.parse(a) === Date.parse(b);
  }

  /** GETs url until check(body) holds (the read side caught up with a change); resolves the last body seen. */
  function awaitReadSide(url, check) {
    let last = null;
    return Staff.until(function () {
      return Staff.api('GET', url)
          .then(function (result) { return result.ok ? result.body : null; }, function () { return null; })
          .then(function (body) {
            last = body || last;
            return body;
          });
    }, function (body) { return !!body && check(body); }, POLL_TRIES, POLL_MS).then(function () { return last; });
  }

  /**
   * Whether the read side has reached the version a write answered with. A change of standing is a second event
   * after the change itself, and the answer's version includes it: waiting for the agreement alone could show it
   * beside the standing it replaced.
   */
  function reached(version) {
    return function (view) {
      return view.version != null && version != null && view.version >= version;
    };
  }

  function standing(partner) {
    const box = el('div', 'standing');
    if (partner.goodStanding) {
      box.appendChild(el('span', 'badge badge-on-track', 'Can publish listings'));
      box.appendChild(el('p', 'standing-detail', 'In good standing: current agreement, liability insurance and background checks.'));
      return box;
    }
    box.appendChild(el('span', 'badge badge-off-track', 'Cannot publish listings yet'));
    const reasons = (partner.standingReasons || []).map(plain);
    box.appendChild(el('p', 'standing-detail', reasons.length
        ? 'Missing: ' + listInWords(reasons) + '. Record ' + (reasons.length > 1 ? 'them' : 'it') + ' below.'
        : 'Not in good standing.'));
    return box;
  }

  function agreementText(agreement, goalTitles) {
    if (!agreement) {
      return ['None on record', null, null];
    }
    // an agreement runs through its end day (it expires as the next day starts, UTC) unless the API was given another expiry
    const next = new Date(Date.parse(agreement.end + 'T00:00:00Z') + 86400000).toISOString();
    const term = Dop.formatDate(agreement.start) + ' \u2013 ' + Dop.formatDate(agreement.end)
        + (agreement.expired ? ' (expired)' : sameInstant(agreement.expiresAt, next) ? '' : ', expires ' + Dop.formatDate(agreement.expiresAt));
    const goals = (agreement.goalIds || []).map(function (id) { return goalTitles[id] || id; });
    const alignment = agreement.alignment === 'VERIFIED' ? null
        : agreement.alignment === 'UNVERIFIED' ? 'Goals not verified yet (the plan service did not answer); checked again later'
            : Dop.humanize(agreement.alignment) + (agreement.unknownGoalIds && agreement.unknownGoalIds.length
                ? ': not in the plan: ' + agreement.unknownGoalIds.join(', ') : '');
    return [term, goals.length ? goals.join('; ') : 'None named', alignment];
  }

  function attestationText(partner, type) {
    const found = (partner.attestations || []).filter(function (a) { return a.type === type; })[0];
    if (!found) {
      return 'None on record';
    }
    return (found.expired ? 'Expired ' : 'Valid until ') + Dop.formatDate(found.expiresAt) + ' \u00b7 reference ' + found.reference;
  }

  /** What the page knows of a partner: standing, agreement, attestations (re-rendered after each change). */
  function partnerState(partner, goalTitles) {
    const wrap = el('div', 'partner-state');
    const agreement = agreementText(partner.agreement, goalTitles);
    wrap.append(standing(partner), Dop.facts([
      ['Agreement', agreement[0]],
      ['Plan goals', agreement[1]],
      ['Alignment', agreement[2]],
      ['Liability insurance', attestationText(partner, 'LIABILITY_INSURANCE')],
      ['Background checks', attestationText(partner, 'BACKGROUND_CHECKS')]
    ]));
    return wrap;
  }

  function goalChoices(key, goals) {
    const set = el('fieldset', 'field wide goal-choices');
    set.appendChild(el('legend', null, 'Plan goals the partnership serves (optional)'));
    if (goals === null) {
      set.appendChild(el('p', 'meta', 'The plan\u2019s goals could not be loaded; the agreement can be recorded without them.'));
    } else if (!goals.length) {
      set.appendChild(el('p', 'meta', 'The district\u2019s plan has no goals yet.'));
    }
    (goals || []).forEach(function (goal, index) {
      const box = Staff.input('goalIds', 'checkbox', { value: goal.goalId });
      box.id = 'ag-goal-' + key + '-' + index;
      const label = el('label', 'choice', goal.title);
      label.htmlFor = box.id;
      const row = el('div', 'choice-row');
      row.append(box, label);
      set.appendChild(row);
    });
    return set;
  }

  function agreementForm(district, partner, goals, onChanged) {
    const key = partner.partnerId;
    const form = el('form', 'form agreement-form');
    form.noValidate = true; // the service names each wrong field; its messages are shown next to them
    form.setAttribute('aria-label', 'Agreement of ' + partner.name);
    const current = partner.agreement;
    form.append(
        Staff.field('ag-start-' + key, 'Starts on', Staff.input('start', 'date', { required: '', value: Staff.today() })),
        Staff.field('ag-end-' + key, 'Ends on', Staff.input('end', 'date', { required: '', value: inAYear() })),
        goalChoices(key, goals));
    (current && current.goalIds || []).forEach(function (id) {
      form.querySelectorAll('input[name=goalIds]').forEach(function (box) {
        box.checked = box.defaultChecked = box.defaultChecked || box.value === id;
      });
    });
    const save = Staff.submitRow(form, current ? 'Renew the agreement' : 'Record the agreement');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      const request = {
        start: form.elements.start.value || null, end: form.elements.end.value || null,
        goalIds: Array.prototype.filter.call(form.querySelectorAll('input[name=goalIds]'), function (box) { return box.checked; })
            .map(function (box) { return box.value; })
      };
      save.disabled = true;
      Staff.api('PUT', partnerUrl(district, key) + '/agreement', request).then(function (result) {
        const unverified = result.ok && result.body && result.body.alignment === 'UNVERIFIED'
            ? ' The plan service did not answer: its goals are checked again later.' : '';
        if (Staff.report(form, result, 'Agreement recorded: ' + Dop.formatDate(request.start) + ' to '
            + Dop.formatDate(request.end) + '.' + unverified)) {
          save.textContent = 'Renew the agreement';
          return onChanged(reached(result.body.version));
        }
      }).finally(function () {
        save.disabled = false;
      });
    });
    return form;
  }

  function attestationForm(district, partner, onChanged) {
    const key = partner.partnerId;
    const form = el('form', 'form attestation-form');
    form.noValidate = true;
    form.setAttribute('aria-label', 'Attestation of ' + partner.name);
    const missing = ATTESTATION_TYPES.filter(function (type) {
      return !(partner.attestations || []).some(function (a) { return a.type === type && !a.expired; });
    });
    form.append(
        Staff.field('at-type-' + key, 'Attestation', Staff.select('type', ATTESTATION_TYPES, missing[0] || ATTESTATION_TYPES[0])),
        Staff.field('at-expires-' + key, 'Expires on', Staff.input('expiresAt', 'date', { required: '', value: inAYear() })),
        Staff.field('at-reference-' + key, 'Reference (policy or check number)', Staff.input('reference', 'text', { maxlength: '200', required: '' })));
    const save = Staff.submitRow(form, 'Record the attestation');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      const day = form.elements.expiresAt.value;
      const request = {
        type: form.elements.type.value, expiresAt: day ? day + 'T00:00:00Z' : null,
        reference: form.elements.reference.value.trim() || null
      };
      save.disabled = true;
      Staff.api('POST', partnerUrl(district, key) + '/attestations', request).then(function (result) {
        if (Staff.report(form, result, Dop.humanize(request.type) + ' recorded, expires ' + Dop.formatDate(day) + '.')) {
          form.elements.reference.value = '';
          return onChanged(reached(result.body.version));
        }
      }).finally(function () {
        save.disabled = false;
      });
    });
    return form;
  }

  function partnerUrl(district, partnerId) {
    return '/api/partnerships/districts/' + encodeURIComponent(district) + '/partners/' + encodeURIComponent(partnerId);
  }

  function partnerItem(district, partner, goals, goalTitles) {
    const item = el('li', 'partner-item');
    item.setAttribute('data-partner-id', partner.partnerId);
    item.setAttribute('data-standing', partner.goodStanding ? 'good' : 'not-yet');
    item.appendChild(el('h3', 'row-title', partner.name));
    const meta = el('p', 'meta', Dop.humanize(partner.type) + ' \u00b7 id ' + partner.partnerId);
    if (partner.website && /^https?:\/\//.test(partner.website)) {
      const link = el('a', null, partner.website);
      link.href = partner.website;
      link.rel = 'noopener noreferrer';
      meta.append(' \u00b7 ', link);
    }
    item.appendChild(meta);
    if (partner.description) {
      item.appendChild(el('p', null, partner.description));
    }
    let state = partnerState(partner, goalTitles);
    item.appendChild(state);

    // after a change: wait until the read side shows it, then redraw the state (the forms keep their status line)
    function changed(check) {
      return awaitReadSide(partnerUrl(district, partner.partnerId), check).then(function (view) {
        if (view) {
          const next = partnerState(view, goalTitles);
          state.replaceWith(next);
          state = next;
          item.setAttribute('data-standing', view.goodStanding ? 'good' : 'not-yet');
        }
      });
    }

    [['Set or renew the agreement', agreementForm(district, partner, goals, changed)],
      ['Record an attestation', attestationForm(district, partner, changed)]].forEach(function (part) {
      const details = el('details');
      details.append(el('summary', null, part[0]), part[1]);
      item.appendChild(details);
    });
    return item;
  }

  function onboardForm(district, onOnboarded) {
    const card = el('section', 'card');
    card.setAttribute('aria-labelledby', 'onboard-heading');
    const heading = el('h2', null, 'Onboard a partner');
    heading.id = 'onboard-heading';
    card.appendChild(heading);
    card.appendChild(el('p', 'meta', 'The partner id is what the identity provider binds a partner\u2019s accounts to '
        + '(lower-case letters, digits and dashes); left empty, one is made up.'));
    const form = el('form', 'form onboard-form');
    form.noValidate = true;
    form.append(
        Staff.field('p-name', 'Organisation name', Staff.input('name', 'text', { maxlength: '200', required: '' })),
        Staff.field('p-partnerId', 'Partner id', Staff.input('partnerId', 'text', { maxlength: '64', pattern: '[a-z0-9][a-z0-9-]{1,63}' })),
        Staff.field('p-type', 'Kind of organisation', Staff.select('type', ORGANISATION_TYPES, 'BUSINESS')),
        Staff.field('p-website', 'Website', Staff.input('website', 'url', { maxlength: '300', placeholder: 'https://' })),
        Staff.field('p-description', 'Description', Staff.input('description', 'textarea', { maxlength: '2000' }), true));
    const submit = Staff.submitRow(form, 'Onboard partner');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      const text = function (name) { return form.elements[name].value.trim() || null; };
      const request = {
        partnerId: text('partnerId'), name: text('name'), type: form.elements.type.value,
        description: text('description'), website: text('website')
      };
      submit.disabled = true;
      Staff.api('POST', '/api/partnerships/districts/' + encodeURIComponent(district) + '/partners', request)
          .then(function (result) {
            if (result.status === 409 && result.body && !(result.body.errors || []).length) {
              // the service says the id is taken without naming the field: it can only be the partner id
              result.body.errors = [{ field: 'partnerId', message: 'already taken: choose another id' }];
            }
            if (Staff.report(form, result, 'Onboarded ' + request.name + '. It can publish listings once it has an '
                + 'agreement and both attestations.')) {
              form.reset();
              return onOnboarded(result.body.partnerId);
            }
          })
          .finally(function () {
            submit.disabled = false;
          });
    });
    card.appendChild(form);
    return card;
  }

  Staff.page(['superintendent', 'district-staff'], function (user, district) {
    const body = document.getElementById('page-body');
    const card = el('section', 'card');
    card.setAttribute('aria-labelledby', 'partners-heading');
    const heading = el('h2', null, 'The district\u2019s partners');
    heading.id = 'partners-heading';
    const list = el('div', 'block');
    list.id = 'partner-list';
    const refresh = el('button', 'button secondary', 'Refresh');
    refresh.type = 'button';
    refresh.addEventListener('click', function () { load(); });
    card.append(heading, list, refresh);
    const partnersUrl = '/api/partnerships/districts/' + encodeURIComponent(district) + '/partners';

    function load() {
      return Dop.block(list, 'partners', function () {
        // the plan's goals are a convenience for the agreement form: without them the page still works
        const goals = Staff.load('/api/vision/public/districts/' + encodeURIComponent(district) + '/plans')
            .then(function (plans) {
              return (plans || []).reduce(function (all, plan) { return all.concat(plan.goals || []); }, []);
            }, function () { return null; });
        return Promise.all([Staff.load(partnersUrl), goals]);
      }, function (loaded) {
        const partners = (loaded[0] || []).slice().sort(function (a, b) { return String(a.name).localeCompare(String(b.name)); });
        const goals = loaded[1];
        const goalTitles = {};
        (goals || []).forEach(function (goal) { goalTitles[goal.goalId] = goal.title; });
        const rows = el('ul', 'rows partners');
        partners.forEach(function (partner) {
          rows.appendChild(partnerItem(district, partner, goals, goalTitles));
        });
        if (!rows.children.length) {
          rows.appendChild(el('li', 'meta', 'No partner yet: onboard the first one below.'));
        }
        return rows;
      });
    }

    body.replaceChildren(card, onboardForm(district, function (partnerId) {
      return awaitReadSide(partnersUrl, function (partners) {
        // onboarding records the partner and then its (not yet good) standing: wait for both
        return (partners || []).some(function (p) {
          return p.partnerId === partnerId && (p.goodStanding || (p.standingReasons || []).length > 0);
        });
      }).then(load);
    }));
    load();
  });
})();
