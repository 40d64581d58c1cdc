// The Step page's diagram in motion: a small st.components.v2 component with no markup.
//
// It (1) plays the step's flow in the main diagram: the values listed in the figure's
// layout.meta.flow travel from where they are computed to where they are used, with
// Plotly.animate (transitions of 800 ms; none under prefers-reduced-motion or with the
// page's motion switch off); (2) gives the presenter's keys PageDown / Space (next) and
// PageUp (previous), which press the step buttons (Right, Left and Home are the buttons'
// own shortcuts); (3) reports the room the diagram has, so the server draws it filling the
// window below its top.
// Plotly is the page's own (window.Plotly, loaded by the diagram's st.plotly_chart).
const DURATION = 800;
const CHART = ".st-key-step_diagram .js-plotly-plot";
const KEYS = { PageDown: "step_next", " ": "step_next", PageUp: "step_prev" };

function typing(target) {
  const tag = (target && target.tagName) || "";
  return /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(tag) || (target && target.isContentEditable);
}

function onKey(event) {
  const key = KEYS[event.key];
  if (!key || event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
  const button = document.querySelector(`.st-key-${key} button`);
  if (!button || button.disabled) return;
  event.preventDefault();
  button.click();
}

async function play(gd, meta) {
  const Plotly = window.Plotly, flow = meta.flow, trace = [meta.flow_trace];
  if (!Plotly || !flow || !flow.text.length) return;
  await Plotly.restyle(gd, { x: [flow.x0], y: [flow.y0], text: [flow.text], visible: true }, trace);
  await Plotly.animate(gd, { data: [{ x: flow.x1, y: flow.y1 }], traces: trace },
    { transition: { duration: DURATION, easing: "cubic-in-out" }, frame: { duration: DURATION, redraw: false },
      mode: "immediate" });
  if (gd.layout && gd.layout.meta && gd.layout.meta.step === meta.step) {
    await Plotly.restyle(gd, { visible: false }, trace);
  }
}

function whenDrawn(step, then) {
  const started = performance.now();
  const tick = () => {
    const gd = document.querySelector(CHART);
    const meta = gd && gd.layout && gd.layout.meta;
    if (meta && meta.step === step) return then(gd, meta);
    if (performance.now() - started < 5000) requestAnimationFrame(tick);
  };
  tick();
}

export default function (component) {
  const { data, setStateValue } = component;
  if (!window.bpvizKeysInstalled) {
    window.bpvizKeysInstalled = true;
    document.addEventListener("keydown", onKey);
  }
  const reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  whenDrawn(data.step, (gd, meta) => {
    const shown = window.bpvizShownStep;
    window.bpvizShownStep = meta.step;
    document.documentElement.dataset.bpvizStep = String(meta.step);
    if (data.motion && !reduced && shown !== undefined && shown !== meta.step) play(gd, meta);
    window.bpvizReportRoom = () => report(gd, setStateValue);
    window.bpvizReportRoom();
  });
}

// The diagram's room: from its top to the window's bottom, and its width (px); sent when it
// differs from the last one sent by more than a few pixels.
function report(gd, setStateValue) {
  const box = gd.getBoundingClientRect();
  const room = [Math.round(window.innerHeight - (box.top + window.scrollY) - 16), Math.round(box.width)];
  const known = window.bpvizRoom || [0, 0];
  if (Math.abs(room[0] - known[0]) > 24 || Math.abs(room[1] - known[1]) > 24) {
    window.bpvizRoom = room;
    setStateValue("room", room);
  }
}

let resizing = null;
window.addEventListener("resize", () => {
  clearTimeout(resizing);
  resizing = setTimeout(() => window.bpvizReportRoom && window.bpvizReportRoom(), 250);
});
