// The CSV upload of the filing page (/staff/reports): reads the file in the browser, sends it to the
// filing API (POST /api/v1/reports/filings) in batches of 1,000 with the session's CSRF header, and
// shows the progress, the running counts and every rejected line with the API's messages.
// Texts come from data-msg-* attributes of the form, in the page's language. No inline script: the
// Content-Security-Policy allows scripts from this origin only.
(function () {
  'use strict';

  var BATCH = 1000;

  var form = document.getElementById('upload-form');
  if (!form) {
    return;
  }
  var fileInput = document.getElementById('csv-file');
  var submit = document.getElementById('upload-submit');
  var progressBox = document.getElementById('upload-progress');
  var bar = document.getElementById('upload-bar');
  var status = document.getElementById('upload-status');
  var errorBox = document.getElementById('upload-error');
  var rejectedBox = document.getElementById('upload-rejected');
  var rejectedBody = document.getElementById('rejected-body');
  var counts = {
    done: document.getElementById('count-done'),
    total: document.getElementById('count-total'),
    accepted: document.getElementById('count-accepted'),
    duplicate: document.getElementById('count-duplicate'),
    rejected: document.getElementById('count-rejected')
  };

  function msg(name, values) {
    var text = form.getAttribute('data-msg-' + name) || name;
    Object.keys(values || {}).forEach(function (key) {
      text = text.split('{' + key + '}').join(String(values[key]));
    });
    return text;
  }

  function number(n) {
    return n.toLocaleString(document.documentElement.lang || undefined);
  }

  // RFC 4180: commas, double quotes (doubled inside quotes), CRLF or LF line ends, quoted line breaks.
  // Answers the records with the line number each starts on.
  function parseCsv(text) {
    var records = [];
    var record = [];
    var field = '';
    var quoted = false;
    var line = 1;
    var start = 1;
    for (var i = 0; i < text.length; i++) {
      var c = text.charAt(i);
      if (quoted) {
        if (c === '"') {
          if (text.charAt(i + 1) === '"') {
            field += '"';
            i++;
          } else {
            quoted = false;
          }
        } else {
          if (c === '\n') {
            line++;
          }
          field += c;
        }
      } else if (c === '"' && field === '') {
        quoted = true;
      } else if (c === ',') {
        record.push(field);
        field = '';
      } else if (c === '\n' || c === '\r') {
        if (c === '\r' && text.charAt(i + 1) === '\n') {
          i++;
        }
        record.push(field);
        records.push({ line: start, fields: record });
        record = [];
        field = '';
        line++;
        start = line;
      } else {
        field += c;
      }
    }
    if (field !== '' || record.length > 0) {
      record.push(field);
      records.push({ line: start, fields: record });
    }
    // blank lines are no reports
    return records.filter(function (r) {
      return !(r.fields.length === 1 && r.fields[0].trim() === '');
    });
  }

  // UTF-8 (with or without BOM), else GB18030, which is what Excel in Chinese saves as "CSV".
  function decode(buffer) {
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(buffer).replace(/^\uFEFF/, '');
    } catch (e) {
      return new TextDecoder('gb18030').decode(buffer);
    }
  }

  // One line as the API's filing: scope "parameter|method;parameter|method".
  function filing(fields) {
    var scope = (fields[3] || '').split(';').filter(function (item) {
      return item.trim() !== '';
    }).map(function (item) {
      var bar = item.indexOf('|');
      return bar < 0 ? { parameter: item.trim(), method: '' }
        : { parameter: item.substring(0, bar).trim(), method: item.substring(bar + 1).trim() };
    });
    return {
      reportNumber: fields[0],
      certificateNumber: fields[1] === undefined ? null : fields[1].trim(),
      issuedOn: fields[2] === undefined ? null : fields[2].trim(),
      scope: scope,
      digest: fields[4] === undefined ? null : fields[4].trim()
    };
  }

  function csrfHeaders() {
    // the API answers in the language of Accept-Language: the page's, not the browser's default
    var headers = { 'Content-Type': 'application/json', 'Accept': 'application/json',
      'Accept-Language': document.documentElement.lang || 'zh-CN' };
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      headers[header.getAttribute('content')] = token.getAttribute('content');
    }
    return headers;
  }

  function showError(text) {
    errorBox.textContent = text;
    errorBox.hidden = false;
  }

  function addRejected(line, reportNumber, problems) {
    var row = document.createElement('tr');
    row.className = 'rejected-line';
    row.setAttribute('data-line', line);
    var cells = [msg('line', { line: line }), reportNumber || '—',
      problems.map(function (p) { return p.message + ' (' + p.code + ')'; }).join('；')];
    var labels = rejectedBox.querySelectorAll('thead th');
    cells.forEach(function (text, i) {
      var cell = document.createElement('td');
      cell.textContent = text;
      if (labels[i]) {
        cell.setAttribute('data-label', labels[i].textContent);
      }
      row.appendChild(cell);
    });
    rejectedBody.appendChild(row);
    rejectedBox.hidden = false;
  }

  function reset(total) {
    rejectedBody.textContent = '';
    rejectedBox.hidden = true;
    errorBox.hidden = true;
    errorBox.textContent = '';
    ['done', 'accepted', 'duplicate', 'rejected'].forEach(function (k) {
      counts[k].textContent = '0';
    });
    counts.total.textContent = number(total);
    bar.max = Math.max(total, 1);
    bar.value = 0;
    progressBox.hidden = false;
  }

  async function send(rows) {
    var tally = { done: 0, accepted: 0, duplicate: 0, rejected: 0 };
    for (var from = 0; from < rows.length; from += BATCH) {
      var batch = rows.slice(from, from + BATCH);
      status.textContent = msg('sending', { from: number(from + 1), to: number(from + batch.length),
        total: number(rows.length) });
      var response;
      try {
        response = await fetch(form.getAttribute('data-endpoint'), {
          method: 'POST',
          credentials: 'same-origin',
          headers: csrfHeaders(),
          body: JSON.stringify({ filings: batch.map(function (r) { return filing(r.fields); }) })
        });
      } catch (e) {
        showError(msg('failed', { message: msg('stopped') }));
        return false;
      }
      var answer = null;
      try {
        answer = await response.json();
      } catch (e) {
        answer = null;
      }
      if (!response.ok || !answer || !Array.isArray(answer.results)) {
        var detail = answer && (answer.detail || answer.title) ? (answer.detail || answer.title) : 'HTTP ' + response.status;
        showError(msg('failed', { message: detail }));
        return false;
      }
      answer.results.forEach(function (result, i) {
        if (result.status === 'REJECTED') {
          addRejected(batch[i].line, result.reportNumber || batch[i].fields[0], result.problems || []);
        }
      });
      tally.done += batch.length;
      tally.accepted += answer.accepted;
      tally.duplicate += answer.duplicate;
      tally.rejected += answer.rejected;
      Object.keys(tally).forEach(function (k) {
        counts[k].textContent = number(tally[k]);
      });
      bar.value = tally.done;
    }
    status.textContent = msg('done', { total: number(rows.length) });
    return true;
  }

  form.addEventListener('submit', async function (event) {
    event.preventDefault();
    var file = fileInput.files && fileInput.files[0];
    if (!file) {
      reset(0);
      showError(msg('choose'));
      fileInput.focus();
      return;
    }
    submit.disabled = true;
    form.setAttribute('aria-busy', 'true');
    try {
      reset(0);
      status.textContent = msg('reading');
      var records = parseCsv(decode(await file.arrayBuffer()));
      var header = records.length ? records[0].fields.map(function (f) { return f.trim(); }).join(',') : '';
      if (header !== form.getAttribute('data-header')) {
        showError(form.getAttribute('data-msg-header'));
        return;
      }
      var rows = records.slice(1);
      if (rows.length === 0) {
        showError(msg('empty'));
        return;
      }
      reset(rows.length);
      await send(rows);
    } finally {
      submit.disabled = false;
      form.removeAttribute('aria-busy');
    }
  });
}());
