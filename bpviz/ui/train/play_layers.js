// While Play runs, what changes after each chunk (the loss curves, the network's output over
// the inputs, the decision boundary and the output's colour scale) is painted on a canvas
// under each Plotly chart; Plotly draws the axes, the data points and the legend, and draws
// them again only when the axes change (zoom, pan, a resize, a loss beyond the axis's
// range). A Plotly redraw of one chart costs about 35 ms of the browser's CPU whatever
// changed (restyle, extendTraces, relayout alike, measured); painting the canvas costs about
// one. Once Play stops, the charts are Plotly's own again (hover, exact autorange).
//
// Shared by play_chart.js (prepended to it by Python). Plain functions over plain data;
// the figures' numbers come from Python, and this only maps them to pixels.

// A colorscale [[t, "#rrggbb"], ...] as [[t, r, g, b], ...].
function colourStops(colorscale) {
  return colorscale.map(([t, colour]) => {
    const hex = colour.replace("#", "");
    return [t, parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16)];
  });
}

// The colour at position t (0..1) of `stops`, linearly between stops: [r, g, b].
function colourAt(stops, t) {
  const clamped = Math.min(1, Math.max(0, t));
  let k = 1;
  while (k < stops.length - 1 && stops[k][0] < clamped) k += 1;
  const [t0, r0, g0, b0] = stops[k - 1], [t1, r1, g1, b1] = stops[k];
  const f = t1 > t0 ? (clamped - t0) / (t1 - t0) : 0;
  return [r0 + f * (r1 - r0), g0 + f * (g1 - g0), b0 + f * (b1 - b0)];
}

// The plot area of a drawn Plotly chart in CSS pixels {l, t, w, h} (its drag rectangle),
// or null before Plotly has drawn it.
function plotArea(plot) {
  const drag = plot.querySelector(".draglayer .xy .nsewdrag");
  if (!drag) return null;
  const [l, t, w, h] = ["x", "y", "width", "height"].map((name) => Number(drag.getAttribute(name)));
  return w > 0 && h > 0 ? { l, t, w, h } : null;
}

// Maps axis units to pixels of `area` for the axis ranges xRange, yRange.
function mapper(area, xRange, yRange) {
  return {
    x: (value) => area.l + ((value - xRange[0]) / (xRange[1] - xRange[0])) * area.w,
    y: (value) => area.t + area.h - ((value - yRange[0]) / (yRange[1] - yRange[0])) * area.h,
  };
}

// The canvas under a chart, sized to it (device pixels), cleared; its 2-D context.
function freshCanvas(canvas, width, height) {
  const ratio = window.devicePixelRatio || 1;
  const w = Math.round(width * ratio), h = Math.round(height * ratio);
  if (canvas.width !== w || canvas.height !== h) {
    canvas.width = w;
    canvas.height = h;
  }
  const context = canvas.getContext("2d");
  context.setTransform(ratio, 0, 0, ratio, 0, 0);
  context.clearRect(0, 0, width, height);
  return context;
}

function clipTo(context, area) {
  context.beginPath();
  context.rect(area.l, area.t, area.w, area.h);
  context.clip();
}

// Dash patterns as Plotly draws them, for a line of `width`.
function dashes(dash, width) {
  if (dash === "dash") return [3 * width + 6, 3 * width];
  if (dash === "dot") return [width + 1, 2 * width + 1];
  return [];
}

// Plotly's grid lines of `plot`, painted here instead (under the curves, as Plotly draws them
// under its traces) and hidden in its SVG, which lies over the canvas; shown again when
// `live` is false.
function moveGridLines(context, plot, live) {
  const layer = plot.querySelector(".gridlayer");
  if (!layer) return;
  layer.style.visibility = live ? "hidden" : "";
  if (!live) return;
  const ratio = window.devicePixelRatio || 1;
  context.save();
  for (const line of layer.querySelectorAll("path")) {
    const shift = /translate\(([-\d.e]+),\s*([-\d.e]+)\)/.exec(line.getAttribute("transform") || "");
    const [dx, dy] = shift ? [Number(shift[1]), Number(shift[2])] : [0, 0];
    context.setTransform(ratio, 0, 0, ratio, ratio * dx, ratio * dy);
    context.strokeStyle = line.style.stroke || "#eee";
    context.lineWidth = parseFloat(line.style.strokeWidth) || 1;
    context.stroke(new Path2D(line.getAttribute("d") || ""));
  }
  context.restore();
}

// The curves `traces` ([{x, y, line: {color, width, dash}, yaxis: "y" | "y2"}]) through
// their points; a missing value (null, NaN) breaks a curve. ranges: {x, y, y2}.
function drawCurves(context, area, ranges, traces) {
  context.save();
  clipTo(context, area);
  for (const trace of traces) {
    const map = mapper(area, ranges.x, trace.yaxis === "y2" ? ranges.y2 : ranges.y);
    const line = trace.line || {};
    context.strokeStyle = line.color || "#444";
    context.lineWidth = line.width || 2;
    context.setLineDash(dashes(line.dash, context.lineWidth));
    context.beginPath();
    let pen = false;
    for (let k = 0; k < trace.x.length; k++) {
      const value = trace.y[k];
      if (value === null || value === undefined || !Number.isFinite(value)) {
        pen = false;
        continue;
      }
      const px = map.x(trace.x[k]), py = map.y(value);
      if (pen) context.lineTo(px, py);
      else context.moveTo(px, py);
      pen = true;
    }
    context.stroke();
  }
  context.restore();
}

