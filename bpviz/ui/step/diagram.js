// The Step page's diagram: shows step k of a pass the server sent once (bpviz.viz.step_pass),
// steps locally on the keys and its own buttons, plays the step's motion, and reports the
// position, the selected neuron, the pass it holds and its width back to the server.
//
// Under the network: the batch's examples side by side (a batch stepped example by example),
// each weight layer's gradient size, the colour bars; their room comes out of the network's,
// so the diagram's height stays fixed for a network and a window.
//
// Every number and text comes formatted from Python: this file only looks them up
// (pass.strings[index]) and places them. It runs in the page (st.components.v2, no iframe),
// so the keys are listened for once, on the document.
//
// data = {pass_id, pass (or null when the browser said it holds pass_id), count (steps in the
//         whole pass), goto: {step: index | null, selected: [[l, j] | null] | null} (where the
//         server moved it, sent until the browser reports being there),
//         moved (the server's own moves so far), motion, quiz: {step, neuron, edge, waiting} | null,
//         settle: ms, lazy: bool, address_order: [the address's parameter names], words: {...}}
// report (setStateValue "report") = {position, selected, have, room: [height, width], seq}, or
//        a new position alone, through the position's own component: {position, seq, rerun?}
//        (rerun: "stepper" or "app", when the report went out ahead of a control's change)
//
// Every report makes the server run. When the readouts beside the diagram follow the position
// in the page without the server (<html data-bpviz-step> and the Step page's CSS; `lazy`), a
// position is not reported when the learner settles, `settle` ms after the last press: the
// page writes it into the address (reload, share), and the server hears of it only before
// anything else on the page can make it run (a pointer press outside the diagram, the focus
// moving, typing in a box), so that run sees the position on show. Otherwise (quiz mode:
// the server checks the answer and draws the readout) it is reported once the learner settles.
const NS = "http://www.w3.org/2000/svg";
const DURATION = 800;            // ms a value takes to travel
const HOLD_MS = 1500;            // ms at most a link clicked right after a report waits for its run
const REPORT_AFTER = 120;        // ms after the last press when the server does not say (data.settle)
const LEGEND = 40;               // px under the network for the two colour bars
const TITLE = 26;                // px above it for the loss
const GRADIENT = 46;             // px above the colour bars for each layer's gradient size
const COMPACT_SCALE = 90;        // px of each colour bar when the gradient strip shares their band
const BATCH = 54;                // px above that for the batch's examples (a batch stepped example by example)
const BATCH_COMPACT = 36;        // the same without its heading line (its symbol on the left): small networks, wide
const CHIP_GAP = 8;              // px at least between neighbouring layers' labels (phones: the network scrolls sideways)
const FIRST_LAYER = "#AA3377";   // the first layer's gradient bar and its note
const KEYS = { ArrowRight: 1, PageDown: 1, " ": 1, ArrowLeft: -1, PageUp: -1, Home: "first", End: "last" };
const HIGHLIGHT = "#F2C12E", TARGET = "#AA3377";
const ICONS = {     // first, previous, next, to the loss, to the end of the backward pass (24-px paths)
  first: "M6 6h2v12H6zm3.5 6 8.5 6V6z",
  prev: "M15.4 7.4 14 6l-6 6 6 6 1.4-1.4-4.6-4.6z",
  next: "M8.6 16.6 10 18l6-6-6-6-1.4 1.4 4.6 4.6z",
  forward: "M4 18l8.5-6L4 6v12zm9-12v12l8.5-6L13 6z",
  backward: "M11 18V6l-8.5 6 8.5 6zm.5-6 8.5 6V6l-8.5 6z",
};
let held = { id: null, pass: null };   // the pass the page holds (one diagram per page)
let reportSeq = Date.now();            // numbers the reports of both channels: the server follows the last
let current = null;                    // the mounted view the keys go to
let nameSize = 0;                      // px of a gradient's name ∂E/∂w on phones (0: the label's size)
// what a pointer press can make the server run through: Streamlit's widgets, links, expanders
const CONTROLS = ["button", "a", "input", "select", "textarea", "summary", "label", "canvas", "[contenteditable]",
  ...["button", "checkbox", "switch", "radio", "tab", "combobox", "listbox", "option", "slider", "spinbutton",
    "textbox", "menuitem", "link", "grid", "gridcell"].map(role => `[role=${role}]`)].join(", ");
const GRADIENT_NAME = /^(∂E\/∂[wb])( .*)$/;

// ---- keys ----------------------------------------------------------------------------------

function ownsKeys(element) {
  // A control these keys type into or move within (a text box, a number box, a select and its
  // open list, a slider): typing never steps. Buttons, switches and radio buttons do not own
  // them: after a click on one, the keys step (and the control does nothing with them).
  if (!element || element === document.body || element === document.documentElement) return false;
  if (element.isContentEditable) return true;
  const tag = element.tagName;
  if (tag === "TEXTAREA" || tag === "SELECT") return true;
  if (tag === "INPUT") return !/^(checkbox|radio|button|submit|reset|image|file|color)$/i.test(element.type || "text");
  const role = element.getAttribute && element.getAttribute("role");
  return /^(combobox|listbox|option|slider|spinbutton|textbox|searchbox|menu|menuitem)$/.test(role || "");
}

