// Train's live chart: the readouts (epoch, losses, accuracy), a plateau advice, then the
// loss curves and the boundary (or regression curve), side by side (stacked on a phone), and
// a note. While Play runs, this component paces the server: once it has drawn a chunk (and
// the browser has painted it), it reports what it holds ("drawn": run, last epoch, loss
// traces). That report reruns the Train fragment, which trains one chunk and sends only what
// is new. It asks no sooner than `pacing.fastest` ms after its last ask, and later when its
// answers come back slowly (`pacing.share` times the recent time from asking to having
// painted the answer, at most `pacing.slowest` ms): a busy browser or server asks less often.
//
// What arrives is either full figures ("loss", "side": Plotly JSON) or what is new since
// the epoch the server last heard of ("after", "points": epochs and one list per loss
// trace, "numbers": the boundary's grid or the regression curve). New points replace any
// drawn after "after" (the server may answer from an older report), and points before
// "first" are dropped (the server keeps a bounded history). The common case, points right
// after the last one drawn, is drawn with Plotly.extendTraces and Plotly.restyle (no new
// layout); anything else with Plotly.react. The readouts' texts come formatted from Python
// and are shown as text.
//
// loadPlotly() and pageLayout() come from plotly_loader.js, prepended by play_chart.py.

function element(tag, className, css, testId) {
  const node = document.createElement(tag);
  node.className = className;
  node.style.cssText = css;
  if (testId) node.dataset.testid = testId;
  return node;
}

function parts(parentElement) {
  let box = parentElement.querySelector(".bpviz-play");
  if (!box) {
    box = element("div", "bpviz-play", "width:100%;font-family:var(--st-font, inherit);color:var(--st-text-color, inherit)");
    const readouts = element("div", "bpviz-play-readouts",
                             "display:grid;grid-template-columns:repeat(auto-fit,minmax(9rem,1fr));gap:1rem;margin-bottom:1rem");
    for (let i = 0; i < 4; i++) {
      const cell = element("div", "", "min-width:0", "bpvizReadout");
      cell.append(element("div", "", "font-size:0.875rem;min-height:1.5rem;overflow-wrap:anywhere", "bpvizReadoutLabel"),
                  element("div", "", "font-size:2.25rem;line-height:normal;padding-bottom:0.125rem;" +
                                     "overflow-wrap:anywhere", "bpvizReadoutValue"));
      readouts.appendChild(cell);
    }
    const advice = element("div", "bpviz-play-advice",
                           "display:none;padding:1rem;margin-bottom:1rem;border-radius:0.5rem;" +
                           "background:var(--st-blue-background-color, rgba(28,131,225,0.1));" +
                           "color:var(--st-blue-text-color, #004280);line-height:1.6", "bpvizPlayAdvice");
    advice.setAttribute("role", "status");
    const chart = element("div", "bpviz-play-chart", "display:flex;flex-wrap:wrap;gap:1rem;width:100%");
    for (const name of ["loss", "side"]) chart.appendChild(element("div", `bpviz-play-${name}`, "flex:1 1 340px;min-width:0"));
    const note = element("div", "bpviz-play-note", "font-size:0.875rem;opacity:0.6;min-height:1.5rem;margin-top:0.5rem",
                         "bpvizPlayNote");
    box.append(readouts, advice, chart, note);
    box.memory = { loss: null, side: null, run: null, fields: [], epoch: 0, asks: 0, lastAsk: 0, timer: null,
                   trip: null, waiting: false, painted: 0 };
    parentElement.appendChild(box);
  }
  return box;
}

// The readouts as text (never as HTML): only the texts that changed are written.
function writeReadouts(box, readouts) {
  if (!readouts) return;
  box.querySelectorAll("[data-testid='bpvizReadout']").forEach((cell, i) => {
    const [label, value] = readouts.figures[i] || ["", ""];
    const [labelNode, valueNode] = cell.children;
    if (labelNode.textContent !== label) labelNode.textContent = label;
    if (valueNode.textContent !== value) valueNode.textContent = value;
  });
  const advice = box.querySelector(".bpviz-play-advice");
  if (advice.textContent !== (readouts.advice || "")) advice.textContent = readouts.advice || "";
  advice.style.display = readouts.advice ? "" : "none";
  const note = box.querySelector(".bpviz-play-note");
  if (note.textContent !== readouts.note) note.textContent = readouts.note || "";
}

function sameList(a, b) {
  return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((v, i) => v === b[i]);
}

// Can the memory take this update? The same run (or an empty chart, which any run extends),
// the same loss traces, and at least every epoch up to "after".
function extends_(memory, data) {
  if (!memory.loss || !sameList(memory.fields, data.fields)) return false;
  if (memory.run !== data.run && !(memory.run === "" && data.after === 0)) return false;
  return memory.epoch >= data.after;
}

function appendPoints(figure, data) {
  data.fields.forEach((field, i) => {
    const trace = figure.data[i];
    const xs = [], ys = [];
    trace.x.forEach((x, k) => {
      if (x <= data.after && x >= data.first) { xs.push(x); ys.push(trace.y[k]); }
    });
    trace.x = xs.concat(data.points.epoch);
    trace.y = ys.concat(data.points[field]);
  });
}

