// A Plotly figure that is updated in place (Plotly.react) on every rerun, for the Train
// page's live redraws. st.plotly_chart mounts a new plot whenever its figure changes (its
// element id hashes the figure) and the new plot stays hidden until it has been sized: a
// blank chart in the middle of Play. Here the component keeps its key, so the same <div>
// receives each new figure.
//
// Plotly itself is loaded once per page from the app's own server (the plotly package's
// plotly.min.js, served by a declared component path), never from another host.
const FILE = "component/bpviz.ui.live_chart.plotly/plotly.min.js";

function plotlyUrl() {
  // The app's base URL: where Streamlit's own index script is served from.
  const index = document.querySelector("script[src*='/static/js/index.']");
  const base = index ? index.src.replace(/static\/js\/index\.[^/]*$/, "") : new URL("/", location.href).href;
  return base + FILE;
}

function loadPlotly() {
  if (window.Plotly) return Promise.resolve(window.Plotly);
  if (!window.bpvizPlotly) {
    window.bpvizPlotly = new Promise((resolve, reject) => {
      const script = document.createElement("script");
      script.src = plotlyUrl();
      script.onload = () => resolve(window.Plotly);
      script.onerror = () => { window.bpvizPlotly = null; reject(new Error("plotly.min.js did not load")); };
      document.head.appendChild(script);
    });
  }
  return window.bpvizPlotly;
}

export default async function ({ data, parentElement }) {
  let plot = parentElement.querySelector(".bpviz-live-chart");
  const figure = JSON.parse(data.figure);
  if (!plot) {
    plot = document.createElement("div");
    plot.className = "bpviz-live-chart";
    plot.style.width = "100%";
    parentElement.appendChild(plot);
  }
  plot.style.height = `${figure.layout.height || 400}px`;   // the room is kept before Plotly has drawn
  const layout = { ...figure.layout, autosize: true };
  for (const name of Object.keys(layout)) {   // room for tick labels and axis titles, as st.plotly_chart gives
    if (!/^[xy]axis\d*$/.test(name)) continue;
    const axis = { automargin: true, ...layout[name] };
    if (typeof axis.title === "string") axis.title = { text: axis.title };   // plotly.js 3 reads {text} only
    layout[name] = axis;
  }
  if (typeof layout.title === "string") layout.title = { text: layout.title };
  layout.font = { family: getComputedStyle(parentElement.host || document.body).fontFamily, ...layout.font };
  const Plotly = await loadPlotly();
  await Plotly.react(plot, figure.data, layout, { ...data.config, responsive: true });
}
