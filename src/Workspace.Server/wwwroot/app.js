// The quiet banner for the live connection: said once when it drops, once when it is back. Never focus-stealing.
(function () {
  const banner = document.getElementById('components-reconnect-modal');
  if (!banner) return;
  const text = document.getElementById('connection-banner-text');
  let hideTimer;
  banner.addEventListener('components-reconnect-state-changed', function (event) {
    const state = event.detail.state;
    clearTimeout(hideTimer);
    if (state === 'show' || state === 'retrying') {
      banner.classList.add('shown');
      text.textContent = banner.dataset.lost;
    } else if (state === 'hide') {
      text.textContent = banner.dataset.back;
      hideTimer = setTimeout(function () { banner.classList.remove('shown'); text.textContent = ''; }, 5000);
    } else if (state === 'failed') {
      text.textContent = banner.dataset.failed;
      document.addEventListener('visibilitychange', function retry() {
        if (document.visibilityState === 'visible') { document.removeEventListener('visibilitychange', retry); Blazor.reconnect().then(function (ok) { if (!ok) location.reload(); }, function () { location.reload(); }); }
      });
    } else if (state === 'rejected') {
      location.reload();
    }
  });
})();

// What each page needs once it is shown, by a full load or by Blazor's enhanced navigation.
function pageShown() {
  // The browser's time zone, for the sign-in form (a first profile zone) and the settings page's suggestion.
  document.querySelectorAll('input[data-browser-zone]').forEach(function (input) {
    try { input.value = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { /* no zone: the server keeps its default */ }
  });
  document.querySelectorAll('[data-browser-zone-text]').forEach(function (element) {
    try { element.textContent = Intl.DateTimeFormat().resolvedOptions().timeZone || ''; } catch (e) { /* nothing to suggest */ }
  });
  // A browser in another zone than the profile's: say so, and let the person decide in the settings.
  const check = document.getElementById('zone-check');
  if (check) {
    try {
      const browser = Intl.DateTimeFormat().resolvedOptions().timeZone;
      const profile = check.dataset.profileZone;
      const city = function (zone) { return zone.substring(zone.lastIndexOf('/') + 1).replace(/_/g, ' '); };
      // The server names the cities in the page's language once it knows the browser's zone.
      if (browser && check.dataset.browserZone !== browser) {
        document.cookie = 'browser-zone=' + encodeURIComponent(browser) + '; path=/; max-age=31536000; samesite=lax';
      }
      if (browser && profile && browser !== profile && check.dataset.browserZone !== browser) {
        document.getElementById('zone-check-text').textContent = check.dataset.text.replace('{0}', city(browser)).replace('{1}', city(profile));
        check.hidden = false;
      }
    } catch (e) { /* no zone from the browser: nothing to ask */ }
  }
  // After a form comes back with problems, the summary takes the focus (FocusOnNavigate does not run after a POST).
  const summary = document.getElementById('error-summary');
  if (summary) summary.focus();
}
pageShown();
if (window.Blazor) Blazor.addEventListener('enhancedload', pageShown);
