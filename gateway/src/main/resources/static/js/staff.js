// What every staff page shares: who is signed in, calling the services' APIs through the gateway, showing
// problem+json errors next to the form field they name.
//
// Sign-in: the gateway signs the browser in (OIDC) before it serves any staff page; the pages call same-origin
// /api/** with the session's cookie (credentials: 'same-origin') and echo the CSRF cookie XSRF-TOKEN in the
// X-XSRF-TOKEN header on unsafe requests, which is all a gateway with browser sessions (oauth2Login + TokenRelay)
// needs. No token ever reaches the page.
(function () {
  'use strict';

  const Dop = window.Dop;
  const el = Dop.el;

  function cookie(name) {
    const match = document.cookie.split('; ').find(function (part) { return part.indexOf(name + '=') === 0; });
    return match ? decodeURIComponent(match.slice(name.length + 1)) : null;
  }

  /** The signed-in user ({sub, name, district, roles, partner, educatorId}) or null. */
  function me() {
    return fetch('/auth/me', { credentials: 'same-origin', headers: { Accept: 'application/json' } })
        .then(function (response) {
          return response.ok ? response.json() : null;
        })
        .catch(function () { return null; })
        .then(function (session) {
          if (session && (session.sub || session.username || session.name)) {
            return {
              sub: session.sub || session.username, name: session.name || session.sub, district: session.district,
              roles: session.roles || [], partner: session.partner || null, educatorId: session.educatorId || null
            };
          }
          return null;
        });
  }

  /** Calls the API: resolves {status, body} for every answer (2xx and problem+json alike); rejects only on network errors. */
  function api(method, url, body, extraHeaders) {
    const headers = Object.assign({ Accept: 'application/json, application/problem+json' }, extraHeaders || {});
    const raw = typeof body === 'string'; // e.g. a CSV upload, with its Content-Type in extraHeaders
    if (body !== undefined && body !== null && !raw) {
      headers['Content-Type'] = 'application/json';
    }
    const xsrf = cookie('XSRF-TOKEN');
    if (xsrf) {
      headers['X-XSRF-TOKEN'] = xsrf;
    }
    return fetch(url, {
      method: method, headers: headers, credentials: 'same-origin',
      body: body === undefined || body === null ? undefined : raw ? body : JSON.stringify(body)
    }).then(function (response) {
      return response.text().then(function (text) {
        let parsed = null;
        try {
          parsed = text ? JSON.parse(text) : null;
        } catch (e) {
          parsed = { detail: text };
        }
        return { status: response.status, ok: response.ok, body: parsed };
      });
    });
  }

  /** GET that throws on anything but 2xx (for Dop.block). */
  function load(url) {
    return api('GET', url).then(function (result) {
      if (!result.ok) {
        const error = new Error('HTTP ' + result.status);
        error.status = result.status;
        throw error;
      }
      return result.body;
    });
  }

  /** Shows the outcome of a form: a success text, or the problem's detail and each field error at its field. */
  function report(form, result, success) {
    const status = form.querySelector('.form-status');
    form.querySelectorAll('.field-error').forEach(function (node) { node.remove(); });
    form.querySelectorAll('[aria-invalid]').forEach(function (node) { node.removeAttribute('aria-invalid'); });
    if (result.ok) {
      status.className = 'form-status ok';
      status.textContent = success;
      return true;
    }
    const problem = result.body || {};
    status.className = 'form-status error';
    status.textContent = result.status === 401 ? 'Please sign in again.'
        : result.status === 403 ? 'Your role may not do this.'
            : (problem.detail || problem.title || 'Something went wrong (' + result.status + ').');
    (problem.errors || []).forEach(function (error) {
      const input = form.elements[error.field];
      if (input && input.id) {
        const message = el('span', 'field-error', error.message || 'Check this field');
        message.id = input.id + '-error';
        input.setAttribute('aria-invalid', 'true');
        input.setAttribute('aria-describedby', message.id);
        input.after(message);
      }
    });
    return false;
  }

  function district(user) {
    const fromQuery = new URLSearchParams(window.location.search).get('district');
    return fromQuery || (user && user.district) || 'demo-district';
  }

  function hasRole(user, roles) {
    return !!user && (user.roles || []).some(function (role) { return roles.indexOf(role) >= 0; });
  }

  /**
   * Starts a staff page: finds the user, fills the header's "signed in as", and calls start(user, district)
   * when the user has one of the roles; otherwise explains what is missing.
   */
  function page(roles, start) {
    const slot = document.getElementById('signed-in');
    const main = document.getElementById('page-body');
    me().then(function (user) {
      if (slot) {
        slot.textContent = user ? 'Signed in as ' + user.name + ' (' + (user.roles || []).join(', ') + ') ' : 'Not signed in';
        if (user) {
          slot.appendChild(signOutButton());
        }
      }
      if (!user) {
        const box = Dop.emptyState('Please sign in', 'This page is for district staff and partners.');
        const link = el('a', 'button', 'Sign in');
        link.href = '/staff/?next=' + encodeURIComponent(window.location.pathname + window.location.search);
        box.appendChild(link);
        main.replaceChildren(box);
        return;
      }
      if (!hasRole(user, roles)) {
        main.replaceChildren(Dop.emptyState('Not for your role', 'This page is for: ' + roles.join(', ') + '.'));
        return;
      }
      start(user, district(user));
    });
  }

  /** Downloads an API answer as a file under the given name (a plain link would save it under the URL's name). */
  function download(url, filename) {
    return fetch(url, { credentials: 'same-origin' }).then(function (response) {
      if (!response.ok) {
        throw new Error('HTTP ' + response.status);
      }
      return response.blob();
    }).then(function (blob) {
      const link = el('a');
      link.href = URL.createObjectURL(blob);
      link.download = filename;
      document.body.appendChild(link);
      link.click();
      setTimeout(function () {
        URL.revokeObjectURL(link.href);
        link.remove();
      }, 1000);
    });
  }

  /**
   * Signs out: POST /logout with the CSRF header (a GET could be triggered by any page, so the gateway only takes a
   * POST). The gateway ends the session and answers, because the script asks for JSON, with where to go next in the
   * X-Logout-Location header: the identity provider's end-session URL, which ends its session too and returns to the
   * public page.
   */
  function signOut() {
    const headers = { Accept: 'application/json' };
    const xsrf = cookie('XSRF-TOKEN');
    if (xsrf) {
      headers['X-XSRF-TOKEN'] = xsrf;
    }
    return fetch('/logout', { method: 'POST', headers: headers, credentials: 'same-origin' })
        .then(function (response) {
          return response.ok ? response.headers.get('X-Logout-Location') : null;
        })
        .catch(function () { return null; })
        .then(function (location) {
          const next = location || '/';
          // only a same-origin path or an http(s) URL (the identity provider's logout)
          window.location.assign(/^(\/(?!\/)|https?:\/\/)/.test(next) ? next : '/');
        });
  }

  /** A "Sign out" button for a page header's "signed in as" line. */
  function signOutButton() {
    const button = el('button', 'button secondary sign-out', 'Sign out');
    button.type = 'button';
    button.addEventListener('click', function () {
      button.disabled = true;
      signOut();
    });
    return button;
  }

  /** A labelled form field; options turn it into a select. */
  function field(id, label, input, wide) {
    const wrap = el('div', 'field' + (wide ? ' wide' : ''));
    const labelNode = el('label', null, label);
    labelNode.htmlFor = id;
    input.id = id;
    wrap.append(labelNode, input);
    return wrap;
  }

  function input(name, type, attributes) {
    const node = el(type === 'textarea' ? 'textarea' : 'input');
    if (type !== 'textarea') {
      node.type = type || 'text';
    }
    node.name = name;
    Object.keys(attributes || {}).forEach(function (key) {
      node.setAttribute(key, attributes[key]);
    });
    return node;
  }

  function select(name, options, selected) {
    const node = el('select');
    node.name = name;
    options.forEach(function (option) {
      const value = Array.isArray(option) ? option[0] : option;
      const opt = el('option', null, Array.isArray(option) ? option[1] : Dop.humanize(option));
      opt.value = value;
      opt.selected = opt.defaultSelected = value === selected; // defaultSelected: what a form reset returns to
      node.appendChild(opt);
    });
    return node;
  }

  function statusLine() {
    const status = el('p', 'form-status');
    status.setAttribute('role', 'status');
    return status;
  }

  /** The form's submit button in an actions row, followed by the status line that report() writes to. */
  function submitRow(form, text) {
    const button = el('button', 'button', text);
    button.type = 'submit';
    const actions = el('div', 'actions');
    actions.appendChild(button);
    form.append(actions, statusLine());
    return button;
  }

  function today() {
    return new Date().toISOString().slice(0, 10);
  }

  /**
   * Calls load() (a promise) until done(value) holds or `tries` calls were made, intervalMs apart, and resolves the
   * last value. For reading after a write: the read side follows the event store within a moment.
   */
  function until(load, done, tries, intervalMs) {
    return load().then(function (value) {
      if (done(value) || tries <= 1) {
        return value;
      }
      return new Promise(function (resolve) { setTimeout(resolve, intervalMs); }).then(function () {
        return until(load, done, tries - 1, intervalMs);
      });
    });
  }

  window.Staff = {
    me: me, api: api, download: download, load: load, report: report, page: page, hasRole: hasRole, signOut: signOut,
    signOutButton: signOutButton, field: field, input: input, select: select, statusLine: statusLine, submitRow: submitRow,
    today: today, until: until
  };
})();
