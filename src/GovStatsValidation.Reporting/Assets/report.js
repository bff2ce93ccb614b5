(function () {
  'use strict';
  function clear(section) {
    section.querySelectorAll('.active').forEach(function (e) { e.classList.remove('active'); });
  }
  document.querySelectorAll('li.finding').forEach(function (li) {
    li.addEventListener('click', function () {
      var section = li.closest('section.report, section.jurisdiction');
      clear(section);
      li.classList.add('active');
      section.querySelectorAll('td[data-findings]').forEach(function (td) {
        if (td.getAttribute('data-findings').split(' ').indexOf(li.id) >= 0) { td.classList.add('active'); }
      });
    });
  });
  document.querySelectorAll('td.cell-flagged').forEach(function (td) {
    td.addEventListener('click', function () {
      var section = td.closest('section.report, section.jurisdiction');
      clear(section);
      td.classList.add('active');
      (td.getAttribute('data-findings') || '').split(' ').forEach(function (id) {
        var li = id && document.getElementById(id);
        if (li) { li.classList.add('active'); }
      });
    });
  });
})();
