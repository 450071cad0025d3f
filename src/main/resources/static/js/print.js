// The printable table opens the browser's print dialog once it is laid out (a file, not an inline handler: CSP).
window.addEventListener('load', function () { window.print(); });
