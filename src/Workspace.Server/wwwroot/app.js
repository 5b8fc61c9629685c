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

// Commenting on the words selected in a paragraph: a button by the selection opens the form below on that paragraph with
// those words (and which of their repeats). Each paragraph's own "Comment or suggest" link does the same from the
// keyboard, and without this script it opens the form by a link.
(function () {
  let button;
  const form = function () { return document.getElementById('annotate'); };
  const blockOf = function (node) {
    const element = node && (node.nodeType === 1 ? node : node.parentElement);
    return element && element.closest('.numbered [data-block]');
  };
  // The block's words as people read them: without its number and its own control.
  const textBefore = function (block, range) {
    const before = document.createRange();
    before.setStart(block, 0);
    before.setEnd(range.startContainer, range.startOffset);
    const fragment = before.cloneContents();
    fragment.querySelectorAll('.block-number, .block-action').forEach(function (e) { e.remove(); });
    return fragment.textContent.replace(/^\s+/, '');
  };
  const open = function (blockId, quote, occurrence) {
    const section = form();
    if (!section) return false;
    section.querySelector('#block').value = blockId;
    section.querySelector('#quote').value = quote || '';
    section.querySelector('#occurrence').value = occurrence || 1;
    section.scrollIntoView({ block: 'start' });
    (quote ? section.querySelector('input[name="Annotation.Kind"]:checked') : section.querySelector('#quote')).focus();
    return true;
  };
  const hide = function () { if (button) button.hidden = true; };
  document.addEventListener('selectionchange', function () {
    const section = form();
    const selection = document.getSelection();
    if (!section || !selection || selection.isCollapsed || selection.rangeCount === 0) { hide(); return; }
    const range = selection.getRangeAt(0);
    const block = blockOf(range.startContainer);
    if (!block || block !== blockOf(range.endContainer)) { hide(); return; }
    const quote = selection.toString().trim();
    if (!quote) { hide(); return; }
    if (!button) {
      button = document.createElement('button');
      button.type = 'button';
      button.className = 'selection-action';
      button.addEventListener('mousedown', function (event) { event.preventDefault(); });
      button.addEventListener('click', function () {
        const chosen = button.chosen;
        hide();
        if (chosen) open(chosen.block, chosen.quote, chosen.occurrence);
      });
      document.body.appendChild(button);
    }
    button.textContent = section.dataset.selectionLabel;
    // Which repeat of the words was chosen: those that start before the selection, counted as the server finds them.
    const before = textBefore(block, range) + quote;
    let occurrence = 0;
    for (let at = before.indexOf(quote); at >= 0 && at <= before.length - quote.length; at = before.indexOf(quote, at + 1)) occurrence++;
    button.chosen = { block: block.dataset.block, quote: quote, occurrence: Math.max(1, occurrence) };
    const rect = range.getBoundingClientRect();
    button.style.insetBlockStart = (window.scrollY + rect.bottom + 6) + 'px';
    button.style.left = Math.max(8, Math.min(window.scrollX + rect.left, window.scrollX + document.documentElement.clientWidth - 220)) + 'px';
    button.hidden = false;
  });
  document.addEventListener('click', function (event) {
    const link = event.target.closest && event.target.closest('.numbered .block-action');
    if (!link) return;
    const block = link.closest('[data-block]');
    if (block && open(block.dataset.block, '', 1)) event.preventDefault();
  });
})();
