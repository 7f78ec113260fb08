// Runs the force-directed layout (fcose) off the page's main thread, on a headless Cytoscape:
// the page stays responsive while a large network settles.
import cytoscape from "cytoscape";
import fcose from "cytoscape-fcose";

cytoscape.use(fcose);

self.onmessage = (ev) => {
  const { seq, nodes, edges } = ev.data;
  const cy = cytoscape({
    headless: true,
    style: [{ selector: "node", style: { width: "data(size)", height: "data(size)" } }],
    elements: nodes.map((n) => ({ group: "nodes", data: n })).concat(
      edges.map((e) => ({ group: "edges", data: e }))),
  });
  const big = nodes.length > 400;
  cy.layout({
    name: "fcose", animate: false, randomize: true, quality: big ? "draft" : "default",
    numIter: big ? 1000 : 2500, packComponents: true, nodeRepulsion: 6000, idealEdgeLength: 60,
  }).run();
  const positions = {};
  cy.nodes().forEach((n) => { positions[n.id()] = n.position(); });
  cy.destroy();
  self.postMessage({ seq, positions });
};
