// The reconnect watcher (mounted by every full run, in the sidebar; reconnect.py).
//
// Streamlit's page reconnects its websocket by itself when the server goes away and comes
// back (a replica restarted, or the load balancer sent the browser to another replica),
// but it asks for nothing until the learner acts, and a new server session does not know
// the page: the first upload then goes to a session that no longer exists (HTTP 400).
// This watcher notices each new websocket the page opens after the first (a reconnect)
// and asks for one rerun of the app. If the session that answers is the one the page
// started with, nothing else happens. If it is a new session (its name, `data.session`,
// changed), the page reloads itself at its current address, which carries the learner's
// state: the new session restores it, and every later request belongs to it.

const watch = window.bpvizReconnect || (window.bpvizReconnect = {
  session: null, reopened: null, reloading: false, asked: 0,
});

if (!watch.patched) {   // count the websockets the page opens from now on
  const Native = window.WebSocket;
  window.WebSocket = class extends Native {
    constructor(...args) {
      super(...args);
      this.addEventListener("open", () => { if (watch.reopened) watch.reopened(); });
    }
  };
  watch.patched = true;
}

export default function ({ data, setTriggerValue }) {
  if (watch.session === null) {
    watch.session = data.session;
  } else if (data.session !== watch.session && !watch.reloading) {
    watch.reloading = true;     // once: the reloaded page starts a watcher of its own
    window.location.reload();
    return;
  }
  watch.asked = 0;
  // A reconnect: ask for a rerun once the page is connected (a short delay; then again,
  // a few times, if no run of this component came back).
  watch.reopened = () => {
    const ask = () => {
      if (watch.reloading || watch.asked >= 3) return;
      watch.asked += 1;
      setTriggerValue("reconnected", Date.now());
      setTimeout(ask, 3000);
    };
    setTimeout(ask, 500);
  };
}