// The grid's values as an image, one pixel per grid point (top row: the highest y), in the
// colours of `stops` from zmin to zmax; drawn into (and returns) `picture`, a canvas.
function gridPicture(picture, z, zmin, zmax, stops) {
  const rows = z.length, columns = z[0].length;
  picture.width = columns;
  picture.height = rows;
  const context = picture.getContext("2d");
  const image = context.createImageData(columns, rows);
  const span = zmax - zmin || 1;
  for (let i = 0; i < rows; i++) {
    const row = z[rows - 1 - i];
    for (let j = 0; j < columns; j++) {
      const [r, g, b] = colourAt(stops, (row[j] - zmin) / span);
      const at = 4 * (i * columns + j);
      image.data[at] = r;
      image.data[at + 1] = g;
      image.data[at + 2] = b;
      image.data[at + 3] = 255;
    }
  }
  context.putImageData(image, 0, 0);
  return picture;
}

// Where the level `centre` crosses the grid (marching squares, linear between grid points):
// [[x0, y0, x1, y1], ...] in the axes' units. x: the columns' values, y: the rows'.
function levelSegments(x, y, z, centre) {
  const segments = [];
  const at = (i, j) => z[i][j] - centre;
  const cross = (i0, j0, i1, j1) => {   // where the level crosses the edge (i0, j0)-(i1, j1)
    const a = at(i0, j0), b = at(i1, j1), f = a === b ? 0.5 : a / (a - b);
    return [x[j0] + f * (x[j1] - x[j0]), y[i0] + f * (y[i1] - y[i0])];
  };
  for (let i = 0; i < y.length - 1; i++) {
    for (let j = 0; j < x.length - 1; j++) {
      // the cell's corners counter-clockwise from its lower left; an edge is crossed where signs differ
      const corners = [[i, j], [i, j + 1], [i + 1, j + 1], [i + 1, j]];
      const points = [];
      for (let k = 0; k < 4; k++) {
        const [i0, j0] = corners[k], [i1, j1] = corners[(k + 1) % 4];
        if ((at(i0, j0) > 0) !== (at(i1, j1) > 0)) points.push(cross(i0, j0, i1, j1));
      }
      if (points.length === 4) {   // a saddle: the cell's mean says which corners the level separates
        const mean = (at(i, j) + at(i, j + 1) + at(i + 1, j + 1) + at(i + 1, j)) / 4;
        const pairs = (mean > 0) === (at(i, j) > 0) ? [[0, 1], [2, 3]] : [[0, 3], [1, 2]];
        for (const [a, b] of pairs) segments.push([...points[a], ...points[b]]);
      } else if (points.length === 2) {
        segments.push([...points[0], ...points[1]]);
      }
    }
  }
  return segments;
}

// The network's output over the inputs: the grid's picture (cells centred on the grid
// points, smoothed by the browser) at `opacity`, and the boundary where it crosses
// `grid.centre`. grid: {x, y, centre}; numbers: {z, zmin, zmax}; ranges: {x, y}.
function drawOutput(context, area, ranges, grid, numbers, look) {
  const { x, y } = grid;
  const dx = (x[x.length - 1] - x[0]) / (x.length - 1), dy = (y[y.length - 1] - y[0]) / (y.length - 1);
  const map = mapper(area, ranges.x, ranges.y);
  context.save();
  clipTo(context, area);
  context.globalAlpha = look.opacity;
  context.imageSmoothingEnabled = true;
  const left = map.x(x[0] - dx / 2), top = map.y(y[y.length - 1] + dy / 2);
  context.drawImage(gridPicture(look.picture, numbers.z, numbers.zmin, numbers.zmax, look.stops), left, top,
                    map.x(x[x.length - 1] + dx / 2) - left, map.y(y[0] - dy / 2) - top);
  context.globalAlpha = 1;
  context.strokeStyle = look.boundary.color;
  context.lineWidth = look.boundary.width;
  context.beginPath();
  for (const [x0, y0, x1, y1] of levelSegments(x, y, numbers.z, grid.centre)) {
    context.moveTo(map.x(x0), map.y(y0));
    context.lineTo(map.x(x1), map.y(y1));
  }
  context.stroke();
  context.restore();
}

// The output's colour scale beside the plot area: its title, a bar from zmin (bottom) to
// zmax (top), and five values along it, in the charts' text colour.
function drawScale(context, area, numbers, look) {
  const left = area.l + area.w + 24, width = 12, top = area.t, height = area.h;
  context.save();
  const bar = context.createLinearGradient(0, top + height, 0, top);
  for (const [t, r, g, b] of look.stops) bar.addColorStop(t, `rgb(${r},${g},${b})`);
  context.fillStyle = bar;
  context.fillRect(left, top, width, height);
  context.fillStyle = look.text;
  context.font = look.font;
  context.textBaseline = "middle";
  for (let k = 0; k <= 4; k++) {
    const value = numbers.zmin + (k / 4) * (numbers.zmax - numbers.zmin);
    context.fillText(value.toFixed(2), left + width + 4, top + height - (k / 4) * height);
  }
  context.textBaseline = "bottom";
  context.fillText(look.title, left, top - 6);
  context.restore();
}
