// Builds the page into the Python package's static folder (run by `make setup`; output not committed).
import { build } from "esbuild";
import { cpSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const here = dirname(fileURLToPath(import.meta.url));
const out = join(here, "..", "src", "diplograph", "web", "static");
rmSync(out, { recursive: true, force: true });
mkdirSync(join(out, "swagger"), { recursive: true });

await build({
  entryPoints: {
    app: join(here, "src", "app.js"), document: join(here, "src", "document.js"),
    "layout-worker": join(here, "src", "layout-worker.js"),
  },
  bundle: true, minify: true, format: "esm", target: "es2020", outdir: out, legalComments: "linked",
  splitting: true, chunkNames: "chunks/[name]-[hash]",
  logLevel: "warning",
});
for (const f of ["index.html", "document.html", "style.css", "favicon.svg"]) cpSync(join(here, "src", f), join(out, f));
// The map's countries: Natural Earth 1:110m via world-atlas (public domain data, ISC package), fetched by the map.
const atlas = join(here, "node_modules", "world-atlas");
cpSync(join(atlas, "countries-110m.json"), join(out, "countries-110m.json"));
cpSync(join(atlas, "LICENSE"), join(out, "countries-110m.LICENSE.txt"));
const swagger = join(here, "node_modules", "swagger-ui-dist");
for (const f of ["swagger-ui-bundle.js", "swagger-ui.css", "LICENSE"]) cpSync(join(swagger, f), join(out, "swagger", f));
writeFileSync(join(out, "README.txt"), "Built by frontend/build.mjs from frontend/ and its npm packages; not committed.\n");
console.log(`built the page into ${out}`);
