// Train's live chart: the readouts (epoch, losses, accuracy), a plateau advice, then the
// loss curves and the boundary (or regression curve), side by side (stacked on a phone), and
// a note. While Play runs, this component paces the server: once it has drawn a chunk (and
// the browser has painted it), it reports what it holds ("drawn": run, last epoch, loss
// traces). That report reruns the Train fragment, which trains one chunk and sends only what
// is new. When it asks next is play_pacing.js's rule: a busy browser or server asks less often.
//
// What arrives is either full figures ("loss", "side": Plotly JSON) or what is new since
// the epoch the server last heard of ("after", "points": epochs and one list per loss
// trace), and always the boundary's grid ("grid": its axes and level, "numbers": its values)
// or the regression curve ("numbers": its y). New points replace any drawn after "after"
// (the server may answer from an older report), and points before "first" are dropped (the
// server keeps a bounded history). While Play runs, Plotly draws the axes, the data points
// and the legend once, and each chunk is painted on the canvases under them
// (play_layers.js); when Play stops, Plotly draws the full figures (hover, exact ranges).
// The readouts' texts come formatted from Python and are shown as text.
//
// loadPlotly() and pageLayout() come from plotly_loader.js, the painting from
// play_layers.js and askGap() from play_pacing.js, prepended by play_chart.py.

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
    for (const name of ["loss", "side"]) {   // each chart: the canvas Play paints on, under the Plotly plot
      const holder = element("div", `bpviz-play-${name}`, "flex:1 1 340px;min-width:0;position:relative");
      holder.append(element("canvas", "bpviz-play-layer",
                            "position:absolute;left:0;top:0;width:100%;height:100%;pointer-events:none"),
                    element("div", "bpviz-play-plot", "position:relative;width:100%"));
      chart.appendChild(holder);
    }
    const note = element("div", "bpviz-play-note", "font-size:0.875rem;opacity:0.6;min-height:1.5rem;margin-top:0.5rem",
                         "bpvizPlayNote");
    box.append(readouts, advice, chart, note);
    box.memory = { loss: null, side: null, run: null, fields: [], epoch: 0, asks: 0, lastAsk: 0, timer: null,
                   trip: null, waiting: false, painted: 0, grid: null, numbers: null, live: null, look: null,
                   upto: null, frames: [] };
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

// The side figure keeps the latest numbers, for Plotly's own drawing once Play stops.
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

// The loss chart's axis ranges while Play runs: from the first epoch kept to half as far
// again as the last (at least 50 epochs on), and from 0 to a tenth above the largest loss
// kept; `previous` while every point still fits in it, so that Plotly redraws the axes a
// few times in a Play, not after every chunk.
function liveLossRanges(figure, previous) {
  const xs = figure.data.length ? figure.data[0].x : [];
  const first = xs.length ? xs[0] : 0, last = xs.length ? xs[xs.length - 1] : 0;
  let top = 0;
  figure.data.forEach((trace) => {
    if (trace.yaxis === "y2") return;
    for (const value of trace.y) if (Number.isFinite(value) && value > top) top = value;
  });
  if (previous && first >= previous.x[0] && last <= previous.x[1] && top <= previous.y[1]) return previous;
  const y2 = (figure.layout.yaxis2 && figure.layout.yaxis2.range) || [0, 1.02];
  return { x: [first, last + Math.max(50, 0.5 * (last - first))], y: [0, 1.1 * top || 1], y2 };
}

// The loss figure Plotly draws while Play runs: its axes at `ranges` and its legend; the
// curves themselves are painted under it.
function liveLossFigure(figure, ranges) {
  const layout = figure.layout;
  return {
    data: figure.data.map((trace) => ({ ...trace, x: [null], y: [null], hoverinfo: "skip" })),
    layout: { ...layout, hovermode: false, xaxis: { ...layout.xaxis, range: ranges.x, autorange: false },
              yaxis: { ...layout.yaxis, range: ranges.y, autorange: false } },
  };
}

