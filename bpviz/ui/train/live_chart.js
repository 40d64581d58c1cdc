// A Plotly figure that is updated in place (Plotly.react) on every rerun, for the Train
// page's live redraws. st.plotly_chart mounts a new plot whenever its figure changes (its
// element id hashes the figure) and the new plot stays hidden until it has been sized: a
// blank chart in the middle of Play. Here the component keeps its key, so the same <div>
// receives each new figure.
//
// loadPlotly() and pageLayout() come from plotly_loader.js, prepended by live_chart.py.

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
  const layout = pageLayout(figure.layout, parentElement);
  const Plotly = await loadPlotly();
  await Plotly.react(plot, figure.data, layout, { ...data.config, responsive: true });
}
