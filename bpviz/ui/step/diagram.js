// The Step page's diagram in motion: a small st.components.v2 component with no markup.
//
// It (1) plays the step's flow in the main diagram: the values listed in the figure's
// layout.meta.flow travel from where they are computed to where they are used, over
// 800 ms (not at all under prefers-reduced-motion or with the page's motion switch off);
// a key or button asking for the next step starts that step's flow (layout.meta.next) at
// once, before the server has answered; (2) gives the presenter's keys PageDown / Space
// (next) and PageUp (previous), which press the step buttons (Right, Left and Home are
// the buttons' own shortcuts); (3) reports the room the diagram has, so the server draws
// it filling the window below its top.
// It places the moving values with the plot's own axes and draws them in SVG of its own.
//
// st.plotly_chart mounts a new plot whenever the figure changes (its element id hashes the
// figure), and the new plot is hidden until it has been sized: a blank frame. So when a
// step is asked for (a step key, or a press on a step button), a copy of the drawn diagram
// is laid over it until the next step's diagram has been drawn.
const DURATION = 800;
const CHART = ".st-key-step_diagram .js-plotly-plot";
const KEYS = { PageDown: "step_next", " ": "step_next", PageUp: "step_prev" };        // pressed here
const SHORTCUTS = { ArrowRight: "step_next", ArrowLeft: "step_prev", Home: "step_reset" };   // the buttons' own
const STEP_BUTTONS = ["step_next", "step_prev", "step_reset", "step_forward", "step_backward"];
const DIRECTIONS = { step_next: "next", step_prev: "prev" };

function typing(target) {
  const tag = (target && target.tagName) || "";
  return /^(INPUT|TEXTAREA|SELECT|BUTTON)$/.test(tag) || (target && target.isContentEditable);
}

function onKey(event) {
  if (event.altKey || event.ctrlKey || event.metaKey || typing(event.target)) return;
  const key = KEYS[event.key] || SHORTCUTS[event.key];
  const button = key && document.querySelector(`.st-key-${key} button`);
  if (!button || button.disabled) return;
  stepAsked(DIRECTIONS[key]);
  if (KEYS[event.key]) {
    event.preventDefault();
    button.click();
  }
}

function onPress(event) {
  const button = event.target.closest && event.target.closest("button");
  const key = button && !button.disabled && STEP_BUTTONS.find(name => button.closest(`.st-key-${name}`));
  if (key) stepAsked(DIRECTIONS[key]);
}

// A copy of the drawn diagram over it, until the next one is drawn (or 3 s at most).
function holdPicture() {
  const gd = document.querySelector(CHART);
  const drawn = gd && gd.querySelector(".svg-container");
  if (!drawn) return;
  dropPicture();
  const box = gd.getBoundingClientRect();
  const copy = drawn.cloneNode(true);
  copy.id = "bpviz-held-picture";
  Object.assign(copy.style, { position: "absolute", left: `${box.left + window.scrollX}px`,
    top: `${box.top + window.scrollY}px`, zIndex: 5, pointerEvents: "none" });
  document.body.appendChild(copy);
  window.bpvizHeldFrom = gd;
  setTimeout(dropPicture, 3000);
}

function dropPicture() {
  const copy = document.getElementById("bpviz-held-picture");
  if (copy) copy.remove();
}

// The flow, drawn over the diagram in an SVG of its own (so the plot being replaced under
// it does not stop it): each value moves from where it is computed to where it is used,
// black on a white halo (readable on either theme), with a yellow dot.
const NS = "http://www.w3.org/2000/svg";

function stopFlow() {
  const old = document.getElementById("bpviz-flow");
  if (old) old.remove();
}

