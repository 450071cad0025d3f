// Pairing pages: pickers of one member or one household (a chosen match fills a hidden id), and
// the new-pairing form reloading itself when its kind changes (the fields depend on it).
(function () {
  'use strict';
  document.addEventListener('click', function (e) {
    var option = e.target.closest('.mp-option, .hp-option');
    if (!option) { return; }
    var picker = option.closest('[data-single-picker]');
    if (!picker) { return; }
    e.preventDefault();
    e.stopPropagation();
    picker.querySelector('.sp-id').value = option.dataset.id;
    picker.querySelector('.sp-query').value = option.dataset.name;
    picker.querySelector('.list-group').innerHTML = '';
  }, true);
  document.addEventListener('input', function (e) {
    var picker = e.target.closest('[data-single-picker]');
    if (picker && e.target.classList.contains('sp-query') && e.target.value.trim() === '') {
      picker.querySelector('.sp-id').value = '';
    }
  });
  document.addEventListener('change', function (e) {
    if (e.target.hasAttribute('data-reload-on-change')) {
      var url = new URL(window.location.href);
      url.searchParams.set(e.target.name, e.target.value);
      window.location.href = url.toString();
    }
  });
}());
