// Signed-in pages: htmx requests that change something carry the CSRF token as a header
// (the layout puts the token and the header's name in <meta name="_csrf"> and <meta name="_csrf_header">).
// Plain forms carry it as the hidden _csrf field that Thymeleaf adds to every th:action form.
document.addEventListener('htmx:configRequest', function (event) {
  var token = document.querySelector('meta[name="_csrf"]');
  var header = document.querySelector('meta[name="_csrf_header"]');
  if (token && header && event.detail.verb !== 'get') {
    event.detail.headers[header.getAttribute('content')] = token.getAttribute('content');
  }
});
