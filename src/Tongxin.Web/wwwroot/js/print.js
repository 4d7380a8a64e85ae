// A [data-print] button prints the page (the print style sheet leaves out the menus).
document.querySelectorAll('[data-print]').forEach(b => b.addEventListener('click', () => window.print()));
