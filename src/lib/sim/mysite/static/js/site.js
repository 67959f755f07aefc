// mysite's small page script: marks the menu link of the page you are on.
for (const link of document.querySelectorAll('nav a')) {
	if (link.getAttribute('href') === window.location.pathname) {
		link.setAttribute('aria-current', 'page');
	}
}
