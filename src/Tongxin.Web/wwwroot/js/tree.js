// Expand or collapse every node of the organisation tree.
document.querySelectorAll('[data-tree]').forEach(function (btn) {
  btn.addEventListener('click', function () {
    var open = btn.getAttribute('data-tree') === 'expand';
    document.querySelectorAll('.org-tree details').forEach(function (d) { d.open = open; });
  });
});
