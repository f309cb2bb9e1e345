// Superintendent: the district vision's adoption process (vision-service's VisionCommandController and
// VisionDraftController): draft (or amend the adopted vision), revise, open and close the comment period,
// moderate comments, record the board's adoption (or adopt with a waiver of the comment period).
// Every change sends the vision version it was based on as If-Match (a stale page gets a 409 it shows).
(function () {
  'use strict';

  const Dop = window.Dop;
  const Staff = window.Staff;
  const el = Dop.el;

  let base;
  let publicBase;

  function lines(text) {
    return String(text || '').split('\n').map(function (line) { return line.trim(); }).filter(Boolean);
  }

  /** A date some days ahead (UTC), e.g. the default end of a comment period. */
  function inDays(days) {
    return new Date(Date.now() + days * 86400000).toISOString().slice(0, 10);
  }

  function form(label) {
    const node = el('form', 'form');
    node.setAttribute('aria-label', label);
    return node;
  }

  /**
   * Sends a change; on success announces it in the page's status line, then reloads once the read side caught up
   * with the version the service answered (the projections are asynchronous).
   */
  function send(node, method, url, body, version, success) {
    const headers = version != null ? { 'If-Match': '"' + version + '"' } : {};
    return Staff.api(method, url, body, headers).then(function (result) {
      if (Staff.report(node, result, success)) {
        const status = document.getElementById('vision-status');
        status.className = 'form-status ok';
        status.textContent = success;
        show(result.body && result.body.version != null ? result.body.version : 0);
      }
    });
  }

  function contentFields(prefix, content, withSummary) {
    const statement = Staff.input('statement', 'textarea', { maxlength: '2000', required: '' });
    const outcomes = Staff.input('outcomes', 'textarea', { required: '' });
    const gaps = Staff.input('gaps', 'textarea', { required: '' });
    const rationale = Staff.input('rationale', 'textarea', { maxlength: '4000', required: '' });
    if (content) {
      statement.value = content.statement || '';
      outcomes.value = (content.outcomes || []).join('\n');
      gaps.value = (content.gaps || []).join('\n');
      rationale.value = content.rationale || '';
    }
    const fields = [
      Staff.field(prefix + '-statement', 'Vision statement', statement, true),
      Staff.field(prefix + '-outcomes', 'Outcomes (one a line)', outcomes, true),
      Staff.field(prefix + '-gaps', 'Gaps to close (one a line)', gaps, true),
      Staff.field(prefix + '-rationale', 'Rationale', rationale, true)];
    if (withSummary) {
      fields.push(Staff.field(prefix + '-summary', 'What changed and why (e.g. after community input)',
          Staff.input('summary', 'textarea', { maxlength: '2000', required: '' }), true));
    }
    return fields;
  }

  function contentOf(node) {
    const f = node.elements;
    return {
      statement: f.statement.value.trim(), outcomes: lines(f.outcomes.value), gaps: lines(f.gaps.value),
      rationale: f.rationale.value.trim()
    };
  }

  function adoptedSection(vision) {
    const card = el('section', 'card');
    card.id = 'adopted-vision';
    card.setAttribute('aria-labelledby', 'adopted-heading');
    const heading = el('h2', 'row-title', 'Adopted vision');
    heading.id = 'adopted-heading';
    card.appendChild(heading);
    if (!vision) {
      card.appendChild(el('p', 'meta', 'No vision adopted yet.'));
      return card;
    }
    card.appendChild(el('p', 'vision-statement', vision.statement));
    const vote = vision.boardVote || {};
    card.appendChild(Dop.facts([
      ['Draft', String(vision.draftNumber)],
      ['Adopted', Dop.formatDate(vision.adoptedOn)],
      ['Board vote', vote.votesFor != null ? vote.votesFor + ' for, ' + vote.votesAgainst + ' against, '
          + (vote.abstentions || 0) + ' abstaining (' + (vote.meetingReference || '') + ')' : ''],
      ['Waiver', vision.waiverReason || '']]));
    const history = vision.history || [];
    if (history.length) {
      card.appendChild(el('h3', 'sub-title', 'History'));
      const list = el('ol', 'rows');
      history.forEach(function (version) {
        const item = el('li');
        item.appendChild(el('p', 'row-title', 'Draft ' + version.draftNumber + ', adopted '
            + Dop.formatDate(version.adoptedOn) + (version.waiverReason ? ' (comment period waived: ' + version.waiverReason + ')' : '')));
        item.appendChild(el('p', null, version.statement));
        (version.revisions || []).forEach(function (revision) {
          item.appendChild(el('p', 'meta', 'Revised ' + Dop.formatDate(revision.revisedAt) + ': ' + revision.summary));
        });
        list.appendChild(item);
      });
      card.appendChild(list);
    }
    return card;
  }

  function newDraftForm(vision) {
    const node = form(vision ? 'Amend the adopted vision' : 'Draft the vision');
    node.append.apply(node, contentFields('new', vision, false));
    Staff.submitRow(node, vision ? 'Start an amendment' : 'Save the draft');
    node.addEventListener('submit', function (event) {
      event.preventDefault();
      send(node, 'POST', base + '/drafts', contentOf(node), vision ? vision.version : null, 'Draft saved.');
    });
    return node;
  }

  function revisionForm(draft) {
    const node = form('Revise the draft');
    node.append.apply(node, contentFields('rev', draft, true));
    Staff.submitRow(node, 'Save the revision');
    node.addEventListener('submit', function (event) {
      event.preventDefault();
      const body = contentOf(node);
      body.summary = node.elements.summary.value.trim();
      send(node, 'PUT', base + '/draft', body, draft.version, 'Draft revised.');
    });
    return node;
  }

  function openPeriodForm(draft) {
    const node = form('Open the comment period');
    node.appendChild(Staff.field('period-closes', 'Comments until (inclusive)',
        Staff.input('closesOn', 'date', { required: '', value: inDays(14) })));
    Staff.submitRow(node, 'Open the comment period');
    node.addEventListener('submit', function (event) {
      event.preventDefault();
      send(node, 'POST', base + '/comment-period', { closesOn: node.elements.closesOn.value || null }, draft.version,
          'Comment period opened.');
    });
    return node;
  }

  function closePeriodForm(draft) {
    const node = form('Close the comment period');
    Staff.submitRow(node, 'Close the comment period');
    node.addEventListener('submit', function (event) {
      event.preventDefault();
      send(node, 'POST', base + '/comment-period/close', null, draft.version, 'Comment period closed.');
    });
    return node;
  }

  function comments(draft) {
    const list = el('ul', 'rows');
    list.id = 'vision-comments';
    (draft.comments || []).forEach(function (comment) {
      const item = el('li');
      item.setAttribute('data-comment-id', comment.commentId);
      item.setAttribute('data-moderation', comment.moderation);
      item.appendChild(el('p', null, comment.text));
      item.appendChild(el('p', 'meta', Dop.humanize(comment.authorKind) + ' \u00b7 ' + Dop.formatDate(comment.submittedAt)
          + ' \u00b7 ' + Dop.humanize(comment.moderation) + (comment.moderationReason ? ': ' + comment.moderationReason : '')));
      const node = form('Moderate the comment ' + comment.commentId);
      const id = comment.commentId;
      node.appendChild(Staff.field('reason-' + id, 'Reason (needed to reject)', Staff.input('reason', 'text', { maxlength: '1000' })));
      const actions = el('div', 'actions');
      ['APPROVED', 'REJECTED'].forEach(function (decision) {
        if (comment.moderation === decision) {
          return;
        }
        const button = el('button', decision === 'APPROVED' ? 'button' : 'button secondary',
            decision === 'APPROVED' ? 'Approve' : 'Reject');
        button.type = 'button';
        button.addEventListener('click', function () {
          send(node, 'POST', base + '/comments/' + encodeURIComponent(id) + '/moderation',
              { decision: decision, reason: node.elements.reason.value.trim() || null }, draft.version,
              decision === 'APPROVED' ? 'Comment approved.' : 'Comment rejected.');
        });
        actions.appendChild(button);
      });
      node.append(actions, Staff.statusLine());
      item.appendChild(node);
      list.appendChild(item);
    });
    if (!list.children.length) {
      const none = el('li', 'meta', 'No comments on this draft yet.');
      list.appendChild(none);
    }
    return list;
  }

  function adoptionForm(draft) {
    const node = form('Record the adoption');
    node.append(
        Staff.field('adopt-date', 'Board vote on', Staff.input('date', 'date', { required: '', value: Staff.today() })),
        Staff.field('adopt-for', 'Votes for', Staff.input('votesFor', 'number', { min: '0', max: '1000', required: '' })),
        Staff.field('adopt-against', 'Votes against', Staff.input('votesAgainst', 'number', { min: '0', max: '1000', required: '' })),
        Staff.field('adopt-abstentions', 'Abstentions', Staff.input('abstentions', 'number', { min: '0', max: '1000' })),
        Staff.field('adopt-meeting', 'Board meeting reference', Staff.input('meetingReference', 'text', { maxlength: '200', required: '' })),
        Staff.field('adopt-waiver', 'Waiver reason (only when adopting without a comment period)',
            Staff.input('waiverReason', 'textarea', { maxlength: '1000' }), true));
    Staff.submitRow(node, 'Record the adoption');
    node.addEventListener('submit', function (event) {
      event.preventDefault();
      const f = node.elements;
      const number = function (input) { return input.value === '' ? null : Number(input.value); };
      send(node, 'POST', base + '/adoption', {
        boardVote: {
          date: f.date.value || null, votesFor: number(f.votesFor), votesAgainst: number(f.votesAgainst),
          abstentions: number(f.abstentions), meetingReference: f.meetingReference.value.trim()
        },
        waiverReason: f.waiverReason.value.trim() || null
      }, draft.version, 'Vision adopted.');
    });
    return node;
  }

  function draftSection(draft, vision) {
    const card = el('section', 'card');
    card.id = 'vision-draft';
    card.setAttribute('aria-labelledby', 'draft-heading');
    const heading = el('h2', 'row-title');
    heading.id = 'draft-heading';
    card.appendChild(heading);
    if (!draft) {
      heading.textContent = vision ? 'Amend the vision' : 'Draft the vision';
      card.setAttribute('data-stage', 'none');
      card.appendChild(el('p', 'meta', vision
          ? 'No draft in progress. An amendment starts from the adopted text and goes through the same steps.'
          : 'No draft yet: write the first one.'));
      card.appendChild(newDraftForm(vision));
      return card;
    }
    const period = draft.commentPeriod;
    const stage = period && period.open ? 'comment-period' : period ? 'comments-closed' : 'draft';
    card.setAttribute('data-stage', stage);
    heading.textContent = 'Draft ' + draft.draftNumber + ' in progress';
    card.appendChild(el('p', 'meta', stage === 'comment-period'
        ? 'Comment period open until ' + Dop.formatDate(period.closesOn) + '.'
        : stage === 'comments-closed' ? 'Comment period closed ' + Dop.formatDate(period.closedAt) + '; ready for the board.'
            : 'Not yet out for comment.'));
    card.appendChild(el('p', 'vision-statement', draft.statement));
    (draft.revisions || []).forEach(function (revision) {
      card.appendChild(el('p', 'meta', 'Revised ' + Dop.formatDate(revision.revisedAt) + ': ' + revision.summary));
    });

    card.appendChild(el('h3', 'sub-title', 'Comments'));
    card.appendChild(comments(draft));
    if (stage === 'comment-period') {
      card.appendChild(closePeriodForm(draft));
      return card;
    }
    const edit = el('details');
    edit.appendChild(el('summary', null, 'Edit the draft'));
    edit.appendChild(revisionForm(draft));
    card.appendChild(edit);
    card.appendChild(el('h3', 'sub-title', 'Comment period'));
    card.appendChild(openPeriodForm(draft));
    card.appendChild(el('h3', 'sub-title', 'Adoption'));
    card.appendChild(adoptionForm(draft));
    return card;
  }

  function fetchState() {
    return Promise.all([Staff.api('GET', publicBase), Staff.api('GET', base + '/draft')]).then(function (answers) {
      answers.forEach(function (answer) {
        if (!answer.ok && answer.status !== 404) {
          const error = new Error('HTTP ' + answer.status);
          error.status = answer.status;
          throw error;
        }
      });
      return { vision: answers[0].ok ? answers[0].body : null, draft: answers[1].ok ? answers[1].body : null };
    });
  }

  /** Loads until the read side reached minVersion (a few tries), then renders. */
  function caughtUp(minVersion) {
    return Staff.until(fetchState, function (state) {
      // versions start at 0 (the first event's sequence): nothing seen yet is -1
      return Math.max(state.vision ? state.vision.version : -1, state.draft ? state.draft.version : -1) >= minVersion;
    }, 21, 300);
  }

  function show(minVersion) {
    const body = document.getElementById('page-body');
    return Dop.block(body, 'vision', function () {
      return caughtUp(minVersion == null ? -1 : minVersion);
    }, function (state) {
      return [draftSection(state.draft, state.vision), adoptedSection(state.vision)];
    });
  }

  Staff.page(['superintendent'], function (user, district) {
    base = '/api/vision/districts/' + encodeURIComponent(district) + '/vision';
    publicBase = '/api/vision/public/districts/' + encodeURIComponent(district) + '/vision';
    show(-1);
  });
})();
