// Play's pacing (play_chart.js asks by it): the time between two asks for a chunk, in ms.
// A tab waits `pacing.share` times the recent time from asking to having painted the answer
// (its trip: the server's chunk, Streamlit's update of the page and the drawing, all slower
// on a busy machine), within [pacing.fastest, pacing.slowest]. So a tab spends at most
// 1/share of its time with a chunk under way, and on a machine that many tabs share (their
// trips grow) each asks less often and leaves room for the others, while an idle one asks as
// often as `fastest` allows; `slowest` keeps every tab moving. trip: null before the first.
function askGap(trip, pacing) {
  const recent = trip === null || trip === undefined ? 0 : trip;
  return Math.min(pacing.slowest, Math.max(pacing.fastest, pacing.share * recent));
}
