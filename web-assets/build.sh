#!/usr/bin/env sh
# Install the web app's browser assets from npm (exact versions of package-lock.json) and copy
# the files the pages load into src/tumen/web/static/vendor/, each package's licence beside
# them. The app serves them itself: no page fetches anything from a CDN.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
out="$here/../src/tumen/web/static/vendor"
cd "$here"
npm ci --no-audit --no-fund --loglevel=error
rm -rf "$out.tmp"
mkdir -p "$out.tmp/leaflet/images" "$out.tmp/chart.js" "$out.tmp/topojson-client" "$out.tmp/world-atlas"
nm=node_modules
cp $nm/leaflet/dist/leaflet.js $nm/leaflet/dist/leaflet.css $nm/leaflet/LICENSE "$out.tmp/leaflet/"
cp $nm/leaflet/dist/images/*.png "$out.tmp/leaflet/images/"
cp $nm/chart.js/dist/chart.umd.js $nm/chart.js/LICENSE.md "$out.tmp/chart.js/"
# chart.umd.js bundles @kurkle/color; its licence travels with it.
cp $nm/@kurkle/color/LICENSE.md "$out.tmp/chart.js/LICENSE-kurkle-color.md"
cp $nm/topojson-client/dist/topojson-client.min.js $nm/topojson-client/LICENSE "$out.tmp/topojson-client/"
# Natural Earth country outlines (public domain), as TopoJSON, 1:50m.
cp $nm/world-atlas/countries-50m.json $nm/world-atlas/LICENSE "$out.tmp/world-atlas/"
rm -rf "$out"
mv "$out.tmp" "$out"
touch "$out/.built"
echo "web assets in $out"