// The boundary figure Plotly draws while Play runs: the data points, the axes at the
// grid's extent (as Plotly's heatmap spans it) and room on the right for the colour scale;
// the output and the boundary (traces 0 and 1) are painted under it.
function liveSideFigure(figure, grid) {
  const { x, y } = grid;
  const dx = (x[x.length - 1] - x[0]) / (x.length - 1), dy = (y[y.length - 1] - y[0]) / (y.length - 1);
  const layout = figure.layout;
  return {
    data: figure.data.map((trace, i) => (i < 2 ? { ...trace, visible: false } : trace)),
    layout: { ...layout, margin: { ...layout.margin, r: Math.max(90, (layout.margin && layout.margin.r) || 0) },
              xaxis: { ...layout.xaxis, range: [x[0] - dx / 2, x[x.length - 1] + dx / 2], autorange: false,
                       showgrid: false },   // the heatmap hides them once Plotly draws it
              yaxis: { ...layout.yaxis, range: [y[0] - dy / 2, y[y.length - 1] + dy / 2], autorange: false,
                       showgrid: false } },
  };
}

// How the side chart's painted layers look: the heatmap's colours and opacity, the
// boundary's line, the colour scale's title, in the chart's own text colour and font.
function sideLook(figure, plot) {
  const heat = figure.data[0], tick = plot.querySelector(".ytick text");
  const style = tick ? getComputedStyle(tick) : null;
  return { stops: colourStops(heat.colorscale), opacity: heat.opacity === undefined ? 1 : heat.opacity,
           boundary: figure.data[1].line || { color: "#222", width: 2 },
           title: (heat.colorbar && heat.colorbar.title && heat.colorbar.title.text) || "",
           text: style ? style.fill : "#444", font: `12px ${style ? style.fontFamily : "sans-serif"}`,
           picture: document.createElement("canvas") };
}

// Paint what changed since Plotly drew the axes, at the axes' current ranges (the learner
// may have zoomed); nothing once Play has stopped.
function paintLayers(box, memory) {
  for (const name of ["loss", "side"]) {
    const holder = box.querySelector(`.bpviz-play-${name}`);
    const plot = holder.querySelector(".bpviz-play-plot"), canvas = holder.querySelector(".bpviz-play-layer");
    const context = freshCanvas(canvas, holder.clientWidth, holder.clientHeight);
    const area = plotArea(plot);
    if (name === "loss") moveGridLines(context, plot, Boolean(memory.live && area));
    if (!memory.live || !area || !plot.layout) continue;
    const range = (axis) => (plot.layout[axis] && plot.layout[axis].range) || [0, 1];
    if (name === "loss") {
      const traces = memory.upto === null ? memory.loss.data : memory.loss.data.map((trace) => {
        const shown = trace.x.filter((x) => x <= memory.upto).length;   // epochs ascend
        return { ...trace, x: trace.x.slice(0, shown), y: trace.y.slice(0, shown) };
      });
      drawCurves(context, area, { x: range("xaxis"), y: range("yaxis"), y2: range("yaxis2") }, traces);
    } else if (memory.live.side && memory.numbers && memory.numbers.z && memory.look) {   // look: once Plotly drew the axes
      drawOutput(context, area, { x: range("xaxis"), y: range("yaxis") }, memory.grid, memory.numbers, memory.look);
      drawScale(context, area, memory.numbers, memory.look);
    }
  }
}

// Once per plot: paint the layers again whenever Plotly has drawn (zoom, pan, a resize).
function followPlotly(box, memory, plot) {
  if (plot.bpvizFollowed || typeof plot.on !== "function") return;
  plot.bpvizFollowed = true;
  plot.on("plotly_afterplot", () => { if (memory.live) paintLayers(box, memory); });
}

