// Small behaviours shared by all pages; htmx does the rest.
document.addEventListener('click', function (e) {
  // Membership rows of the member form: add one by cloning the template row.
  const add = e.target.closest('[data-add-row]');
  if (add) {
    const table = document.querySelector(add.dataset.addRow);
    const rows = table.querySelectorAll('tbody tr');
    const clone = rows[rows.length - 1].cloneNode(true);
    const index = rows.length;
    clone.querySelectorAll('select, input').forEach(function (el) {
      el.name = el.name.replace(/\[\d+\]/, '[' + index + ']');
      el.id = el.name;
      if (el.tagName === 'SELECT') { el.selectedIndex = 0; } else { el.value = ''; }
    });
    table.querySelector('tbody').appendChild(clone);
  }
  const remove = e.target.closest('[data-remove-row]');
  if (remove) {
    const row = remove.closest('tr');
    if (row.parentElement.children.length > 1) { row.remove(); }
    else { row.querySelectorAll('select, input').forEach(function (el) { el.value = ''; }); }
  }
  // Confirm before destructive actions.
  const confirmEl = e.target.closest('[data-confirm]');
  if (confirmEl && !window.confirm(confirmEl.dataset.confirm)) { e.preventDefault(); }
});

// Region picker: a chosen match fills the hidden code; clearing the text clears the code.
document.addEventListener('click', function (e) {
  const option = e.target.closest('.rp-option');
  if (!option) { return; }
  const picker = option.closest('.region-picker');
  picker.querySelector('.rp-code').value = option.dataset.code;
  picker.querySelector('.rp-query').value = option.dataset.name;
  picker.querySelector('.rp-results').innerHTML = '';
});
document.addEventListener('input', function (e) {
  if (e.target.classList.contains('rp-query') && e.target.value.trim() === '') {
    e.target.closest('.region-picker').querySelector('.rp-code').value = '';
  }
});
