// Shared by live_chart.js and play_chart.js (prepended to each by Python).
// Plotly itself is loaded once per page from the app's own server (the plotly package's
// plotly.min.js, served by a declared component path), never from another host.
const FILE = "component/bpviz.ui.train.live_chart.plotly/plotly.min.js";

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


// A figure's layout as st.plotly_chart would show it on this page: full width, room for
// tick labels and axis titles, {text} titles (plotly.js 3 reads no plain strings), the
// page's font.
function pageLayout(figureLayout, parentElement) {
  const layout = { ...figureLayout, autosize: true };
  for (const name of Object.keys(layout)) {   // room for tick labels and axis titles, as st.plotly_chart gives
    if (!/^[xy]axis\d*$/.test(name)) continue;
    const axis = { automargin: true, ...layout[name] };
    if (typeof axis.title === "string") axis.title = { text: axis.title };   // plotly.js 3 reads {text} only
    layout[name] = axis;
  }
  if (typeof layout.title === "string") layout.title = { text: layout.title };
  layout.font = { family: getComputedStyle(parentElement.host || document.body).fontFamily, ...layout.font };
  return layout;
}
