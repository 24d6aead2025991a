// The status page of an application (/staff/applications/{id}). The server renders the application,
// its clock, team and history, and a form for each step the viewer may take now. This script posts
// those forms to the JSON API (events, team draw, findings, finding responses, attachments) with the
// session's CSRF header and reloads the page on success; it shows the API's detail on a refusal.
// It also reads the API's view (GET /api/v1/applications/{id}) for what only the API carries:
// attachments with their SHA-256, findings, scope rows, changes, clock stops and the steps the
// caller may take ("actions", which narrow the forms). Texts come from data-msg-* attributes, in the
// page's language; no inline script.
(function () {
  'use strict';

  var root = document.getElementById('application');
  if (!root) {
    return;
  }
  var api = root.getAttribute('data-api');
  var errorBox = document.getElementById('action-error');

  var shared = window.LicensingApi;
  var headers = shared.headers;
  var call = shared.call;
  var problemText = shared.problemText;

  function msg(name, values) {
    return shared.msg(root, name, values);
  }

  function showError(text, box) {
    var target = box || errorBox;
    target.textContent = msg('failed', { message: text });
    target.hidden = false;
    target.setAttribute('tabindex', '-1');
    target.focus();
  }

  function lang() {
    return document.documentElement.lang || 'zh-CN';
  }

  function date(iso) {
    if (!iso) {
      return '—';
    }
    if (lang() === 'en') {
      return String(iso).substring(0, 10);
    }
    var d = new Date(String(iso).length === 10 ? iso + 'T00:00:00' : iso);
    if (isNaN(d.getTime())) {
      return String(iso);
    }
    return d.getFullYear() + '年' + (d.getMonth() + 1) + '月' + d.getDate() + '日';
  }

  function number(n) {
    return Number(n).toLocaleString(lang());
  }

  function cell(row, text, label) {
    var td = document.createElement('td');
    td.textContent = text === null || text === undefined || text === '' ? '—' : text;
    if (label) {
      td.setAttribute('data-label', label);
    }
    row.appendChild(td);
    return td;
  }

  // posts and reloads; a refusal stays on the page with its detail
  async function post(url, body, button, box) {
    if (button) {
      button.disabled = true;
    }
    var options = { method: 'POST', headers: headers(!(body instanceof FormData)),
      body: body instanceof FormData ? body : JSON.stringify(body) };
    var answer = await call(url, options);
    if (!answer.ok) {
      if (button) {
        button.disabled = false;
      }
      showError(problemText(answer), box);
      return null;
    }
    window.location.reload();
    return answer;
  }

  // --- the step forms
  Array.prototype.forEach.call(document.querySelectorAll('form.action-form'), function (form) {
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var note = form.querySelector('textarea[name="note"]');
      var text = note ? note.value.trim() : '';
      if (form.getAttribute('data-note-required') === 'true' && text === '') {
        showError(msg('note-required'));
        note.focus();
        return;
      }
      var body = { event: form.getAttribute('data-event'), note: text === '' ? null : text };
      var mode = form.querySelector('select[name="mode"]');
      if (mode && mode.value) {
        body.mode = mode.value; // START_ASSESSMENT: on site, remote or on the documents
      }
      post(api + '/events', body, form.querySelector('button[type="submit"]'));
    });
  });

  var teamForm = document.getElementById('team-form');
  if (teamForm) {
    teamForm.addEventListener('submit', function (event) {
      event.preventDefault();
      post(api + '/team', { sources: document.getElementById('team-sources').value.trim(),
        size: parseInt(document.getElementById('team-size').value, 10) }, document.getElementById('team-submit'));
    });
  }

  var findingForm = document.getElementById('finding-form');
  if (findingForm) {
    findingForm.addEventListener('submit', function (event) {
      event.preventDefault();
      post(api + '/findings', {
        clause: document.getElementById('finding-clause').value.trim(),
        description: document.getElementById('finding-description').value.trim(),
        evidence: document.getElementById('finding-evidence').value.trim(),
        nonconformity: document.getElementById('finding-nonconformity').checked
      }, document.getElementById('finding-submit'));
    });
  }

  var attachmentForm = document.getElementById('attachment-form');
  if (attachmentForm) {
    attachmentForm.addEventListener('submit', function (event) {
      event.preventDefault();
      var input = document.getElementById('attachment-file');
      var status = document.getElementById('attachment-status');
      var file = input.files && input.files[0];
      if (!file) {
        status.textContent = msg('choose');
        input.focus();
        return;
      }
      var data = new FormData();
      data.append('file', file);
      data.append('kind', document.getElementById('attachment-kind').value);
      status.textContent = msg('uploading', { name: file.name });
      post(api + '/attachments', data, document.getElementById('attachment-submit'));
    });
  }

  // --- what only the API's view carries
  function kindLabel(kind) {
    var label = document.querySelector('.kind-label[data-kind="' + kind + '"]');
    return label ? label.textContent : kind;
  }

  // a stop's reason is the step that asked the applicant (REQUEST_CORRECTION, REQUEST_RECTIFICATION), in words
  function eventLabel(event) {
    var label = document.querySelector('.event-label[data-event="' + event + '"]');
    return label ? label.textContent : event;
  }

  function renderAttachments(list) {
    var body = document.getElementById('attachments-body');
    body.textContent = '';
    var labels = Array.prototype.map.call(document.querySelectorAll('table.attachments thead th'), function (th) {
      return th.textContent;
    });
    list.forEach(function (a) {
      var row = document.createElement('tr');
      row.className = 'attachment-row';
      row.setAttribute('data-attachment-id', a.id);
      var first = cell(row, '', labels[0]);
      first.textContent = '';
      var link = document.createElement('a');
      link.href = api + '/attachments/' + encodeURIComponent(a.id);
      link.textContent = a.filename || msg('download');
      first.appendChild(link);
      cell(row, kindLabel(a.kind), labels[1]);
      cell(row, a.size === undefined || a.size === null ? '' : number(a.size) + ' B', labels[2]);
      var hash = cell(row, a.sha256, labels[3]);
      hash.className = 'mono hash sha256';
      cell(row, date(a.uploadedAt) + (a.uploadedBy ? ' · ' + a.uploadedBy : ''), labels[4]);
      body.appendChild(row);
    });
    document.getElementById('attachments-table').hidden = list.length === 0;
    document.getElementById('attachments-none').hidden = list.length > 0;
  }

  function renderFindings(list) {
    var section = document.getElementById('findings');
    var ol = document.getElementById('findings-list');
    ol.textContent = '';
    var mayRespond = root.getAttribute('data-may-respond') === 'true';
    list.forEach(function (f) {
      var li = document.createElement('li');
      li.className = 'finding' + (f.nonconformity ? ' finding-nonconformity' : '');
      li.setAttribute('data-finding-id', f.id);
      var head = document.createElement('p');
      var kind = document.createElement('strong');
      kind.textContent = (f.nonconformity ? msg('nonconformity') : msg('observation')) + (f.clause ? ' · ' + f.clause : '');
      head.appendChild(kind);
      li.appendChild(head);
      [f.description, f.evidence].forEach(function (text) {
        if (text) {
          var p = document.createElement('p');
          p.textContent = text;
          li.appendChild(p);
        }
      });
      if (f.response) {
        var response = document.createElement('p');
        response.className = 'finding-response';
        response.textContent = msg('responded', { date: date(f.respondedAt) }) + ' ' + f.response;
        li.appendChild(response);
      } else if (mayRespond && f.nonconformity) {
        li.appendChild(responseForm(f));
      }
      ol.appendChild(li);
    });
    document.getElementById('findings-none').hidden = list.length > 0;
    if (list.length > 0) {
      section.hidden = false;
    }
  }

  function responseForm(finding) {
    var form = document.createElement('form');
    form.className = 'staff-form response-form';
    var id = 'response-' + finding.id;
    var label = document.createElement('label');
    label.setAttribute('for', id);
    label.textContent = msg('response');
    var area = document.createElement('textarea');
    area.id = id;
    area.rows = 3;
    area.required = true;
    area.maxLength = 4000;
    var button = document.createElement('button');
    button.type = 'submit';
    button.textContent = msg('respond');
    var box = document.createElement('p');
    box.className = 'notice notice-error';
    box.setAttribute('role', 'alert');
    box.hidden = true;
    form.appendChild(label);
    form.appendChild(area);
    form.appendChild(button);
    form.appendChild(box);
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      if (area.value.trim() === '') {
        area.focus();
        return;
      }
      post(api + '/findings/' + encodeURIComponent(finding.id) + '/response', { response: area.value.trim() }, button,
        box);
    });
    return form;
  }

  function renderScope(rows) {
    var body = document.getElementById('scope-body');
    body.textContent = '';
    var labels = Array.prototype.map.call(document.querySelectorAll('table.scope-rows thead th'), function (th) {
      return th.textContent;
    });
    rows.forEach(function (r) {
      var row = document.createElement('tr');
      row.className = 'scope-row';
      cell(row, r.objectName, labels[0]);
      cell(row, r.parameterName, labels[1]);
      var method = cell(row, r.methodCode, labels[2]);
      method.className = 'mono';
      cell(row, r.limitation, labels[3]);
      body.appendChild(row);
    });
    document.getElementById('scope').hidden = rows.length === 0;
  }

  function renderChanges(changes) {
    var list = document.getElementById('changes-list');
    list.textContent = '';
    Object.keys(changes).forEach(function (item) {
      var div = document.createElement('div');
      var dt = document.createElement('dt');
      var known = document.querySelector('.change-label[data-item="' + item + '"]');
      dt.textContent = known ? known.textContent : item;
      var dd = document.createElement('dd');
      dd.textContent = changes[item];
      div.appendChild(dt);
      div.appendChild(dd);
      list.appendChild(div);
    });
    document.getElementById('changes').hidden = Object.keys(changes).length === 0;
  }

  function renderStops(stops) {
    var list = document.getElementById('stops-list');
    list.textContent = '';
    stops.forEach(function (s) {
      var li = document.createElement('li');
      li.textContent = date(s.from) + ' – ' + (s.to ? date(s.to) : '…')
        + (s.workingDays === undefined || s.workingDays === null ? '' : ' · ' + msg('working-days', { 0: s.workingDays }))
        + (s.reason ? ' · ' + eventLabel(s.reason) : '');
      list.appendChild(li);
    });
    document.getElementById('stops').hidden = stops.length === 0;
  }

  function narrowActions(actions) {
    var forms = document.querySelectorAll('form.action-form');
    var shown = 0;
    Array.prototype.forEach.call(forms, function (form) {
      var allowed = actions.indexOf(form.getAttribute('data-event')) >= 0;
      form.hidden = !allowed;
      shown += allowed ? 1 : 0;
    });
    return shown;
  }

  async function load() {
    var answer = await call(api, { method: 'GET', headers: headers(false) });
    if (!answer.ok || !answer.body) {
      return;
    }
    var view = answer.body;
    renderAttachments(view.attachments);
    renderFindings(view.findings);
    renderScope(view.scope);
    renderChanges(view.application.changes);
    renderStops(view.stops);
    if (view.authorityWorkingDaysUsed !== null) {
      var used = document.getElementById('authority-days');
      used.querySelector('dd').textContent = msg('working-days', { 0: view.authorityWorkingDaysUsed });
      used.hidden = false;
    }
    narrowActions(view.actions);
  }

  load();
}());
