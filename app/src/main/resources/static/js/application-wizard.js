// The application wizard (/staff/applications/new): one step at a time (type, what the procedure
// depends on, procedure, scope rows or changed values, the commitment, review), then opens the
// application through the JSON API (POST /api/v1/applications), uploads attachments and submits it
// (POST /api/v1/applications/{id}/events), all with the session's CSRF header. The procedures open
// to the applicant come from GET /api/v1/applications/procedures; where the platform does not
// answer it, every procedure defined for the type is offered and the API's refusal says why.
// Texts come from data-msg-* attributes of the form, in the page's language. No inline script: the
// Content-Security-Policy allows scripts from this origin only.
(function () {
  'use strict';

  var form = document.getElementById('wizard');
  if (!form) {
    return;
  }
  var STEPS = ['type', 'basics', 'procedure', 'details', 'commitment', 'review', 'submit'];
  var withScope = (form.getAttribute('data-with-scope') || '').split(',');
  var errorBox = document.getElementById('wizard-error');
  var back = document.getElementById('wizard-back');
  var next = document.getElementById('wizard-next');
  var create = document.getElementById('wizard-create');
  var current = 'type';
  var created = null; // the application's view once created

  var shared = window.LicensingApi;
  var headers = shared.headers;
  var call = shared.call;
  var problemText = shared.problemText;

  function msg(name, values) {
    return shared.msg(form, name, values);
  }

  function showError(text) {
    errorBox.textContent = text;
    errorBox.hidden = false;
    errorBox.focus();
  }

  function clearError() {
    errorBox.hidden = true;
    errorBox.textContent = '';
  }

  function value(name) {
    var checked = form.querySelector('input[name="' + name + '"]:checked');
    return checked ? checked.value : null;
  }

  function values(name) {
    return Array.prototype.map.call(form.querySelectorAll('input[name="' + name + '"]:checked'), function (i) {
      return i.value;
    });
  }

  function labelOf(input) {
    var label = form.querySelector('label[for="' + input.id + '"] strong, label[for="' + input.id + '"] span');
    return label ? label.textContent.trim() : input.value;
  }

  function type() {
    return value('type');
  }

  function needsScope() {
    return withScope.indexOf(type()) >= 0;
  }

  function needsCertificate() {
    return type() !== null && type() !== 'FIRST_LICENCE';
  }

  function isChange() {
    return type() === 'CHANGE';
  }

  // the items whose new value the application states: the chosen change items, or a site change's new address
  function changedItems() {
    return isChange() ? values('changeItems') : type() === 'SITE_CHANGE' ? ['SITE_ADDRESS'] : [];
  }

  function takesFields() {
    return type() !== 'CHANGE' && type() !== 'CANCELLATION';
  }

  // which steps apply to what was chosen so far
  function applies(step) {
    if (step === 'commitment') {
      return value('procedure') === 'COMMITMENT';
    }
    return true;
  }

  function show(step, quiet) {
    current = step;
    STEPS.forEach(function (s) {
      form.querySelector('fieldset[data-step="' + s + '"]').hidden = s !== step;
      var marker = form.querySelector('#wizard-steps li[data-step="' + s + '"]');
      if (s === step) {
        marker.setAttribute('aria-current', 'step');
      } else {
        marker.removeAttribute('aria-current');
      }
      marker.classList.toggle('skipped', !applies(s));
    });
    var index = STEPS.indexOf(step);
    back.hidden = index === 0 || step === 'submit';
    next.hidden = step === 'review' || step === 'submit';
    create.hidden = step !== 'review';
    var heading = form.querySelector('fieldset[data-step="' + step + '"] h2');
    if (heading && !quiet) {
      heading.focus();
    }
  }

  function neighbour(direction) {
    var i = STEPS.indexOf(current) + direction;
    while (i > 0 && i < STEPS.length - 1 && !applies(STEPS[i])) {
      i += direction;
    }
    return STEPS[Math.max(0, Math.min(STEPS.length - 1, i))];
  }

  // --- step 2: what shows for the chosen type
  function prepareBasics() {
    document.getElementById('certificate-field').hidden = !needsCertificate();
    document.getElementById('fields-field').hidden = !takesFields();
    document.getElementById('special-foods-field').hidden = !takesFields();
    document.getElementById('industry-field').hidden = !takesFields();
    document.getElementById('changes-field').hidden = !isChange();
  }

  // --- step 3: the procedures open to the applicant
  async function prepareProcedures() {
    var status = document.getElementById('procedure-status');
    status.textContent = msg('checking');
    var choices = form.querySelectorAll('.procedure-choice');
    var params = new URLSearchParams();
    params.set('type', type());
    params.set('fieldCodes', takesFields() ? values('fieldCodes').join(',') : '');
    params.set('specialFoods', String(takesFields() && document.getElementById('special-foods').checked));
    if (needsCertificate() && document.getElementById('certificate-number').value.trim() !== '') {
      params.set('certificateNumber', document.getElementById('certificate-number').value.trim());
    }
    if (isChange()) {
      params.set('changeItems', values('changeItems').join(','));
    }
    var answer = await call(form.getAttribute('data-procedures-api') + '?' + params.toString(),
      { method: 'GET', headers: headers(false) });
    var verdicts = {};
    var fallback = !answer.ok || !Array.isArray(answer.body);
    if (!fallback) {
      answer.body.forEach(function (p) {
        verdicts[p.procedure] = p;
      });
    }
    Array.prototype.forEach.call(choices, function (choice) {
      var name = choice.getAttribute('data-procedure');
      var input = choice.querySelector('input');
      var reason = choice.querySelector('.reason');
      var covers = (choice.getAttribute('data-covers') || '').split(',').indexOf(type()) >= 0;
      var open;
      var why = '';
      if (!covers) {
        open = false;
        why = msg('not-for-type');
      } else if (fallback || !verdicts[name]) {
        open = true;
      } else {
        open = verdicts[name].open === true;
        why = (verdicts[name].refusals || []).map(function (r) { return r.message || r.code; }).join('；');
      }
      input.disabled = !open;
      if (!open && input.checked) {
        input.checked = false;
      }
      choice.classList.toggle('closed', !open);
      reason.textContent = why;
      reason.hidden = why === '';
    });
    status.textContent = fallback ? msg('fallback') : '';
  }

  // --- step 4: scope rows or changed values
  // the field of each scope row: one of the fields chosen (the API takes the only one when there is one)
  function fillFieldChoices(select) {
    var chosen = values('fieldCodes');
    var keep = select.value;
    select.textContent = '';
    chosen.forEach(function (code) {
      var option = document.createElement('option');
      option.value = code;
      var label = form.querySelector('label[for="field-' + code + '"]');
      option.textContent = label ? label.textContent.replace(/\s+/g, ' ').trim() : code;
      select.appendChild(option);
    });
    if (chosen.indexOf(keep) >= 0) {
      select.value = keep;
    }
  }

  function addScopeRow() {
    var template = document.getElementById('scope-row-template');
    var row = template.content.firstElementChild.cloneNode(true);
    fillFieldChoices(row.querySelector('select[name="fieldCode"]'));
    row.querySelector('.scope-remove').addEventListener('click', function () {
      row.remove();
    });
    document.getElementById('scope-rows').appendChild(row);
    return row;
  }

  function prepareDetails() {
    var scope = needsScope();
    document.getElementById('scope-editor').hidden = !scope;
    if (scope && document.querySelectorAll('#scope-rows tr').length === 0) {
      addScopeRow();
    }
    Array.prototype.forEach.call(document.querySelectorAll('#scope-rows select[name="fieldCode"]'), fillFieldChoices);
    var chosen = changedItems();
    var anyValue = false;
    Array.prototype.forEach.call(form.querySelectorAll('.change-value'), function (field) {
      var shown = chosen.indexOf(field.getAttribute('data-item')) >= 0;
      field.hidden = !shown;
      anyValue = anyValue || shown;
    });
    document.getElementById('change-values').hidden = !anyValue;
    document.getElementById('details-none').hidden = scope || anyValue;
  }

  function scopeRows() {
    return Array.prototype.map.call(document.querySelectorAll('#scope-rows tr'), function (row) {
      function cell(name) {
        return row.querySelector('input[name="' + name + '"]').value.trim();
      }
      return { fieldCode: row.querySelector('select[name="fieldCode"]').value || null, objectName: cell('objectName'),
        parameterName: cell('parameterName'), methodCode: cell('methodCode'), limitation: cell('limitation') };
    }).filter(function (r) {
      return r.objectName || r.parameterName || r.methodCode || r.limitation;
    });
  }

  function changes() {
    var result = {};
    var chosen = changedItems();
    Array.prototype.forEach.call(form.querySelectorAll('.change-value input'), function (input) {
      var item = input.getAttribute('data-item');
      if (chosen.indexOf(item) >= 0) {
        result[item] = input.value.trim();
      }
    });
    return result;
  }

  // --- what each step needs before the next
  function check(step) {
    if (step === 'type' && !type()) {
      return msg('choose-type');
    }
    if (step === 'basics') {
      var certificate = document.getElementById('certificate-number').value.trim();
      if (needsCertificate() && !/^[0-9]{12}$/.test(certificate)) {
        return msg('certificate');
      }
      if (takesFields() && values('fieldCodes').length === 0) {
        return msg('choose-fields');
      }
      if (isChange() && values('changeItems').length === 0) {
        return msg('choose-changes');
      }
    }
    if (step === 'procedure' && !value('procedure')) {
      return msg('choose-procedure');
    }
    if (step === 'details') {
      if (needsScope()) {
        var rows = scopeRows();
        var incomplete = rows.some(function (r) { return !r.objectName || !r.parameterName || !r.methodCode; });
        if (rows.length === 0 || incomplete) {
          return msg('scope');
        }
      }
      var missing = Object.keys(changes()).filter(function (k) { return changes()[k] === ''; });
      if (missing.length > 0) {
        return msg('change-value');
      }
    }
    if (step === 'commitment' && !document.getElementById('commitment-signed').checked) {
      return msg('commitment');
    }
    return null;
  }

  function request() {
    var body = {
      type: type(),
      procedure: value('procedure'),
      fieldCodes: takesFields() ? values('fieldCodes') : [],
      specialFoods: takesFields() && document.getElementById('special-foods').checked,
      changeItems: isChange() ? values('changeItems') : [],
      certificateNumber: needsCertificate() ? document.getElementById('certificate-number').value.trim() : null
    };
    var industry = document.getElementById('industry-code').value;
    if (takesFields() && industry) {
      body.industryCode = industry;
    }
    if (needsScope()) {
      body.scope = scopeRows();
    }
    if (changedItems().length > 0) {
      body.changes = changes();
    }
    if (body.procedure === 'COMMITMENT') {
      body.commitmentSigned = document.getElementById('commitment-signed').checked;
    }
    return body;
  }

  function prepareReview() {
    var body = request();
    function set(id, text) {
      document.getElementById(id).textContent = text === '' ? msg('none') : text;
    }
    var typeInput = form.querySelector('input[name="type"]:checked');
    var procedureInput = form.querySelector('input[name="procedure"]:checked');
    set('review-type', labelOf(typeInput));
    set('review-procedure', labelOf(procedureInput));
    set('review-fields', body.fieldCodes.map(function (code) {
      var input = document.getElementById('field-' + code);
      return input ? input.parentNode.querySelector('label').textContent.replace(/\s+/g, ' ').trim() : code;
    }).join('、'));
    set('review-special-foods', body.specialFoods ? msg('yes') : msg('no'));
    set('review-changes', body.changeItems.map(function (item) {
      var label = document.querySelector('label[for="change-' + item + '"] span');
      var text = label ? label.textContent.trim() : item;
      return body.changes && body.changes[item] ? text + '：' + body.changes[item] : text;
    }).join('；'));
    set('review-certificate', body.certificateNumber || '');
    set('review-scope', (body.scope || []).map(function (r) {
      return [r.fieldCode, r.objectName, r.parameterName, r.methodCode, r.limitation].filter(Boolean).join(' / ');
    }).join('；'));
    set('review-commitment', body.procedure === 'COMMITMENT' ? msg('yes') : '');
  }

  async function go(direction) {
    clearError();
    if (direction > 0) {
      var problem = check(current);
      if (problem) {
        showError(problem);
        return;
      }
    }
    var target = neighbour(direction);
    if (target === 'basics') {
      prepareBasics();
    }
    if (target === 'procedure' && direction > 0) {
      next.disabled = true;
      try {
        await prepareProcedures();
      } finally {
        next.disabled = false;
      }
    }
    if (target === 'details') {
      prepareDetails();
    }
    if (target === 'review') {
      prepareReview();
    }
    show(target);
  }

  // --- create, upload, submit
  async function createApplication() {
    clearError();
    create.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      var answer = await call(form.getAttribute('data-api'), { method: 'POST', headers: headers(true),
        body: JSON.stringify(request()) });
      if (!answer.ok || !answer.body || !answer.body.application) {
        showError(msg('failed', { message: problemText(answer) }));
        return;
      }
      created = answer.body.application;
      document.getElementById('created-notice').textContent = msg('created', { id: created.id });
      document.getElementById('status-link').href = form.getAttribute('data-status-url') + created.id;
      Array.prototype.forEach.call(form.querySelectorAll('fieldset[data-step]:not([data-step="submit"]) input,'
        + 'fieldset[data-step]:not([data-step="submit"]) select, fieldset[data-step]:not([data-step="submit"]) button'),
      function (el) {
        el.disabled = true; // created: what it holds is on the server now
      });
      show('submit');
    } finally {
      create.disabled = false;
      form.removeAttribute('aria-busy');
    }
  }

  async function upload() {
    var status = document.getElementById('wizard-upload-status');
    var input = document.getElementById('wizard-attachment-file');
    var file = input.files && input.files[0];
    if (!created) {
      return;
    }
    if (!file) {
      status.textContent = msg('choose-file');
      input.focus();
      return;
    }
    var data = new FormData();
    data.append('file', file);
    data.append('kind', document.getElementById('wizard-attachment-kind').value);
    status.textContent = msg('uploading', { name: file.name });
    var h = headers(false);
    var answer = await call(form.getAttribute('data-api') + '/' + created.id + '/attachments',
      { method: 'POST', headers: h, body: data });
    if (!answer.ok) {
      status.textContent = msg('failed', { message: problemText(answer) });
      return;
    }
    var a = answer.body || {};
    var item = document.createElement('li');
    item.className = 'wizard-attachment';
    item.textContent = (a.filename || file.name) + (a.sha256 ? ' · SHA-256 ' + a.sha256 : '');
    document.getElementById('wizard-attachments').appendChild(item);
    status.textContent = msg('uploaded', { name: a.filename || file.name });
    input.value = '';
  }

  async function submit() {
    clearError();
    var button = document.getElementById('wizard-submit');
    button.disabled = true;
    var status = document.getElementById('wizard-upload-status');
    status.textContent = msg('submitting');
    var answer = await call(form.getAttribute('data-api') + '/' + created.id + '/events', { method: 'POST',
      headers: headers(true), body: JSON.stringify({ event: 'SUBMIT' }) });
    status.textContent = '';
    if (!answer.ok || !answer.body || !answer.body.application) {
      button.disabled = false;
      showError(msg('failed', { message: problemText(answer) }));
      return;
    }
    var state = answer.body.application.state;
    var notice = document.getElementById('submitted-notice');
    document.getElementById('submitted-text').textContent = msg('submitted', { id: created.id });
    notice.setAttribute('data-state', state);
    notice.hidden = false;
    document.getElementById('wizard-upload-button').disabled = true;
    document.getElementById('status-link').focus();
  }

  next.addEventListener('click', function () { go(1); });
  back.addEventListener('click', function () { go(-1); });
  create.addEventListener('click', createApplication);
  document.getElementById('scope-add').addEventListener('click', function () {
    addScopeRow().querySelector('input').focus();
  });
  document.getElementById('wizard-upload-button').addEventListener('click', upload);
  document.getElementById('wizard-submit').addEventListener('click', submit);
  form.addEventListener('submit', function (event) {
    event.preventDefault(); // Enter in a field goes to the next step instead of reloading the page
    if (current !== 'review' && current !== 'submit') {
      go(1);
    }
  });
  show('type', true);

  // a renewal reminder links here as ?type=RENEWAL&certificate=<number>: that choice is made, the number filled in
  var asked = new URLSearchParams(window.location.search);
  var askedType = document.getElementById('type-' + (asked.get('type') || ''));
  if (askedType && askedType.name === 'type') {
    askedType.checked = true;
  }
  if (/^\d{12}$/.test(asked.get('certificate') || '')) {
    document.getElementById('certificate-number').value = asked.get('certificate');
  }
}());
