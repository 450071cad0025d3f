// 协商在基层: behaviours by data attribute (the Content-Security-Policy allows no inline script).
document.addEventListener('click', function (e) {
  // A print button on the outcome report page.
  if (e.target.closest('[data-print]')) {
    e.preventDefault();
    window.print();
  }
});
document.addEventListener('change', function (e) {
  // Choosing a platform on the topic form proposes its place (the user may choose another).
  const el = e.target;
  if (el.matches('select[data-platform-places]')) {
    const option = el.options[el.selectedIndex];
    const picker = el.form.querySelector('.region-picker');
    if (option && option.dataset.region && picker && !picker.querySelector('.rp-code').value) {
      picker.querySelector('.rp-code').value = option.dataset.region;
      picker.querySelector('.rp-query').value = option.dataset.regionName || '';
    }
  }
});