// Draw the charts: Plotly's full figures when Play is not running; while it runs, Plotly
// draws the axes only when they change, and the layers are painted.
async function show(box, memory, data, fresh, parentElement) {
  const lossPlot = box.querySelector(".bpviz-play-loss .bpviz-play-plot");
  const sidePlot = box.querySelector(".bpviz-play-side .bpviz-play-plot");
  const revision = `${data.run}:${memory.epoch}:${memory.asks}`;
  const boundary = Boolean(memory.side && memory.grid && memory.numbers && memory.numbers.z);
  if (!data.playing) {
    memory.live = null;
    await Promise.all([draw(lossPlot, memory.loss, data.config, revision, parentElement),
                       draw(sidePlot, memory.side, data.config, revision, parentElement)]);
    paintLayers(box, memory);   // clears the canvases
    return;
  }
  const before = memory.live;
  const ranges = liveLossRanges(memory.loss, before && !fresh && before.run === data.run ? before.ranges : null);
  const jobs = [];
  if (!before || fresh || ranges !== before.ranges) {
    const figure = liveLossFigure(memory.loss, ranges);
    jobs.push(draw(lossPlot, figure, data.config, `${revision}:axes`, parentElement));
  }
  if (!boundary) {   // a regression curve (one input) or no side chart: Plotly draws it whole
    jobs.push(draw(sidePlot, memory.side, data.config, revision, parentElement));
  } else if (!before || fresh || !before.side) {
    jobs.push(draw(sidePlot, liveSideFigure(memory.side, memory.grid), data.config, `${revision}:axes`, parentElement));
  }
  memory.live = { run: data.run, ranges, side: boundary };
  await Promise.all(jobs);
  if (boundary && (!memory.look || jobs.length)) memory.look = sideLook(memory.side, sidePlot);
  followPlotly(box, memory, lossPlot);
  followPlotly(box, memory, sidePlot);
  paintLayers(box, memory);
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

// Show one of an ask's chunks: the curves up to `upto` (null: all), the side chart's
// `numbers` and the readouts then. Painted on the layers: only while Play runs.
function showChunk(box, memory, upto, numbers, readouts) {
  memory.upto = upto;
  memory.numbers = numbers;
  writeReadouts(box, readouts);
  paintLayers(box, memory);
}

export default async function ({ data, parentElement, setStateValue }) {
  const box = parts(parentElement);
  const memory = box.memory;
  const generation = (memory.generation = (memory.generation || 0) + 1);   // a newer rerun supersedes this one
  clearTimeout(memory.timer);
  clearTimeout(memory.retry);
  memory.frames.forEach(clearTimeout);
  // When one ask trained several chunks and Play runs, the first is shown first, the rest in turn.
  const chunks = data.playing && data.frames ? data.frames : [];
  writeReadouts(box, chunks.length ? chunks[0].readouts : data.readouts);
  const fresh = data.loss !== undefined;
  if (fresh) {
    memory.loss = JSON.parse(data.loss);
    memory.side = data.side ? JSON.parse(data.side) : null;
  } else if (extends_(memory, data)) {
    appendPoints(memory.loss, data);
  } else {   // nothing to extend (a new mount that kept an old report): ask for full figures
    memory.run = null;
    ask(memory, setStateValue, data.pacing.retry);
    return;
  }
  memory.grid = data.grid || null;
  swapNumbers(memory.side, data.numbers || null);
  memory.upto = chunks.length ? chunks[0].epoch : null;
  memory.numbers = chunks.length ? chunks[0].numbers : data.numbers || null;
  memory.run = data.run;
  memory.fields = data.fields;
  const epochs = memory.loss.data.length ? memory.loss.data[0].x : [];
  memory.epoch = epochs.length ? epochs[epochs.length - 1] : 0;
  await show(box, memory, data, fresh, parentElement);
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
    // n chunks to show: at least n times the fastest gap between asks, the rest evenly till the next ask
    const shown = chunks.length + 1;
    const wait = Math.max(0, askGap(memory.trip, { ...data.pacing, fastest: shown * data.pacing.fastest }) -
                             (now - memory.lastAsk));
    memory.frames = !chunks.length ? [] : chunks.slice(1).concat([null]).map((chunk, k) => setTimeout(() => {
      if (generation !== memory.generation) return;
      if (chunk) showChunk(box, memory, chunk.epoch, chunk.numbers, chunk.readouts);
      else showChunk(box, memory, null, data.numbers || null, data.readouts);
    }, ((k + 1) * wait) / shown));
    memory.timer = setTimeout(() => ask(memory, setStateValue, data.pacing.retry), wait);
  });
}
