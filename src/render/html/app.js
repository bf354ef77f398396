// routecheck's interactive map: reads the JSON the page carries and draws it with Leaflet.
// No tiles and no requests: the basemap is vector data in the page.
(function () {
  'use strict';
  var D = JSON.parse(document.getElementById('routecheck-data').textContent);
  // The legend is in the page's flow for readers without the script; take it out before the
  // map measures its container, and put it in a map control below.
  var legend = document.getElementById('legend');
  legend.parentNode.removeChild(legend);
  var C = D.colours;
  var map = L.map('map', {
    zoomSnap: 0.25,
    attributionControl: false,
    keyboard: true
  });
  map.fitBounds(D.bounds);

  function opts(extra) {
    var o = { interactive: false };
    for (var k in extra) { o[k] = extra[k]; }
    return o;
  }
  function text(tag, cls, content) {
    var e = document.createElement(tag);
    if (cls) { e.className = cls; }
    if (content !== undefined) { e.textContent = content; }
    return e;
  }

  // Basemap, bottom up: land (holes by the even-odd rule), lakes, rivers, coast, borders.
  var B = D.basemap;
  var base = L.layerGroup([
    L.polygon(B.land, opts({ stroke: false, fillColor: C.land, fillOpacity: 1, className: 'rc-land' })),
    L.polygon(B.lakes, opts({ color: C.coast, weight: 0.5, fillColor: C.sea, fillOpacity: 1, className: 'rc-lake' })),
    L.polyline(B.rivers, opts({ color: C.river, weight: 0.8, className: 'rc-river' })),
    L.polyline(B.coast, opts({ color: C.coast, weight: 0.8, className: 'rc-coast' })),
    L.polyline(B.borders, opts({ color: C.border, weight: 1.3, className: 'rc-border' })),
    L.polyline(B.disputed, opts({ color: C.border, weight: 1.1, dashArray: '4 3', className: 'rc-border' }))
  ]).addTo(map);
  var countries = L.layerGroup(B.countries.map(function (c) {
    return L.marker(c[1], {
      interactive: false, keyboard: false,
      icon: L.divIcon({ className: 'rc-country', html: '', iconSize: null })
    }).bindTooltip(c[0], { permanent: true, direction: 'center', className: 'rc-country-label' });
  })).addTo(map);

  // The story's own lines: rivers it crosses, railways near the route.
  var named = L.layerGroup(D.named_lines.map(function (n) {
    return L.polyline(n.lines, opts({ color: n.colour, weight: n.weight, dashArray: n.dash || null, className: 'rc-named' }))
      .bindTooltip(n.name, { sticky: true });
  })).addTo(map);

  // The route: a white casing, then each leg in its mode's style.
  var route = L.layerGroup();
  D.legs.forEach(function (l) {
    L.polyline(l.points, opts({ color: C.casing, weight: 6.5, opacity: 0.9, className: 'rc-casing' })).addTo(route);
  });
  D.legs.forEach(function (l) {
    var cls = 'rc-leg rc-leg-' + l.mode + (l.track_unknown ? ' rc-track-unknown' : '');
    var what = l.label + ' (' + l.mode + (l.track_unknown ? ', track not known: straight line shown' : l.schematic ? ', schematic' : '') + ')';
    L.polyline(l.points, {
      color: l.colour, weight: l.weight, dashArray: l.dash || null, lineCap: 'round', className: cls
    }).bindTooltip(what, { sticky: true }).addTo(route);
  });
  route.addTo(map);

  // Crossings and waypoints: keyboard-focusable markers with a text alternative.
  // Popups pan the map clear of the layer switch (top right) and the legend (bottom right).
  var popupRoom = { maxWidth: 340, autoPanPaddingTopRight: [200, 170], autoPanPaddingBottomRight: [290, 250] };
  var crossings = L.layerGroup(D.crossings.map(function (c) {
    var label = c.name + ' (' + c.kind + ' crossing), ' + c.km;
    return L.marker(c.at, {
      title: label, alt: label, keyboard: true,
      icon: L.divIcon({ className: 'rc-crossing rc-crossing-' + c.kind, iconSize: [14, 14] })
    }).bindPopup(function () {
      var d = text('div', 'rc-popup');
      d.appendChild(text('h3', '', c.name));
      d.appendChild(text('p', '', (c.kind === 'border' ? 'Border' : 'River') + ' crossing at ' + c.km + ' from the start'));
      return d;
    }, popupRoom);
  })).addTo(map);

  var sizes = { origin: 16, destination: 16, stop: 12, via: 9, place: 10 };
  var waypoints = L.layerGroup(D.waypoints.map(function (w, i) {
    var label = w.name + (w.km ? ', ' + w.km + ' from the start' : '');
    var s = sizes[w.kind];
    return L.marker(w.at, {
      title: label, alt: label, keyboard: true, riseOnHover: true,
      icon: L.divIcon({ className: 'rc-waypoint rc-' + w.kind, iconSize: [s, s] })
    }).bindPopup(function () {
      var d = text('div', 'rc-popup');
      d.setAttribute('data-waypoint', String(i));
      d.appendChild(text('h3', '', w.name));
      var dl = text('dl');
      if (w.km) {
        dl.appendChild(text('dt', '', 'Along the route'));
        dl.appendChild(text('dd', '', w.km + ' from the start'));
      }
      w.rows.forEach(function (r) {
        dl.appendChild(text('dt', '', r[0]));
        dl.appendChild(text('dd', '', r[1]));
      });
      d.appendChild(dl);
      return d;
    }, popupRoom).bindTooltip(w.name, {
      // The ends are named on the map; the stops between them on hover and focus.
      permanent: w.kind === 'origin' || w.kind === 'destination',
      direction: 'right', offset: [8, 0], className: 'rc-place-label'
    });
  })).addTo(map);

  // Claims: choosing one rings the places it names, joins them, and fits the map to them.
  var claims = L.layerGroup().addTo(map);
  var status = document.getElementById('claim-status');
  function showClaim(i) {
    var c = D.claims[i];
    claims.clearLayers();
    Array.prototype.forEach.call(document.querySelectorAll('.claim-button'), function (b) {
      b.setAttribute('aria-pressed', b.getAttribute('data-claim') === String(i) ? 'true' : 'false');
    });
    if (!c.places.length) {
      status.textContent = c.id + ' (' + c.verdict + '): ' + c.how + '.';
      return;
    }
    var pts = c.places.map(function (p) { return p.at; });
    if (pts.length > 1) {
      L.polyline(pts, opts({ color: C.highlight, weight: 2, dashArray: '1 6', className: 'rc-claim-line' })).addTo(claims);
    }
    c.places.forEach(function (p) {
      L.circleMarker(p.at, opts({ radius: 13, color: C.highlight, weight: 3, fill: false, className: 'rc-claim-place' }))
        .bindTooltip(p.name, { permanent: true, direction: 'top', offset: [0, -12], className: 'rc-claim-label' })
        .addTo(claims);
    });
    if (!map.hasLayer(claims)) { claims.addTo(map); }
    map.fitBounds(L.latLngBounds(pts).pad(0.3), { maxZoom: 9 });
    status.textContent = c.id + ' (' + c.verdict + ') applies to ' + c.how + ': shown on the map.';
  }
  Array.prototype.forEach.call(document.querySelectorAll('.claim-button'), function (b) {
    b.setAttribute('aria-pressed', 'false');
    b.addEventListener('click', function () { showClaim(Number(b.getAttribute('data-claim'))); });
  });

  // Controls: layers (checkboxes, labelled), scale, legend, attribution.
  L.control.layers(null, {
    'Route legs by mode': route,
    'Places (popups)': waypoints,
    'Crossings': crossings,
    'Claim chosen': claims,
    'Story rivers and railways': named,
    'Country names': countries,
    'Basemap': base
  }, { collapsed: false, position: 'topright' }).addTo(map);
  L.control.scale({ metric: true, imperial: true, position: 'bottomleft' }).addTo(map);
  // Bottom corners stack upwards: the attribution first, so it stays at the very bottom.
  L.control.attribution({ prefix: false, position: 'bottomright' })
    .addAttribution(D.attribution.join(' · '))
    .addTo(map);
  var Legend = L.Control.extend({
    options: { position: 'bottomright' },
    onAdd: function () {
      L.DomEvent.disableClickPropagation(legend);
      L.DomEvent.disableScrollPropagation(legend);
      return legend;
    }
  });
  new Legend().addTo(map);

  // For scripts and tests: the map and its layers.
  window.routecheck = {
    map: map, route: route, waypoints: waypoints, crossings: crossings, claims: claims, showClaim: showClaim
  };
}());