function startFlow(gd, flow, backwards) {
  stopFlow();
  const layout = gd && gd._fullLayout;
  if (!window.bpvizMotion || !flow || !flow.text.length || !layout || !layout.xaxis) return;
  const box = gd.getBoundingClientRect();
  const px = x => layout._size.l + layout.xaxis.l2p(x), py = y => layout._size.t + layout.yaxis.l2p(y);
  const svg = document.createElementNS(NS, "svg");
  svg.id = "bpviz-flow";
  svg.setAttribute("width", box.width);
  svg.setAttribute("height", box.height);
  Object.assign(svg.style, { position: "absolute", left: `${box.left + window.scrollX}px`,
    top: `${box.top + window.scrollY}px`, zIndex: 6, pointerEvents: "none", overflow: "visible" });
  const [x0, y0, x1, y1] = backwards ? [flow.x1, flow.y1, flow.x0, flow.y0] : [flow.x0, flow.y0, flow.x1, flow.y1];
  const items = flow.text.map((text, i) => {
    const g = document.createElementNS(NS, "g");
    const dot = document.createElementNS(NS, "circle");
    dot.setAttribute("r", 6);
    dot.setAttribute("fill", "#F2C12E");
    dot.setAttribute("stroke", "#000");
    const label = document.createElementNS(NS, "text");
    label.textContent = text;
    label.setAttribute("y", -10);
    label.setAttribute("text-anchor", "middle");
    Object.assign(label.style, { font: "14px 'Source Sans Pro', Arial, sans-serif", fill: "#000",
      stroke: "#fff", strokeWidth: "4px", paintOrder: "stroke" });
    g.append(dot, label);
    svg.appendChild(g);
    return { g, from: [px(x0[i]), py(y0[i])], to: [px(x1[i]), py(y1[i])] };
  });
  document.body.appendChild(svg);
  const started = performance.now();
  const ease = t => (t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2);
  let frames = 0;
  const frame = now => {
    if (!svg.isConnected) return;
    const t = Math.min((now - started) / DURATION, 1), e = ease(t);
    for (const item of items) {
      const x = item.from[0] + e * (item.to[0] - item.from[0]), y = item.from[1] + e * (item.to[1] - item.from[1]);
      item.g.setAttribute("transform", `translate(${x.toFixed(1)},${y.toFixed(1)})`);
    }
    svg.dataset.frames = String(++frames);
    window.bpvizFlowFrames = frames;
    if (t < 1) requestAnimationFrame(frame);
    else setTimeout(() => svg.remove(), 200);
  };
  frame(started);
}

// A step asked for from the page (key or button): hold the picture, start the flow now.
function stepAsked(direction) {
  const gd = document.querySelector(CHART);
  const meta = gd && gd.layout && gd.layout.meta;
  holdPicture();
  if (!meta || !direction) return;
  window.bpvizFlowFor = meta.step + (direction === "next" ? 1 : -1);
  startFlow(gd, direction === "next" ? meta.next : meta.flow, direction === "prev");
}

function whenDrawn(step, then) {
  const started = performance.now();
  const tick = () => {
    const gd = document.querySelector(CHART);
    const meta = gd && gd.layout && gd.layout.meta;
    const shown = gd && gd._fullLayout && gd.querySelector(".main-svg") && getComputedStyle(gd).visibility !== "hidden";
    if (meta && meta.step === step && shown) return then(gd, meta);
    if (performance.now() - started < 5000) requestAnimationFrame(tick);
  };
  tick();
}

export default function (component) {
  const { data, setStateValue } = component;
  if (!window.bpvizKeysInstalled) {
    window.bpvizKeysInstalled = true;
    document.addEventListener("keydown", onKey, true);
    document.addEventListener("pointerdown", onPress, true);
  }
  const reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  whenDrawn(data.step, (gd, meta) => {
    if (gd !== window.bpvizHeldFrom) dropPicture();
    const shown = window.bpvizShownStep;
    window.bpvizShownStep = meta.step;
    window.bpvizMotion = data.motion && !reduced;
    document.documentElement.dataset.bpvizStep = String(meta.step);
    if (shown !== undefined && shown !== meta.step && window.bpvizFlowFor !== meta.step) startFlow(gd, meta.flow);
    window.bpvizFlowFor = undefined;
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
