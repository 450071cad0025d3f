// Small behaviours shared by all pages; htmx does the rest.
document.addEventListener('click', function (e) {
  // Membership rows of the member form: add one by cloning the template row.
  const add = e.target.closest('[data-add-row]');
  if (add) {
    const table = document.querySelector(add.dataset.addRow);
    const rows = table.querySelectorAll('tbody tr');
    const clone = rows[rows.length - 1].cloneNode(true);
    // the next free index: after removing a middle row, rows.length may still be in use
    let index = 0;
    table.querySelectorAll('[name]').forEach(function (el) {
      const m = el.name.match(/\[(\d+)\]/);
      if (m) { index = Math.max(index, parseInt(m[1], 10) + 1); }
    });
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

// Member picker: a chosen match becomes a chip with a hidden input; × removes it.
document.addEventListener('click', function (e) {
  const option = e.target.closest('.mp-option');
  if (option) {
    const picker = option.closest('.member-picker');
    const chips = picker.querySelector('.mp-chips');
    if (picker.dataset.single === 'true') { chips.innerHTML = ''; }
    if (!chips.querySelector('input[value="' + option.dataset.id + '"]')) {
      const chip = document.createElement('span');
      chip.className = 'badge bg-light text-dark border mp-chip d-inline-flex align-items-center gap-1';
      const input = document.createElement('input');
      input.type = 'hidden'; input.name = picker.dataset.field || 'memberIds'; input.value = option.dataset.id;
      const name = document.createElement('span');
      name.textContent = option.dataset.name;
      const close = document.createElement('button');
      close.type = 'button'; close.className = 'btn-close mp-remove'; close.style.fontSize = '.6rem';
      chip.append(input, name, close);
      chips.appendChild(chip);
    }
    picker.querySelector('.mp-query').value = '';
    picker.querySelector('.mp-results').innerHTML = '';
  }
  const remove = e.target.closest('.mp-remove');
  if (remove) { remove.closest('.mp-chip').remove(); }
});

// The phone form: the device's position and time go with the entry, if the user allows it.
document.addEventListener('DOMContentLoaded', function () {
  const form = document.querySelector('form[data-capture-location]');
  if (!form) { return; }
  const captured = form.querySelector('[name=capturedAt]');
  if (captured && !captured.value) { captured.value = new Date().toISOString(); }
  if (navigator.geolocation) {
    navigator.geolocation.getCurrentPosition(function (pos) {
      form.querySelector('[name=latitude]').value = pos.coords.latitude.toFixed(6);
      form.querySelector('[name=longitude]').value = pos.coords.longitude.toFixed(6);
      const note = form.querySelector('#location-note');
      if (note) { note.classList.remove('d-none'); }
    }, function () { /* no position: the entry is saved without it */ }, {timeout: 8000, maximumAge: 600000});
  }
});

// Behaviours by data attribute, not inline handlers: the Content-Security-Policy allows no inline script.
document.addEventListener('change', function (e) {
  const el = e.target;
  if (el.dataset.resetOnChange && el.form && el.form[el.dataset.resetOnChange]) {
    el.form[el.dataset.resetOnChange].value = '';
  }
  if (el.hasAttribute('data-autosubmit') && el.form) {
    if (el.dataset.reset && el.form[el.dataset.reset]) { el.form[el.dataset.reset].value = ''; }
    el.form.submit();
  }
  if (el.dataset.checkAll) {
    document.querySelectorAll(el.dataset.checkAll).forEach(function (c) { c.checked = el.checked; });
  }
});
document.addEventListener('click', function (e) {
  const toggle = e.target.closest('[data-toggle-children]');
  if (!toggle) { return; }
  const open = toggle.textContent.trim() === '▸';
  toggle.textContent = open ? '▾' : '▸';
  const children = document.getElementById(toggle.dataset.toggleChildren);
  if (children) { children.classList.toggle('d-none', !open); }
});

// The statistics table: the sticky label columns sit side by side, each as wide as its words, and
// the second header row sits under the first; measured once the table is laid out.
function layoutStickyTable(table) {
  const heads = table.querySelectorAll('thead tr:first-child th.lab');
  let left = 0;
  heads.forEach(function (th, i) {
    if (i > 0) { table.style.setProperty('--l' + (i + 1), left + 'px'); }
    left += th.getBoundingClientRect().width;
  });
  const first = table.querySelector('thead tr:first-child');
  if (first) { table.style.setProperty('--h1', first.getBoundingClientRect().height / 2 + 'px'); }
  const second = table.querySelector('thead tr:nth-child(2) th');
  if (first && second) { table.style.setProperty('--h1', second.getBoundingClientRect().top - first.getBoundingClientRect().top + 'px'); }
}
document.addEventListener('DOMContentLoaded', function () {
  document.querySelectorAll('table[data-sticky-columns]').forEach(function (t) {
    layoutStickyTable(t);
    window.addEventListener('resize', function () { layoutStickyTable(t); });
  });
});