function swapNumbers(figure, numbers) {
  if (!figure || !numbers) return;
  if (numbers.z) {   // trace 0 the heatmap, trace 1 the boundary contour
    Object.assign(figure.data[0], { z: numbers.z, zmin: numbers.zmin, zmax: numbers.zmax });
    figure.data[1].z = numbers.z;
  } else if (numbers.y) {   // the network's curve is the last trace
    figure.data[figure.data.length - 1].y = numbers.y;
  }
}

async function draw(plot, figure, config, revision, parentElement) {
  plot.style.display = figure ? "" : "none";
  if (!figure) return;
  plot.style.height = `${figure.layout.height || 400}px`;   // the room is kept before Plotly has drawn
  const layout = { ...pageLayout(figure.layout, parentElement), datarevision: revision };
  const Plotly = await loadPlotly();
  await Plotly.react(plot, figure.data, layout, { ...config, responsive: true });
}

// The common case of a chunk: its points follow the last one drawn, on plots Plotly has
// drawn from the figures in memory. Then the curves are extended (points before "first"
// dropped) and only the side chart's numbers restyled; the memory's figures are Plotly's
// own data, so they follow. Returns false when this case does not apply.
async function extendDrawn(box, memory, data) {
  const lossPlot = box.querySelector(".bpviz-play-loss"), sidePlot = box.querySelector(".bpviz-play-side");
  if (data.after !== memory.epoch || lossPlot.data !== memory.loss.data ||
      (memory.side && sidePlot.data !== memory.side.data) || !data.points.epoch.length) return false;
  const Plotly = await loadPlotly();
  const traces = data.fields.map((_, i) => i);
  const kept = memory.loss.data[0].x.filter((x) => x >= data.first).length + data.points.epoch.length;
  const jobs = [Plotly.extendTraces(lossPlot, { x: data.fields.map(() => data.points.epoch),
                                                y: data.fields.map((field) => data.points[field]) }, traces, kept)];
  const numbers = data.numbers;
  if (memory.side && numbers && numbers.z) {   // trace 0 the heatmap, trace 1 the boundary contour
    jobs.push(Plotly.restyle(sidePlot, { z: [numbers.z, numbers.z], zmin: [numbers.zmin, null],
                                         zmax: [numbers.zmax, null] }, [0, 1]));
  } else if (memory.side && numbers && numbers.y) {   // the network's curve is the last trace
    jobs.push(Plotly.restyle(sidePlot, { y: [numbers.y] }, [memory.side.data.length - 1]));
  }
  await Promise.all(jobs);
  return true;
}

// Report what is drawn, which reruns the fragment; an ask that gets no answer within
// `retry` ms (a rerun lost on the way) is asked again.
function ask(memory, setStateValue, retry) {
  memory.asks += 1;
  memory.lastAsk = performance.now();
  memory.waiting = true;
  clearTimeout(memory.retry);
  if (retry) memory.retry = setTimeout(() => ask(memory, setStateValue, retry), retry);
  setStateValue("drawn", { run: memory.run, epoch: memory.epoch, fields: memory.fields, ask: memory.asks });
}

// The gap between two asks: `share` times the recent ask-to-painted time, within
// [fastest, slowest] ms.
function gap(memory, pacing) {
  const trip = memory.trip === null ? 0 : memory.trip;
  return Math.min(pacing.slowest, Math.max(pacing.fastest, pacing.share * trip));
}

export default async function ({ data, parentElement, setStateValue }) {
  const box = parts(parentElement);
  const memory = box.memory;
  const generation = (memory.generation = (memory.generation || 0) + 1);   // a newer rerun supersedes this one
  clearTimeout(memory.timer);
  clearTimeout(memory.retry);
  writeReadouts(box, data.readouts);
  let extended = false;
  if (data.loss !== undefined) {
    memory.loss = JSON.parse(data.loss);
    memory.side = data.side ? JSON.parse(data.side) : null;
  } else if (extends_(memory, data)) {
    extended = await extendDrawn(box, memory, data);
    if (!extended) {
      appendPoints(memory.loss, data);
      swapNumbers(memory.side, data.numbers);
    }
  } else {   // nothing to extend (a new mount that kept an old report): ask for full figures
    memory.run = null;
    ask(memory, setStateValue, data.pacing.retry);
    return;
  }
  memory.run = data.run;
  memory.fields = data.fields;
  const epochs = memory.loss.data.length ? memory.loss.data[0].x : [];
  memory.epoch = epochs.length ? epochs[epochs.length - 1] : 0;
  if (!extended) {
    const revision = `${data.run}:${memory.epoch}:${memory.asks}`;
    await Promise.all([draw(box.querySelector(".bpviz-play-loss"), memory.loss, data.config, revision, parentElement),
                       draw(box.querySelector(".bpviz-play-side"), memory.side, data.config, revision, parentElement)]);
  }
  if (!data.playing || generation !== memory.generation) return;
  // Painted first (no animation frames in a hidden tab: it asks for nothing), then paced.
  requestAnimationFrame(() => {
    if (generation !== memory.generation) return;
    const now = performance.now();
    if (memory.waiting) {   // the answer to the last ask is painted: how long that took
      const trip = now - memory.lastAsk;
      memory.trip = memory.trip === null ? trip : 0.7 * memory.trip + 0.3 * trip;
      memory.waiting = false;
      memory.painted = (memory.painted || 0) + 1;
    }
    const wait = Math.max(0, gap(memory, data.pacing) - (now - memory.lastAsk));
    memory.timer = setTimeout(() => ask(memory, setStateValue, data.pacing.retry), wait);
  });
}
