"""The session's own room: `state` (the one owner of the session state: every slot, typed
getters and setters), `reader` (the strict reader of everything that comes from outside:
URL parameters and widget values) and `memo` (results of heavy clicks remembered for this
session only, never across sessions)."""
