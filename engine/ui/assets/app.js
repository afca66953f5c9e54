// Ballast web UI: the only script the pages load (the CSP allows no other). It keeps the
// overview current through server-sent events; the server sends the new overview body, built
// and escaped on the server, only when something changed.

(() => {
  const url = document.body.getAttribute('data-live');
  const target = document.getElementById('overview');
  if (!url || !target || typeof EventSource === 'undefined') return;
  const source = new EventSource(url);
  source.addEventListener('overview', (e) => {
    target.innerHTML = e.data;
    document.body.setAttribute('data-updated', new Date().toISOString());
  });
  source.addEventListener('open', () => document.body.setAttribute('data-live-state', 'connected'));
  source.addEventListener('error', () => document.body.setAttribute('data-live-state', 'reconnecting'));
})();