function onKey(event) {
  const move = KEYS[event.key];
  if (move === undefined || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
  if (!current || !current.root.isConnected || ownsKeys(event.target) || ownsKeys(document.activeElement)) return;
  // Space or Enter on one of the diagram's own buttons presses that button (keyboard use)
  if (event.key === " " && event.target.closest && event.target.closest(".bpviz-step-bar")) return;
  event.preventDefault();           // no page scroll, no press of the focused button or switch
  event.stopPropagation();
  if (event.key === " ") swallowSpaceUp = true;
  if (move === "first") go(current, 0, "jump");
  else if (move === "last") go(current, lastIndex(current), "jump");
  else go(current, current.position + move, move > 0 ? "next" : "prev");
}

let swallowSpaceUp = false;
function onKeyUp(event) {
  if (event.key === " " && swallowSpaceUp) {
    swallowSpaceUp = false;
    event.preventDefault();
    event.stopPropagation();
  }
}

function onSubmitKey(event) {
  // Enter in a form's box submits it (Streamlit's handler has run by now): the focus leaves
  // the box, so the next → steps instead of typing.
  if (event.key !== "Enter" || !event.target || event.target.tagName !== "INPUT") return;
  if (event.target.closest("[data-testid='stForm']")) setTimeout(() => event.target.blur(), 0);
}

function installKeys() {
  if (window.bpvizStepKeys) return;
  window.bpvizStepKeys = true;
  document.addEventListener("keydown", event => onKey(event), true);
  document.addEventListener("keyup", event => onKeyUp(event), true);
  document.addEventListener("keydown", event => onSubmitKey(event), false);
  // Before any other control of the page can make the server run, a position not reported
  // yet is reported, so that the run sees it: on a pointer press, a focus or a key in a box
  // outside the diagram. Streamlit sends the widget updates of one task together, scoped as the
  // first one is: if the control's own change goes with this report, it would run in the
  // report's scope, so the report names the scope the control needs ("stepper": a control of
  // the fragment around the diagram; "app": any other) and the server runs that.
  const flush = event => {
    const target = event.target;
    if (!current || !current.pendingReport || (target && target.closest && target.closest(".bpviz-step"))) return;
    if (event.type === "keydown" && !ownsKeys(target) && event.key !== "Enter") return;
    // a press on text or blank space (which focuses the page's main area) makes no run:
    // nothing to tell, and telling costs a run of the whole page
    if (event.type !== "keydown" && !(target && target.closest && target.closest(CONTROLS))) return;
    const inStepper = target && target.closest && target.closest(".st-key-step_layout, .st-key-quiz_on");
    reportNow(current, inStepper ? "stepper" : "app");
    flushedAt = performance.now();
  };
  for (const type of ["pointerdown", "focusin", "keydown"]) document.addEventListener(type, flush, true);
  document.addEventListener("click", holdPageChange, true);
}

let flushedAt = -Infinity, releasing = null;
function holdPageChange(event) {
  // The message that asks for another page carries none of this page's widget states: a
  // report still on its way when a link is clicked would be lost with it (the server would
  // keep an older position). So a click on a link within HOLD_MS of a report waits until
  // the report's run has ended (at most HOLD_MS), then goes on.
  const link = event.target && event.target.closest && event.target.closest("a[href]");
  if (!link || link === releasing || link.target === "_blank" || performance.now() - flushedAt > HOLD_MS) return;
  if (event.button || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;   // a new tab: no page change here
  event.preventDefault();
  event.stopPropagation();
  afterRun({ quiet: 0, noRun: HOLD_MS, limit: HOLD_MS }, () => {
    flushedAt = -Infinity;
    releasing = link;
    link.click();
    releasing = null;
  });
}

function afterRun({ quiet, noRun, limit }, done) {
  // done(true) once the run a report has just asked for has ended and no run has been going
  // for `quiet` ms (or, if no run started within `noRun` ms, once quiet as long); done(false)
  // if that takes `limit` ms.
  const app = document.querySelector("[data-testid='stApp']"), started = performance.now();
  let quietSince = null, ran = false;
  const check = () => {
    const now = performance.now(), running = !!app && app.getAttribute("data-test-script-state") === "running";
    ran = ran || running;
    quietSince = running ? null : quietSince ?? now;
    if ((ran || now - started > noRun) && quietSince !== null && now - quietSince >= quiet) done(true);
    else if (now - started >= limit) done(false);
    else setTimeout(check, 20);
  };
  check();
}

// ---- moving ----------------------------------------------------------------------------------

function lastIndex(view) {
  return view.pass ? view.pass.steps.length - 1 : 0;
}

function go(view, index, how) {
  if (!view.pass) return;
  const last = lastIndex(view);
  if (index > last && how !== "jump") {
    const waiting = view.quiz && view.quiz.waiting && last < view.count - 1;
    if (waiting) say(view, view.words.quiz_wait);
  }
  const target = Math.min(Math.max(index, 0), last);
  if (target === view.position) return;
  const from = view.position;
  view.position = target;
  view.pressed = performance.now();
  document.documentElement.dataset.bpvizStep = String(target);
  schedule(view, () => {
    draw(view);
    followLayer(view);
    if (how === "next" && target === from + 1) flow(view, target, false);
    else if (how === "prev" && target === from - 1) flow(view, from, true);
    else stopFlow(view);
  });
  reportSoon(view);
}

function holdStill(view) {
  // the fixed parts of the picture follow the sideways scroll, so they stay where the box shows them
  if (view.fixed) view.fixed.setAttribute("transform", `translate(${view.scroller.scrollLeft}, 0)`);
}

function followLayer(view) {
  // A picture wider than its box (a phone): scroll it sideways, as little as needed, so the
  // step's layer and the one it takes its numbers from are in view. The page does not move.
  const box = view.scroller, step = view.pass && view.pass.steps[view.position];
  if (!step || box.scrollWidth - box.clientWidth <= 1) return;
  const last = view.pass.sizes.length - 1, layer = step.phase === "loss" ? last : step.layer;
  if (layer === null || layer === undefined) return;
  const from = step.phase === "forward" ? layer - 1 : Math.min(layer + 1, last);
  const xs = view.pass.neurons.filter(n => n[0] === layer || n[0] === from).map(n => view.px(n[2]));
  const margin = view.pill ? view.pill.w : 2 * view.radius + 20;
  const left = Math.min(...xs) - margin;
  const right = layer === last ? box.scrollWidth : Math.max(...xs) + margin;   // the output's targets too
  if (left < box.scrollLeft) box.scrollLeft = Math.max(0, left);
  else if (right > box.scrollLeft + box.clientWidth) box.scrollLeft = Math.min(left, right - box.clientWidth);
}

function schedule(view, work) {
  // The next frame draws the latest position only, however many presses came before it.
  view.work = work;
  if (view.frame) return;
  view.frame = requestAnimationFrame(() => {
    view.frame = 0;
    const todo = view.work;
    view.work = null;
    if (todo) todo();
  });
}

function reportSoon(view) {
  // once the learner settles: `settle` ms after the last press (or at once, see installKeys)
  clearTimeout(view.reportTimer);
  view.pendingReport = true;
  view.root.dataset.pending = "1";
  view.reportTimer = setTimeout(() => view.lazy ? settleInPage(view) : reportNow(view), view.settle ?? REPORT_AFTER);
}

function settleInPage(view) {
  // The position settled: the address says it, and the report waits for the server's next
  // run (installKeys' flush), still pending
  delete view.root.dataset.pending;
  writeStep(view);
}

function writeStep(view) {
  // The address's step= set to the position in place, left out at the first step, and placed
  // in the order bpviz/ui/address.py writes its parameters; the history entry is kept.
  const url = new URL(window.location.href), order = view.addressOrder || [];
  const params = url.search.slice(1).split("&").filter(part => part && !part.startsWith("step="));
  if (view.position) {
    const later = order.slice(order.indexOf("step") + 1);
    const at = params.findIndex(part => later.includes(part.split("=")[0]));
    params.splice(at < 0 ? params.length : at, 0, `step=${view.position}`);
  }
  const search = params.length ? "?" + params.join("&") : "";
  if (url.search === search) return;
  url.search = search;
  window.history.replaceState(window.history.state, "", url.toString());
}

function reportNow(view, scope) {
  clearTimeout(view.reportTimer);
  view.pendingReport = false;
  delete view.root.dataset.pending;
  report(view, scope);
}

function report(view, scope) {
  // Tell the server what it does not know yet: a position or selection of the learner's, or
  // the diagram's room. Which pass the page holds rides along, but never alone: a report
  // reruns the page's fragment, and one after the server's own move (Apply update, a revealed
  // step) would only wipe the notice that move showed. Until then the server re-sends the
  // pass, which the page takes as unchanged.
  const room = [Math.round(view.height), Math.round(view.root.getBoundingClientRect().width)];
  const known = view.known || {};
  const news = view.position !== known.position || JSON.stringify(view.selected) !== JSON.stringify(known.selected)
    || !known.room || Math.abs(room[0] - known.room[0]) > 4 || Math.abs(room[1] - known.room[1]) > 24;
  if (!news) return;
  const onlyMoved = known.room && JSON.stringify(view.selected) === JSON.stringify(known.selected)
    && Math.abs(room[0] - known.room[0]) <= 4 && Math.abs(room[1] - known.room[1]) <= 24;
  view.known = { position: view.position, selected: view.selected, room };
  reportSeq += 1;
  // a new position alone goes through the position's own component (views/step.py), whose run
  // is the cheapest the server has; anything else reruns the fragment that holds the diagram
  const moved = view.moved;   // the server's own moves the page has heard of (a later one wins over this report)
  if (onlyMoved && window.bpvizStepReport) {
    window.bpvizStepReport(scope ? { position: view.position, seq: reportSeq, moved, rerun: scope }
      : { position: view.position, seq: reportSeq, moved });
  }
  else view.setStateValue("report", { position: view.position, selected: view.selected, have: held.id, room,
    seq: reportSeq, moved });
}

function say(view, text) {
  view.message.textContent = text || "";
  view.message.classList.toggle("bpviz-shown", !!text);
  clearTimeout(view.messageTimer);
  if (text) view.messageTimer = setTimeout(() => say(view, ""), 4000);
}

// ---- building the picture --------------------------------------------------------------------

function el(name, attributes, parent) {
  const node = document.createElementNS(NS, name);
  for (const [key, value] of Object.entries(attributes || {})) node.setAttribute(key, value);
  if (parent) parent.appendChild(node);
  return node;
}

function html(tag, className, parent, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  if (parent) parent.appendChild(node);
  return node;
}

function create(parent) {
  const root = html("div", "bpviz-step", parent);
  const bar = html("div", "bpviz-step-bar", root);
  const view = { root, position: 0, selected: null, moves: {}, passId: null, pass: null, words: {} };
  view.buttons = {};
  for (const [name, icon] of Object.entries(ICONS)) {
    const button = html("button", `bpviz-step-button bpviz-step-${name}`, bar);
    button.type = "button";
    el("path", { d: icon, fill: "currentColor" }, el("svg", { class: "bpviz-icon", viewBox: "0 0 24 24",
      width: 18, height: 18, "aria-hidden": "true" }, button));
    view.buttons[name] = { button, label: html("span", "bpviz-label", button) };
    button.addEventListener("click", () => press(view, name));
  }
  view.position_text = html("div", "bpviz-step-position", bar);
  const progress = html("div", "bpviz-step-progress", root);
  view.progress = html("div", "bpviz-step-progress-fill", progress);
  view.stage = html("div", "bpviz-step-stage", root);
  // the picture scrolls sideways in its own box when its layers need more room than a phone has
  view.scroller = html("div", "bpviz-step-scroller", view.stage);
  view.svg = el("svg", { class: "bpviz-step-svg", role: "img" }, view.scroller);
  view.canvas = html("canvas", "bpviz-step-flow", view.scroller);   // the motion, over the picture
  view.tooltip = html("div", "bpviz-step-tooltip", view.stage);
  view.message = html("div", "bpviz-step-message", view.stage);
  view.message.setAttribute("role", "status");
  view.caption = html("div", "bpviz-step-caption", root);
  view.scroller.addEventListener("scroll", () => holdStill(view), { passive: true });
  window.addEventListener("resize", () => {
    clearTimeout(view.resizing);
    view.resizing = setTimeout(() => { if (view.pass) { build(view); draw(view); reportSoon(view); } }, 200);
  });
  // labels are placed by their measured widths: once the page's fonts have loaded (a label
  // measured in the fallback font is narrower or wider than the one drawn), place them again
  const refit = () => { if (view.pass) { build(view); draw(view); } };
  if (document.fonts) {
    if (document.fonts.status !== "loaded") document.fonts.ready.then(refit);
    document.fonts.addEventListener("loadingdone", refit);
  }
  return view;
}

function press(view, name) {
  if (!view.pass) return;
  const jumps = view.pass.jumps || {};
  if (name === "first") go(view, 0, "jump");
  else if (name === "prev") go(view, view.position - 1, "prev");
  else if (name === "next") go(view, view.position + 1, "next");
  else if (name === "forward") go(view, Math.min(jumps.forward, view.count - 1), "jump");
  else if (name === "backward") go(view, Math.min(jumps.backward, view.count - 1), "jump");
}

function stageTop(view) {
  // the diagram's top in the page, wherever the page is scrolled to
  const main = view.root.closest("[data-testid='stMain']");
  return view.stage.getBoundingClientRect().top + (main ? main.scrollTop - main.getBoundingClientRect().top
    : window.scrollY);
}

const MOVED_PX = 40;   // the diagram's top moved this far since its height was measured: measure again

function moved(view) {
  return view.heightTop === undefined || Math.abs(stageTop(view) - view.heightTop) > MOVED_PX;
}

function followLayout(view) {
  // Content above the diagram that settles after its first drawing (a busy machine drew the
  // diagram first) moves it down, and the page would then need scrolling: whenever the page's
  // main block changes size and the diagram's top has moved more than MOVED_PX, measure the
  // room again (stepping changes nothing above the diagram, so its height stays put)
  const block = view.root.closest("[data-testid='stMainBlockContainer']");
  if (view.layoutFollowed || !block || !window.ResizeObserver) return;
  view.layoutFollowed = true;
  new ResizeObserver(() => {
    if (view.pass && moved(view)) { build(view); draw(view); }
  }).observe(block);
}

function heightFor(view) {
  // Fixed for a network and a window: the room from the diagram's top in the page (not where
  // the page is scrolled to) to the window's bottom, within what the network needs. Kept while
  // neither changes, so a new pass (a switch, a revealed step) never resizes it.
  const pass = view.pass, rows = Math.max(...pass.sizes);
  const key = JSON.stringify([pass.sizes, pass.narrow, window.innerWidth, window.innerHeight]);
  if (view.heightKey === key && !moved(view)) return view.height;
  const top = stageTop(view);
  const width = view.stage.getBoundingClientRect().width || 600;
  const phone = width < 600;
  const strips = GRADIENT + (pass.batch ? BATCH : 0);
  const least = pass.dense ? rows * 37 + TITLE + LEGEND + strips + 10 : phone ? Math.round(1.1 * width) + strips : 320 + strips;
  const room = window.innerHeight - top - 44;      // the caption under it stays on screen
  const most = phone ? Math.round(1.3 * width) : 900;
  view.heightKey = key;
  view.heightTop = top;
  return Math.round(Math.min(Math.max(room, least), Math.max(most, least)));
}

function build(view) {
  // The picture's elements for this pass and window: created once, filled in by draw().
  const pass = view.pass, svg = view.svg, S = pass.strings;
  svg.textContent = "";
  const visible = Math.max(view.stage.getBoundingClientRect().width, 200);
  const height = heightFor(view);
  followLayout(view);
  const [x0, x1] = pass.x_range, [y0, y1] = pass.y_range;
  const font = pass.font_px;
  view.font = font;
  svg.style.setProperty("--bpviz-font", `${font}px`);
  // a phone: the layers at least the widest a, δ or bias label of the pass apart (+ CHIP_GAP),
  // the picture wider than the box and scrolled inside it; the strips under it keep the box's width
  const spacing = pass.narrow ? widestLabel(view, pass) + CHIP_GAP : 0;
  const width = Math.max(visible, Math.ceil(spacing * (x1 - x0) + 8));
  view.height = height;
  view.width = width;
  svg.setAttribute("width", width);
  svg.setAttribute("height", height);
  svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
  view.stage.style.height = `${height}px`;
  // under the network, the strips (the batch's examples, each layer's gradient), then the colour bars;
  // their room comes out of the network's, so the diagram keeps its height
  // a small network on a wide diagram has no room to spare: its strip shares the colour bars' band
  const compact = !pass.dense && !pass.narrow && pass.sizes.length <= 4 && visible >= 560;
  // a batch's examples: in the title's band when they fit beside the longest title (the network
  // loses no room), else in a band of their own
  const titleRoom = pass.batch && compact ? longestTitle(view, pass) + 16 : 0;
  const count = pass.batch ? pass.steps[0].batch.cells.length : 0;
  const batchMode = !pass.batch ? null : !compact ? "full"
    : (visible - titleRoom - 34 - 6 * (count - 1)) / count >= 74 ? "top" : "compact";
  const gradientHeight = compact ? 0 : GRADIENT;
  const batchHeight = batchMode === "full" ? BATCH : batchMode === "compact" ? BATCH_COMPACT : 0;
  const plot = { left: 4, right: width - 4, top: TITLE, bottom: height - LEGEND - gradientHeight - batchHeight };
  const px = x => plot.left + (x - x0) / (x1 - x0) * (plot.right - plot.left);
  let py = y => plot.top + (y1 - y) / (y1 - y0) * (plot.bottom - plot.top);
  view.plot = plot;
  const rows = Math.max(...pass.sizes), across = (plot.right - plot.left) / (x1 - x0);
  const down = (plot.bottom - plot.top) / (y1 - y0);
  nameSize = pass.narrow ? font - 3 : 0;   // phones: ∂E/∂w smaller, so the label fits between neurons
  let radius = 0, pill = null;
  if (pass.dense) pill = { w: Math.max(38, Math.min(0.62 * across, 60)), h: font + 5 };
  else if (pass.narrow) radius = Math.max(18, Math.min(0.45 * down, 0.32 * across, 40) / 2);
  else radius = Math.max(14, Math.min(0.45 * down, 0.25 * across, 64) / 2);
  view.radius = radius;
  view.pill = pill;
  if (!pill) {
    // above the top neurons their bias, below the lowest their δ (up to two lines each): room
    // in px rather than a share of the height, so a short diagram keeps the middle for the
    // connections' labels
    const ys = pass.neurons.map(neuron => neuron[3]), high = Math.max(...ys), low = Math.min(...ys);
    const room = radius + 3 + 2 * Math.round(1.2 * font) + 8;
    const top = plot.top + room, bottom = plot.bottom - room;
    if (high > low && bottom - top > (plot.bottom - plot.top) * (high - low) / (y1 - y0)) {
      py = y => top + (high - y) / (high - low) * (bottom - top);
    }
  }
  view.px = px;
  view.py = py;

  view.titleText = el("text", { x: 8, y: 18, class: "bpviz-title" }, svg);
  const edgeLayer = el("g", { class: "bpviz-edges" }, svg);
  view.highlightLayer = el("g", { class: "bpviz-highlights" }, svg);
  view.targetLayer = el("g", { class: "bpviz-target" }, svg);
  view.edgeLines = pass.edges.map(edge => {
    const [from, to] = [pass.neurons[edge[0]], pass.neurons[edge[1]]];
    return el("line", { x1: px(from[2]), y1: py(from[3]), x2: px(to[2]), y2: py(to[3]), stroke: edge[2],
      "stroke-width": edge[3], "stroke-linecap": "round", class: "bpviz-edge" }, edgeLayer);
  });
  const hitLayer = el("g", { class: "bpviz-edge-hits" }, svg);
  pass.edges.forEach((edge, i) => {
    const line = view.edgeLines[i];
    const hit = el("line", { x1: line.getAttribute("x1"), y1: line.getAttribute("y1"), x2: line.getAttribute("x2"),
      y2: line.getAttribute("y2"), class: "bpviz-edge-hit", "data-edge": i }, hitLayer);
    hit.addEventListener("pointerenter", event => hover(view, event, "edge", i));
    hit.addEventListener("pointerleave", () => hover(view, null));
    hit.addEventListener("click", event => hover(view, event, "edge", i, true));
  });
  view.edgeLabelLayer = el("g", { class: "bpviz-edge-labels" }, svg);   // none on a dense network: hover and tap
  view.edgeChips = pass.dense ? [] : pass.edges.map(edge => chip(view.edgeLabelLayer, px(edge[4]), py(edge[5]),
    "middle", "middle"));
  const neuronLayer = el("g", { class: "bpviz-neurons" }, svg);
  const sides = [];
  view.nodes = pass.neurons.map((neuron, i) => {
    const cx = px(neuron[2]), cy = py(neuron[3]);
    const g = el("g", { class: "bpviz-neuron", "data-neuron": `${neuron[0]},${neuron[1]}`, tabindex: -1 }, neuronLayer);
    const shape = pill
      ? el("rect", { x: cx - pill.w / 2, y: cy - pill.h / 2 - (neuron[0] ? pill.h / 2 - 1 : 0), width: pill.w,
        height: pill.h, rx: pill.h / 2, class: "bpviz-disc" }, g)
      : el("circle", { cx, cy, r: radius, class: "bpviz-disc" }, g);
    const valueY = pill && neuron[0] ? cy - pill.h / 2 + 1 : cy;
    const value = el("text", { x: cx, y: valueY, "text-anchor": "middle", "dominant-baseline": "central",
      class: "bpviz-value", "font-size": font }, g);
    g.addEventListener("click", event => select(view, i, event));
    g.addEventListener("pointerenter", event => hover(view, event, "neuron", i));
    g.addEventListener("pointerleave", () => hover(view, null));
    const node = { g, shape, value, cx, cy };
    if (neuron[0] > 0) {
      node.badge = pill ? chip(svg, cx, cy + 2, "middle", "top", pill.w) : chip(svg, cx, cy + radius + 3, "middle", "top");
      if (!pill) node.bias = chip(svg, cx, cy - radius - 3, "middle", "bottom");
    }
    if (neuron[5]) {   // the input's name on its left, the target on the output's right
      const left = neuron[0] === 0, half = pill ? pill.w / 2 : radius;
      const side = chip(svg, cx + (left ? -(half + 4) : half + 4), pill && !left ? cy - pill.h / 2 : cy,
        left ? "end" : "start", "middle");
      fill(side, [neuron[5]], "#F0F2F6", "#000");
      sides.push(side);
      if (left) node.name = side;
      else node.target = side;   // each step's own target (a batch: that example's)
    }
    return node;
  });
  layoutChips(sides);
  const ring = pill ? { w: pill.w + 10, h: 2 * pill.h + 12 } : { w: 2 * radius + 10, h: 2 * radius + 10 };
  view.ring = el("rect", { class: "bpviz-ring", width: ring.w, height: ring.h, rx: pill ? 8 : ring.w / 2,
    fill: "none", stroke: HIGHLIGHT, "stroke-width": 4, visibility: "hidden" }, svg);
  view.ringSize = ring;
  const scale = window.devicePixelRatio || 1;
  Object.assign(view.canvas, { width: Math.round(width * scale), height: Math.round(height * scale) });
  Object.assign(view.canvas.style, { width: `${width}px`, height: `${height}px` });
  view.canvasScale = scale;
  const strips = svg.childNodes.length;
  const legendEnd = legend(view, svg, visible, height, compact);
  view.gradientStrip = compact ? gradientBeside(view, svg, legendEnd + 10, visible, height - LEGEND)
    : gradientStrip(view, svg, visible, height - LEGEND - GRADIENT);
  view.batchStrip = !batchMode ? null : batchMode === "top" ? batchStrip(view, svg, visible, 0, "top", titleRoom)
    : batchStrip(view, svg, visible, height - LEGEND - gradientHeight - batchHeight, batchMode);
  // a sideways scroll bar that takes room (not an overlay) goes under the picture: the box grows by
  // it once per build, never while stepping
  const bar = view.scroller.offsetHeight - view.scroller.clientHeight;
  if (bar > 0) view.stage.style.height = `${height + bar}px`;
  // the title, the strips and the colour bars stay in the box while the network scrolls under them
  view.fixed = el("g", { class: "bpviz-fixed" }, svg);
  view.fixed.appendChild(view.titleText);
  for (const node of [...svg.childNodes].slice(strips)) if (node !== view.fixed) view.fixed.appendChild(node);
  holdStill(view);
  view.caption.textContent = "";      // every step's caption in one cell: the tallest sets the height
  pass.headings.forEach(heading => html("div", "bpviz-step-caption-cell", view.caption, heading[1]));
}

function widestLabel(view, pass) {
  // px of the widest a, δ or bias line any step of the pass shows (their chips add 2 × 3 px),
  // measured at once on hidden probes
  const S = pass.strings, plain = new Set(), bold = new Set();   // a bias's first line: its name in bold
  pass.steps.forEach(step => step.nodes.forEach((node, i) => {
    plain.add(S[node[0]] || "");
    for (const line of lines(pass, node[3])) plain.add(line);
    lines(pass, node[6]).forEach((line, k) => {
      if (!k && pass.neurons[i][4]) bold.add(`${pass.neurons[i][4]}  ${line}`);
      else plain.add(line);
    });
  }));
  const probe = el("g", { class: "bpviz-chip", visibility: "hidden" }, view.svg);
  const texts = [...[...plain].map(text => [text, false]), ...[...bold].map(text => [text, true])];
  const probes = texts.filter(([text]) => text).map(([text, heavy]) => {
    const node = el("text", heavy ? { "font-weight": "bold" } : {}, probe);
    node.textContent = text;
    return node;
  });
  const widest = Math.max(0, ...probes.map(node => node.getComputedTextLength()));
  probe.remove();
  return widest + 6;
}

function chip(parent, x, y, anchor, baseline, minWidth) {
  // A label on a chip: a rect behind lines of text, placed by its anchor point.
  const g = el("g", { class: "bpviz-chip", visibility: "hidden" }, parent);
  const rect = el("rect", { rx: 3 }, g);
  const text = el("text", {}, g);
  return { g, rect, text, x, y, anchor, baseline, minWidth: minWidth || 0, shown: null };
}

function fill(chipped, lines, background, ink, bold) {
  // Put `lines` on the chip (nothing: hide it); the rect is sized in layoutChips().
  const key = lines.join("\n") + "|" + background + "|" + ink + "|" + (bold || "");
  if (chipped.shown === key) return false;
  chipped.shown = key;
  const { g, rect, text } = chipped;
  if (!lines.length || (lines.length === 1 && !lines[0] && !bold)) {
    g.setAttribute("visibility", "hidden");
    return false;
  }
  g.setAttribute("visibility", "visible");
  rect.setAttribute("fill", background);
  text.setAttribute("fill", ink);
  text.textContent = "";
  lines.forEach((line, i) => {
    const span = el("tspan", { x: 0, dy: i ? "1.2em" : "0" }, text);
    if (i === 0 && bold) {
      el("tspan", { "font-weight": "bold" }, span).textContent = bold + "  ";
      span.appendChild(document.createTextNode(line));
    } else if (nameSize && GRADIENT_NAME.test(line)) {
      const [, name, rest] = GRADIENT_NAME.exec(line);
      el("tspan", { "font-size": nameSize }, span).textContent = name;
      span.appendChild(document.createTextNode(rest));
    } else {
      span.textContent = line;
    }
  });
  chipped.lines = lines.length;
  chipped.texts = lines;
  chipped.dirty = true;
  return true;
}

function layoutChips(chips) {
  // Measure every changed chip's text (one layout for all), then place the chips.
  const dirty = chips.filter(c => c && c.dirty);
  const boxes = dirty.map(c => c.text.getBBox());
  dirty.forEach((c, i) => {
    const box = boxes[i], pad = 3;
    const w = Math.max(box.width + 2 * pad, c.minWidth), h = box.height + 2 * pad - 2;
    const x = c.x + (c.dx || 0);
    const left = c.anchor === "middle" ? x - w / 2 : c.anchor === "end" ? x - w : x;
    const y = c.y + (c.dy || 0);
    const top = c.baseline === "middle" ? y - h / 2 : c.baseline === "bottom" ? y - h : y;
    c.rect.setAttribute("x", left);
    c.rect.setAttribute("y", top);
    c.rect.setAttribute("width", w);
    c.rect.setAttribute("height", h);
    // text: the first baseline sits pad + ascent below the top
    c.text.setAttribute("transform", `translate(${left + w / 2 - (box.x + box.width / 2)}, ${top + pad - box.y - 1})`);
    c.dirty = false;
  });
}

function spread(view) {
  // Two connections that cross carry their labels near the crossing, and on a short diagram
  // the two can meet, or meet a neuron or its labels (δ below it, its bias above). Each
  // connection's label that meets anything moves to the nearest place where it meets nothing
  // (GAP px apart) and stays between the title and the strips: slid along its own connection,
  // or straight up or down just past a thing in its way. Once per step drawn.
  const GAP = 3, visible = c => c.g.getAttribute("visibility") === "visible";
  const shown = view.edgeChips.map((c, edge) => [c, edge]).filter(([c]) => visible(c));
  const moved = shown.map(([c]) => c).filter(c => c.dx || c.dy);
  moved.forEach(c => { c.dx = c.dy = 0; c.dirty = true; });
  layoutChips(moved);
  const box = c => ({ left: +c.rect.getAttribute("x"), top: +c.rect.getAttribute("y"),
    right: +c.rect.getAttribute("x") + +c.rect.getAttribute("width"),
    bottom: +c.rect.getAttribute("y") + +c.rect.getAttribute("height") });
  const disc = node => { const r = node.shape.getBBox(); return { left: r.x, top: r.y, right: r.x + r.width, bottom: r.y + r.height }; };
  const fixed = view.nodes.flatMap(node => [node.badge, node.bias, node.target, node.name]
    .filter(c => c && visible(c)).map(box).concat([disc(node)]));
  const meet = (p, q) => p.left < q.right && q.left < p.right && p.top < q.bottom + GAP && q.top < p.bottom + GAP;
  const shifted = (r, [dx, dy]) => ({ left: r.left + dx, right: r.right + dx, top: r.top + dy, bottom: r.bottom + dy });
  const boxes = shown.map(([c]) => box(c)), { left, right, top, bottom } = view.plot;
  shown.forEach(([chip, edge], i) => {
    const others = fixed.concat(boxes.filter((_, n) => n !== i));
    const lands = move => { const r = shifted(boxes[i], move);
      return r.top >= top && r.bottom <= bottom && r.left >= left && r.right <= right && others.every(other => !meet(r, other)); };
    if (lands([0, 0])) return;
    const line = view.edgeLines[edge], [x1, y1, x2, y2] = ["x1", "y1", "x2", "y2"].map(name => +line.getAttribute(name));
    const slides = Array.from({ length: 13 }, (_, k) => 0.2 + 0.05 * k)
      .map(f => [x1 + f * (x2 - x1) - chip.x, y1 + f * (y2 - y1) - chip.y]);
    const place = () => slides.concat(others.flatMap(r => [[0, r.bottom + GAP + 0.5 - boxes[i].top],
      [0, r.top - GAP - 0.5 - boxes[i].bottom]])).filter(lands).sort((p, q) => Math.hypot(...p) - Math.hypot(...q));
    let moves = place();
    if (!moves.length && chip.texts && chip.texts.length > 1) {
      // no room for two lines anywhere near: the label on one line (wider, half as tall)
      fill(chip, [chip.texts.join("  ")], "#F0F2F6", "#000");
      layoutChips([chip]);
      boxes[i] = box(chip);
      moves = place();
    }
    if (!moves.length) return;
    [chip.dx, chip.dy] = moves[0];
    chip.dirty = true;
    layoutChips([chip]);
    boxes[i] = box(chip);
  });
}

function legend(view, svg, width, height, compact) {
  // The two fixed colour scales, side by side under the network, printed at both ends and 0
  // (narrower when `compact`: the gradient strip sits beside them). Returns where they end.
  const scales = view.pass.scales, y = height - LEGEND + 12;
  const barWidth = compact ? COMPACT_SCALE : Math.min(180, (width - 60) / 2 - 40);
  scales.forEach((scale, i) => {
    const left = 24 + i * (barWidth + 70);
    const id = `bpviz-scale-${i}-${Math.random().toString(36).slice(2, 8)}`;
    const gradient = el("linearGradient", { id }, el("defs", {}, svg));
    scale.colours.forEach((colour, k) => el("stop", { offset: k / (scale.colours.length - 1), "stop-color": colour }, gradient));
    const g = el("g", { class: "bpviz-legend" }, svg);
    el("rect", { x: left - 22, y: y - 10, width: barWidth + 44, height: 34, rx: 4, fill: "#F0F2F6" }, g);
    el("text", { x: left - 14, y: y + 5, "font-weight": "bold", fill: "#000" }, g).textContent = scale.title;
    el("rect", { x: left, y: y - 4, width: barWidth, height: 10, fill: `url(#${id})`, stroke: "#888" }, g);
    scale.ticks.forEach((tick, k) => {
      el("text", { x: left + k * barWidth / 2, y: y + 20, "text-anchor": "middle", fill: "#000",
        class: "bpviz-tick" }, g).textContent = tick;
    });
  });
  return 24 + (scales.length - 1) * (barWidth + 70) + barWidth + 22;
}

function longestTitle(view, pass) {
  // px of the pass's longest title (the loss, E_n on an example's step), measured once per build
  const probe = el("text", { x: 0, y: -100, class: "bpviz-title" }, view.svg);
  let longest = 0;
  for (const index of new Set(pass.steps.map(step => step.title))) {
    probe.textContent = pass.strings[index];
    longest = Math.max(longest, probe.getComputedTextLength());
  }
  probe.remove();
  return longest;
}

function gradientStrip(view, svg, width, top) {
  // One slot per weight layer: its number on the left, a bar on a log scale of RMS(∂E/∂W)
  // (heights from Python), the printed value under it; the heading, and on the right the note
  // comparing the first layer with the last. Filled in by drawGradient().
  const pass = view.pass, layers = pass.sizes.length - 1;
  const g = el("g", { class: "bpviz-gradient-strip" }, svg);   // light on either theme, as the chips
  el("rect", { x: 4, y: top + 1, width: width - 8, height: GRADIENT - 4, rx: 4, fill: "#F0F2F6" }, g);
  el("text", { x: 8, y: top + 12, class: "bpviz-strip-title" }, g).textContent = pass.gradient_title;
  const note = el("text", { x: width - 8, y: top + 12, "text-anchor": "end", class: "bpviz-gradient-note",
    fill: FIRST_LAYER }, g);
  const slot = (width - 16) / layers, base = top + 30, tall = 15;
  el("line", { x1: 8, x2: width - 8, y1: base, y2: base, stroke: "#888", "stroke-width": 1 }, g);
  const bars = [];
  for (let l = 0; l < layers; l += 1) {
    const left = 8 + l * slot, middle = left + slot / 2, barWidth = Math.max(6, Math.min(16, 0.3 * slot));
    const slotGroup = el("g", { class: "bpviz-gradient-bar", "data-layer": l + 1 }, g);
    const hover = el("title", {}, slotGroup);
    el("text", { x: middle - barWidth / 2 - 3, y: base - 2, "text-anchor": "end", class: "bpviz-strip-tag",
      "font-weight": l === 0 ? "bold" : "normal", fill: l === 0 ? FIRST_LAYER : "#000" }, slotGroup).textContent = String(l + 1);
    const bar = el("rect", { x: middle - barWidth / 2, y: base, width: barWidth, height: 0,
      fill: l === 0 ? FIRST_LAYER : "#4477AA", visibility: "hidden" }, slotGroup);
    const value = el("text", { x: middle, y: base + 12, "text-anchor": "middle", class: "bpviz-strip-number" }, slotGroup);
    bars.push({ bar, value, hover, base, tall });
  }
  return { note, bars };
}

function gradientBeside(view, svg, left, width, top) {
  // The strip beside the colour bars, in their band (a network of up to three weight layers on a
  // wide diagram): the short heading, then per layer its number, its bar and the printed value
  // side by side; the note comparing the first layer with the last on the line below.
  const layers = view.pass.sizes.length - 1, y = top + 17, base = top + 19, tall = 13;
  const g = el("g", { class: "bpviz-gradient-strip" }, svg);
  el("rect", { x: left, y: top + 2, width: width - 4 - left, height: LEGEND - 6, rx: 4, fill: "#F0F2F6" }, g);
  const heading = el("text", { x: left + 6, y, class: "bpviz-strip-title" }, g);
  heading.textContent = view.pass.gradient_title_short;
  const note = el("text", { x: left + 6, y: top + 32, class: "bpviz-gradient-note", fill: FIRST_LAYER }, g);
  const start = left + 6 + heading.getComputedTextLength() + 10;
  const slot = Math.min(78, (width - 10 - start) / layers);
  const bars = [];
  for (let l = 0, x = start; l < layers; l += 1, x += slot) {
    const slotGroup = el("g", { class: "bpviz-gradient-bar", "data-layer": l + 1 }, g);
    const hover = el("title", {}, slotGroup);
    el("text", { x, y, class: "bpviz-strip-tag", "font-weight": l === 0 ? "bold" : "normal",
      fill: l === 0 ? FIRST_LAYER : "#000" }, slotGroup).textContent = String(l + 1);
    const bar = el("rect", { x: x + 9, y: base, width: 7, height: 0, fill: l === 0 ? FIRST_LAYER : "#4477AA",
      visibility: "hidden" }, slotGroup);
    const value = el("text", { x: x + 19, y, class: "bpviz-strip-number" }, slotGroup);
    bars.push({ bar, value, hover, base, tall });
  }
  return { note, bars };
}

function drawGradient(view, step) {
  const strip = view.gradientStrip, S = view.pass.strings, data = step.gradient;
  if (!strip || !data) return;
  strip.note.textContent = S[data.note] || "";
  strip.bars.forEach((slot, l) => {
    const known = data.bars[l];
    if (!known) {
      slot.bar.setAttribute("visibility", "hidden");
      slot.value.textContent = "";
      slot.hover.textContent = "";
      return;
    }
    const height = Math.max(3, known[0] * slot.tall);
    slot.bar.setAttribute("y", slot.base - height);
    slot.bar.setAttribute("height", height);
    slot.bar.setAttribute("visibility", "visible");
    slot.value.textContent = S[known[1]];
    slot.hover.textContent = S[known[2]];
  });
}

function batchStrip(view, svg, width, top, mode, left0) {
  // One small panel per example of the batch: its loss E_n and bars of its output layer's a or
  // δ (fractions of the batch's largest, from Python), the step's example marked. `mode`:
  // "full", a band with its heading; "compact", a band with the quantity's symbol on the left
  // (the heading its tooltip); "top", the same in the title's band, from x = `left0`.
  const count = view.pass.steps[0].batch.cells.length, outputs = view.pass.sizes[view.pass.sizes.length - 1];
  const g = el("g", { class: "bpviz-batch-strip" }, svg);
  const full = mode === "full", inline = mode === "top", x0 = inline ? left0 : 4;
  el("rect", { x: x0, y: top + 1, width: width - 4 - x0, height: inline ? TITLE - 2 : (full ? BATCH : BATCH_COMPACT) - 4,
    rx: 4, fill: "#FFFFFF", stroke: "#F0F2F6" }, g);
  const label = el("g", {}, g);
  const tooltip = full ? null : el("title", {}, label);
  const title = el("text", full ? { x: 8, y: top + 12, class: "bpviz-strip-title" }
    : { x: x0 + 8, y: top + (inline ? 19 : 22), class: "bpviz-strip-symbol" }, label);
  const start = full ? 8 : x0 + 26, gap = 6;
  const panelWidth = Math.min(130, (width - start - 8 - gap * (count - 1)) / count);
  const panels = [];
  for (let n = 0; n < count; n += 1) {
    const left = start + n * (panelWidth + gap), panelTop = top + (full ? 16 : inline ? 2 : 2);
    const height = full ? 34 : inline ? TITLE - 4 : 30;
    const barsWidth = inline ? Math.min(outputs * 10, 0.35 * panelWidth) : panelWidth - 8;
    const barsLeft = inline ? left + panelWidth - 4 - barsWidth : left + 4;
    const panel = el("g", { class: "bpviz-batch-example", "data-example": n + 1 }, g);
    const hover = el("title", {}, panel);
    const frame = el("rect", { x: left, y: panelTop, width: panelWidth, height, rx: 4, fill: "#F0F2F6",
      stroke: "#888", "stroke-width": 1 }, panel);
    const head = el("text", inline ? { x: left + 4, y: panelTop + 15 } : { x: left + panelWidth / 2, y: panelTop + 11,
      "text-anchor": "middle" }, panel);
    head.setAttribute("class", "bpviz-strip-number");
    head.setAttribute("fill", "#000");
    const zero = panelTop + (full ? 24 : inline ? 11 : 21), barRoom = full ? 8 : inline ? 8 : 7;
    const axis = el("line", { x1: barsLeft, x2: barsLeft + barsWidth, y1: zero, y2: zero, stroke: "#888",
      "stroke-width": 1 }, panel);
    const bars = [];
    for (let j = 0; j < outputs; j += 1) {
      const slot = barsWidth / outputs, barWidth = Math.max(2, Math.min(14, slot - 2));
      bars.push(el("rect", { x: barsLeft + j * slot + (slot - barWidth) / 2, y: zero, width: barWidth, height: 0,
        stroke: "#555", "stroke-width": 0.5, visibility: "hidden" }, panel));
    }
    const unknown = el("text", { x: barsLeft + barsWidth / 2, y: zero + 4, "text-anchor": "middle",
      class: "bpviz-strip-number", fill: "#555" }, panel);
    panels.push({ frame, head, bars, unknown, axis, hover, zero, barRoom,
      room: inline ? panelWidth - barsWidth - 10 : panelWidth - 4 });
  }
  return { title, tooltip, panels };
}

function drawBatch(view, step) {
  const strip = view.batchStrip, S = view.pass.strings, data = step.batch;
  if (!strip || !data) return;
  strip.title.textContent = S[strip.tooltip ? data.symbol : data.title];
  if (strip.tooltip) strip.tooltip.textContent = S[data.title];
  data.cells.forEach(([head, bars, marked, hover], n) => {
    const panel = strip.panels[n];
    if (!panel) return;
    panel.frame.setAttribute("stroke", marked ? HIGHLIGHT : "#888");
    panel.frame.setAttribute("stroke-width", marked ? 3 : 1);
    panel.head.textContent = S[head];
    panel.head.removeAttribute("textLength");
    if (panel.head.getComputedTextLength() > panel.room) {    // a narrow panel: squeeze, never cut
      panel.head.setAttribute("textLength", panel.room);
      panel.head.setAttribute("lengthAdjust", "spacingAndGlyphs");
    }
    panel.hover.textContent = S[hover];
    let known = false;
    bars.forEach((bar, j) => {
      const rect = panel.bars[j];
      if (!bar) { rect.setAttribute("visibility", "hidden"); return; }
      known = true;
      const height = Math.max(1, Math.abs(bar[0]) * panel.barRoom);
      rect.setAttribute("y", bar[0] >= 0 ? panel.zero - height : panel.zero);
      rect.setAttribute("height", height);
      rect.setAttribute("fill", S[bar[1]]);
      rect.setAttribute("visibility", "visible");
    });
    panel.unknown.textContent = known ? "" : "?";
    panel.axis.setAttribute("visibility", known ? "visible" : "hidden");
  });
}

// ---- drawing step k ----------------------------------------------------------------------------

function lines(pass, index) {
  const text = index >= 0 ? pass.strings[index] : "";
  return text ? text.split("\n") : [];
}

function draw(view) {
  const pass = view.pass;
  if (!pass) return;
  const S = pass.strings, step = pass.steps[view.position], heading = pass.headings[view.position];
  view.titleText.textContent = S[step.title];
  view.position_text.textContent = heading[0];
  view.progress.style.width = `${100 * (view.position + 1) / view.count}%`;
  [...view.caption.children].forEach((cell, i) => cell.classList.toggle("bpviz-shown", i === view.position));
  view.root.dataset.step = String(view.position);
  document.documentElement.dataset.bpvizStep = String(view.position);   // the readouts follow (views/step.py)
  view.root.dataset.revealed = String(pass.steps.length);
  const last = lastIndex(view);
  const quizHold = view.quiz && last < view.count - 1;
  view.buttons.first.button.disabled = view.position === 0;
  view.buttons.prev.button.disabled = view.position === 0;
  view.buttons.next.button.disabled = view.position >= view.count - 1 || (!quizHold && view.position >= last);
  view.buttons.forward.button.disabled = view.position >= (pass.jumps.forward || 0);
  view.buttons.backward.button.disabled = view.position >= (pass.jumps.backward || 0);
  const chips = [];
  pass.neurons.forEach((neuron, i) => {
    const node = view.nodes[i], [a, fillColour, ink, delta, deltaFill, deltaInk, bias] = step.nodes[i];
    node.shape.setAttribute("fill", S[fillColour]);
    node.value.setAttribute("fill", S[ink]);
    node.value.textContent = S[a];
    if (node.badge) {
      if (fill(node.badge, lines(pass, delta), S[deltaFill] || "#F0F2F6", S[deltaInk] || "#000")) chips.push(node.badge);
    }
    if (node.bias) {
      const biasLines = lines(pass, bias);
      if (fill(node.bias, biasLines, "#F0F2F6", "#000", neuron[4] && biasLines.length ? neuron[4] : "")) chips.push(node.bias);
    }
  });
  if (step.targets) {
    let output = 0;
    pass.neurons.forEach((neuron, i) => {
      const target = view.nodes[i].target;
      if (!target) return;
      if (fill(target, lines(pass, step.targets[output]), "#F0F2F6", "#000")) chips.push(target);
      output += 1;
    });
  }
  // connection labels: the pass's choice (all, or the largest; none on a dense network, whose
  // connections tell their numbers on hover and on a tap)
  const shown = new Set(step.shown);
  view.edgeChips.forEach((edgeChip, i) => {
    const edge = pass.edges[i], stage = step.edge_stage[pass.neurons[edge[1]][0] - 1];
    const text = shown.has(i) ? lines(pass, edge[6][stage]) : [];
    if (fill(edgeChip, text, "#F0F2F6", "#000")) chips.push(edgeChip);
  });
  layoutChips(chips);
  spread(view);
  drawGradient(view, step);
  drawBatch(view, step);
  drawHighlights(view, step);
  drawSelection(view);
  drawTarget(view);
  if (view.hovering) hover(view, view.hovering.event, view.hovering.kind, view.hovering.index, view.hovering.pinned);
}

function neuronIndex(pass, selected) {
  return pass.neurons.findIndex(n => n[0] === selected[0] && n[1] === selected[1]);
}

function drawHighlights(view, step) {
  const pass = view.pass;
  view.highlightLayer.textContent = "";
  let edges = step.highlight;
  if (view.selected) {
    const mine = step.feeds[String(neuronIndex(pass, view.selected))];
    if (mine && mine.length) edges = mine;
  }
  for (const i of edges) {
    const line = view.edgeLines[i];
    el("line", { x1: line.getAttribute("x1"), y1: line.getAttribute("y1"), x2: line.getAttribute("x2"),
      y2: line.getAttribute("y2"), stroke: HIGHLIGHT, "stroke-width": 10, "stroke-opacity": 0.55,
      "stroke-linecap": "round" }, view.highlightLayer);
  }
}

function drawSelection(view) {
  const i = view.selected ? neuronIndex(view.pass, view.selected) : -1;
  if (i < 0) {
    view.ring.setAttribute("visibility", "hidden");
    return;
  }
  const node = view.nodes[i], { w, h } = view.ringSize;
  const middle = view.pill && !view.pass.neurons[i][0] ? node.cy + view.pill.h / 2 : node.cy + 2;
  view.ring.setAttribute("x", node.cx - w / 2);
  view.ring.setAttribute("y", (view.pill ? middle : node.cy) - h / 2);
  view.ring.setAttribute("visibility", "visible");
}

function drawTarget(view) {
  // The quiz's question is about this neuron or connection: marked while it is asked.
  view.targetLayer.textContent = "";
  const quiz = view.quiz;
  if (!quiz || quiz.step !== view.position) return;
  if (quiz.edge !== null && quiz.edge !== undefined) {
    const line = view.edgeLines[quiz.edge];
    el("line", { x1: line.getAttribute("x1"), y1: line.getAttribute("y1"), x2: line.getAttribute("x2"),
      y2: line.getAttribute("y2"), stroke: TARGET, "stroke-width": 7, "stroke-dasharray": "10 6",
      class: "bpviz-target-edge" }, view.targetLayer);
  }
  if (quiz.neuron !== null && quiz.neuron !== undefined) {
    const node = view.nodes[quiz.neuron];
    el("circle", { cx: node.cx, cy: node.cy, r: (view.pill ? view.pill.w / 2 : view.radius) + 12, fill: "none",
      stroke: TARGET, "stroke-width": 4, "stroke-dasharray": "8 5", class: "bpviz-target-neuron" }, view.targetLayer);
  }
}

// ---- the inspector's neuron, hover --------------------------------------------------------------

function select(view, i, event) {
  const neuron = view.pass.neurons[i];
  view.selected = [neuron[0], neuron[1]];
  draw(view);
  hover(view, event, "neuron", i, true);
  reportNow(view);                 // the server draws the neuron's inspector: at once
  followInspector(view);
}

function followInspector(view) {
  // Where the readouts are under the diagram (a phone) and off screen, scroll them into view
  // once the server has drawn the clicked neuron's inspector: when no run has been going for
  // 200 ms, within 10 s. Beside the diagram (wide screens) nothing moves.
  afterRun({ quiet: 200, noRun: 1000, limit: 10000 }, ended => {
    const readouts = document.querySelector(".st-key-step_readouts");
    if (!ended || !readouts) return;
    const box = readouts.getBoundingClientRect(), stage = view.root.getBoundingClientRect();
    if (box.top >= stage.bottom - 1 && (box.top > window.innerHeight * 0.6 || box.top < 0)) {
      readouts.scrollIntoView({ block: "start" });
    }
  });
}

function hover(view, event, kind, index, pinned) {
  const tip = view.tooltip;
  if (!event || !view.pass) {
    if (view.hovering && view.hovering.pinned) return;
    view.hovering = null;
    tip.classList.remove("bpviz-shown");
    return;
  }
  const pass = view.pass, step = pass.steps[view.position], S = pass.strings;
  let text;
  if (kind === "edge") {
    const edge = pass.edges[index], stage = step.edge_stage[pass.neurons[edge[1]][0] - 1];
    text = `${S[edge[7][stage]]}\n${S[edge[8]]}`;
  } else {
    text = `${S[step.nodes[index][7]]}\n${S[pass.neurons[index][6]]}`;
  }
  view.hovering = { event, kind, index, pinned: !!pinned };
  tip.textContent = text;
  const stage = view.stage.getBoundingClientRect();
  const x = (event.clientX || stage.left) - stage.left, y = (event.clientY || stage.top) - stage.top;
  tip.classList.add("bpviz-shown");
  const w = tip.offsetWidth, h = tip.offsetHeight;
  tip.style.left = `${Math.max(0, Math.min(x + 12, stage.width - w))}px`;
  tip.style.top = `${Math.max(0, y + 14 + h > stage.height ? y - h - 10 : y + 14)}px`;
  if (pinned) {
    clearTimeout(view.tipTimer);
    view.tipTimer = setTimeout(() => { if (view.hovering && view.hovering.pinned) { view.hovering.pinned = false; hover(view, null); } }, 5000);
  }
}

// ---- motion -----------------------------------------------------------------------------------

function stopFlow(view) {
  if (view.flowFrame) cancelAnimationFrame(view.flowFrame);
  view.flowFrame = 0;
  const context = view.canvas.getContext("2d");
  context.setTransform(1, 0, 0, 1, 0, 0);
  context.clearRect(0, 0, view.canvas.width, view.canvas.height);
  delete view.root.dataset.flowing;
}

function flow(view, index, backwards) {
  // Step `index`'s values travel from where they are computed to where they are used (w·a
  // forward, w·δ backward); `backwards` plays it in reverse (stepping back). Drawn on a canvas
  // over the picture, whose numbers are already in place: nothing waits for the motion, and
  // the picture is not redrawn while it plays.
  stopFlow(view);
  const reduced = window.matchMedia && window.matchMedia("(prefers-reduced-motion: reduce)").matches;
  const items = view.pass.steps[index].flow;
  if (!view.motion || reduced || !items.length) return;
  const S = view.pass.strings, many = items.length > 40;   // many: dots only, the numbers stay readable
  const moving = items.map(([x0, y0, x1, y1, text]) => {
    const from = [view.px(x0), view.py(y0)], to = [view.px(x1), view.py(y1)];
    return { text: many ? "" : S[text], from: backwards ? to : from, to: backwards ? from : to };
  });
  const context = view.canvas.getContext("2d"), radius = many ? 4 : 6;
  const started = performance.now();
  const ease = t => (t < 0.5 ? 4 * t * t * t : 1 - Math.pow(-2 * t + 2, 3) / 2);
  let frames = 0;
  view.root.dataset.flowing = "1";
  const frame = now => {
    const t = Math.min((now - started) / DURATION, 1), e = ease(t);
    context.setTransform(view.canvasScale, 0, 0, view.canvasScale, 0, 0);
    context.clearRect(0, 0, view.width, view.height);
    context.font = "14px 'Source Sans Pro', Arial, sans-serif";
    context.textAlign = "center";
    context.lineJoin = "round";
    let first = null;
    for (const item of moving) {
      const x = item.from[0] + e * (item.to[0] - item.from[0]), y = item.from[1] + e * (item.to[1] - item.from[1]);
      first = first || [x, y];
      context.beginPath();
      context.arc(x, y, radius, 0, 2 * Math.PI);
      context.fillStyle = HIGHLIGHT;
      context.fill();
      context.lineWidth = 1;
      context.strokeStyle = "#000";
      context.stroke();
      if (item.text) {          // black on a white halo: readable on either theme
        context.lineWidth = 4;
        context.strokeStyle = "#fff";
        context.strokeText(item.text, x, y - 10);
        context.fillStyle = "#000";
        context.fillText(item.text, x, y - 10);
      }
    }
    view.root.dataset.flowFrames = String(++frames);
    view.root.dataset.flowAt = `${first[0].toFixed(1)},${first[1].toFixed(1)}`;
    if (t < 1) view.flowFrame = requestAnimationFrame(frame);
    else view.flowFrame = requestAnimationFrame(() => stopFlow(view));
  };
  frame(started);
}

// ---- the component ------------------------------------------------------------------------------

export default function (component) {
  const { data, parentElement, setStateValue } = component;
  let view = parentElement.bpvizStep;
  if (!view || !view.root.isConnected) {
    view = create(parentElement);
    parentElement.bpvizStep = view;
  }
  current = view;
  view.setStateValue = setStateValue;
  installKeys();
  if (!data) return;
  view.words = data.words || {};
  view.count = data.count;
  view.motion = !!data.motion;
  view.settle = Number.isFinite(data.settle) ? data.settle : REPORT_AFTER;
  view.lazy = !!data.lazy;
  view.addressOrder = data.address_order || [];
  view.moved = Number.isInteger(data.moved) ? data.moved : null;
  view.quiz = data.quiz || null;
  for (const name of ["first", "prev", "next", "forward", "backward"]) {
    view.buttons[name].label.textContent = view.words[name] || "";
    view.buttons[name].button.title = view.words[`${name}_help`] || view.words[name] || "";
    view.buttons[name].button.setAttribute("aria-label", view.words[name] || name);
  }
  if (data.pass) held = { id: data.pass_id, pass: data.pass };
  const pass = held.id === data.pass_id ? held.pass : null;
  if (pass && view.passId !== data.pass_id) {   // a new pass: its picture is built in this same task, no blank frame
    view.pass = pass;
    view.passId = data.pass_id;
    build(view);
    view.followed = false;
  }
  // the server moved the position or the selection itself: go there (once per move it sends)
  const goto = data.goto || {};
  const stepMove = JSON.stringify(goto.step ?? null), selectedMove = JSON.stringify(goto.selected ?? null);
  view.known = view.known || {};
  if (stepMove !== view.moves.step) {
    view.moves.step = stepMove;
    if (goto.step !== null && goto.step !== undefined) {
      view.position = goto.step;
      view.known.position = goto.step;         // the server's own move: nothing to tell it
      clearTimeout(view.reportTimer);          // (nor the press it overrides)
      view.pendingReport = false;
      delete view.root.dataset.pending;
      stopFlow(view);
    }
  }
  if (selectedMove !== view.moves.selected) {
    view.moves.selected = selectedMove;
    if (goto.selected) {
      view.selected = goto.selected[0];
      view.known.selected = view.selected;
    }
  }
  if (view.pass) {
    view.position = Math.min(Math.max(view.position, 0), lastIndex(view));
    draw(view);
    if (!view.followed || goto.step !== null && goto.step !== undefined && view.moves.followed !== stepMove) {
      view.followed = true;           // the step it opens on, or the server moved it to: in view
      view.moves.followed = stepMove;
      followLayer(view);
    }
  }
  // where it is and how wide, when the server does not know yet (a pending position: when it settles)
  if (!view.pendingReport) report(view);
}
