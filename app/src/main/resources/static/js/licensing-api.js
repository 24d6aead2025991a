// What the licensing pages' scripts share: calls to the JSON API with the session's CSRF header
// in the page's language, and the text of a refusal (RFC 9457 problem detail). Loaded before
// application.js and application-wizard.js; no inline script.
(function () {
  'use strict';

  // message texts come from data-msg-* attributes of an element, with {name} placeholders
  function msg(element, name, values) {
    var text = element.getAttribute('data-msg-' + name) || name;
    Object.keys(values || {}).forEach(function (key) {
      text = text.split('{' + key + '}').join(String(values[key]));
    });
    return text;
  }

  function headers(json) {
    // the API answers in the language of Accept-Language: the page's, not the browser's default
    var h = { 'Accept': 'application/json', 'Accept-Language': document.documentElement.lang || 'zh-CN' };
    if (json) {
      h['Content-Type'] = 'application/json';
    }
    var token = document.querySelector('meta[name="_csrf"]');
    var header = document.querySelector('meta[name="_csrf_header"]');
    if (token && header) {
      h[header.getAttribute('content')] = token.getAttribute('content');
    }
    return h;
  }

  // fetch, answering {ok, status, body}; a failed connection is status 0
  async function call(url, options) {
    var response;
    try {
      response = await fetch(url, Object.assign({ credentials: 'same-origin' }, options));
    } catch (e) {
      return { ok: false, status: 0, body: null };
    }
    var body = null;
    try {
      body = await response.json();
    } catch (e) {
      body = null;
    }
    return { ok: response.ok, status: response.status, body: body };
  }

  // what the person reads of a refusal
  function problemText(answer) {
    if (answer.body && (answer.body.detail || answer.body.title)) {
      return answer.body.detail || answer.body.title;
    }
    return 'HTTP ' + answer.status;
  }

  window.LicensingApi = { msg: msg, headers: headers, call: call, problemText: problemText };
})();
