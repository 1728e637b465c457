// Copy the JavaScript the pages use into frontend/build (served by Django's staticfiles).
import { cpSync, mkdirSync, writeFileSync } from "node:fs";

const out = "frontend/build";
mkdirSync(`${out}/js`, { recursive: true });
mkdirSync(`${out}/images`, { recursive: true });
cpSync("node_modules/govuk-frontend/dist/govuk/govuk-frontend.min.js", `${out}/js/govuk-frontend.min.js`);
cpSync("node_modules/htmx.org/dist/htmx.min.js", `${out}/js/htmx.min.js`);
// GOV.UK's accessible-autocomplete: long selects become type-to-search fields (coopnet.mjs).
const autocomplete = "node_modules/accessible-autocomplete/dist/accessible-autocomplete.min";
cpSync(`${autocomplete}.js`, `${out}/js/accessible-autocomplete.min.js`);
cpSync(`${autocomplete}.css`, `${out}/accessible-autocomplete.min.css`);
// Their source maps too: the production static storage checks that every file a file names exists.
cpSync(`${autocomplete}.js.map`, `${out}/js/accessible-autocomplete.min.js.map`);
cpSync(`${autocomplete}.css.map`, `${out}/accessible-autocomplete.min.css.map`);
cpSync("frontend/js", `${out}/js`, { recursive: true });
// Images GOV.UK Frontend's CSS refers to (the crest is referenced but never shown: the header is
// the network's own). Its GDS Transport fonts are not copied: the network uses Arial.
for (const dir of ["images", "rebrand"]) {
  cpSync(`node_modules/govuk-frontend/dist/govuk/assets/${dir}`, `${out}/govuk/assets/${dir}`, {
    recursive: true,
  });
}
cpSync("frontend/images", `${out}/images`, { recursive: true });
writeFileSync(`${out}/.built`, "");
