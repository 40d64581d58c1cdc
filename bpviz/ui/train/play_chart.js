// Train's live chart: the loss curves and the boundary (or regression curve), side by side
// (stacked on a phone). While Play runs, this component paces the server: once it has drawn
// a chunk (and the browser has painted it), and no sooner than `interval` ms after its last
// request, it reports what it holds ("drawn": run, last epoch, loss traces). That report
// reruns the Train fragment, which trains one chunk and sends only what is new.
//
// What arrives is either full figures ("loss", "side": Plotly JSON) or what is new since
// the epoch the server last heard of ("after", "points": epochs and one list per loss
// trace, "numbers": the boundary's grid or the regression curve). New points replace any
// drawn after "after" (the server may answer from an older report), and points before
// "first" are dropped (the server keeps a bounded history).
//
// loadPlotly() and pageLayout() come from plotly_loader.js, prepended by play_chart.py.

function parts(parentElement) {
  let box = parentElement.querySelector(".bpviz-play-chart");
  if (!box) {
    box = document.createElement("div");
    box.className = "bpviz-play-chart";
    box.style.cssText = "display:flex;flex-wrap:wrap;gap:1rem;width:100%";
    for (const name of ["loss", "side"]) {
      const plot = document.createElement("div");
      plot.className = `bpviz-play-${name}`;
      plot.style.cssText = "flex:1 1 340px;min-width:0";
      box.appendChild(plot);
    }
    box.memory = { loss: null, side: null, run: null, fields: [], epoch: 0, asks: 0, lastAsk: 0, timer: null };
    parentElement.appendChild(box);
  }
  return box;
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

function ask(memory, setStateValue) {
  memory.asks += 1;
  memory.lastAsk = performance.now();
  setStateValue("drawn", { run: memory.run, epoch: memory.epoch, fields: memory.fields, ask: memory.asks });
}

export default async function ({ data, parentElement, setStateValue }) {
  const box = parts(parentElement);
  const memory = box.memory;
  const generation = (memory.generation = (memory.generation || 0) + 1);   // a newer rerun supersedes this one
  clearTimeout(memory.timer);
  if (data.loss !== undefined) {
    memory.loss = JSON.parse(data.loss);
    memory.side = data.side ? JSON.parse(data.side) : null;
  } else if (extends_(memory, data)) {
    appendPoints(memory.loss, data);
    swapNumbers(memory.side, data.numbers);
  } else {   // nothing to extend (a new mount that kept an old report): ask for full figures
    memory.run = null;
    ask(memory, setStateValue);
    return;
  }
  memory.run = data.run;
  memory.fields = data.fields;
  const epochs = memory.loss.data.length ? memory.loss.data[0].x : [];
  memory.epoch = epochs.length ? epochs[epochs.length - 1] : 0;
  const revision = `${data.run}:${memory.epoch}:${memory.asks}`;
  await Promise.all([draw(box.querySelector(".bpviz-play-loss"), memory.loss, data.config, revision, parentElement),
                     draw(box.querySelector(".bpviz-play-side"), memory.side, data.config, revision, parentElement)]);
  if (!data.playing || generation !== memory.generation) return;
  // Painted first (no animation frames in a hidden tab: it asks for nothing), then paced.
  requestAnimationFrame(() => {
    if (generation !== memory.generation) return;
    const wait = Math.max(0, data.interval - (performance.now() - memory.lastAsk));
    memory.timer = setTimeout(() => ask(memory, setStateValue), wait);
  });
}
