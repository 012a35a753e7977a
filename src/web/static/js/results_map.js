/* maplace — the map of search results, drawn only when the person asks for it.
   Leaflet (npm, served from /static/vendor/leaflet/) is fetched on that click, so that the
   results page stays light on a weak connection; the list above is the page either way.
   Results sit at their commune's centre: one marker per commune, its popup lists them. */
(function () {
  'use strict';

  var LEAFLET = '/static/vendor/leaflet/';

  function loadLeaflet(done, failed) {
    if (window.L) { done(); return; }
    var css = document.createElement('link');
    css.rel = 'stylesheet';
    css.href = LEAFLET + 'leaflet.css';
    document.head.appendChild(css);
    var script = document.createElement('script');
    script.src = LEAFLET + 'leaflet.js';
    script.onload = done;
    script.onerror = failed;
    document.head.appendChild(script);
  }

  // { "14.61,-61.00": { lat, lon, commune, links: [a, ...] } } from the results list.
  function placesOfResults() {
    var places = {};
    var items = document.querySelectorAll('[data-lat][data-lon]');
    Array.prototype.forEach.call(items, function (item) {
      var lat = parseFloat(item.getAttribute('data-lat'));
      var lon = parseFloat(item.getAttribute('data-lon'));
      var link = item.querySelector('h3 a');
      if (isNaN(lat) || isNaN(lon) || !link) { return; }
      var key = lat.toFixed(4) + ',' + lon.toFixed(4);
      if (!places[key]) {
        places[key] = { lat: lat, lon: lon, commune: item.getAttribute('data-commune'), links: [] };
      }
      places[key].links.push(link);
    });
    return places;
  }

  // The popup is built from the list's own links (text nodes only: nothing is parsed as HTML).
  function popupOf(place) {
    var box = document.createElement('div');
    var heading = document.createElement('p');
    heading.className = 'results-map__commune';
    heading.textContent = place.commune + ' : ' + place.links.length +
      (place.links.length > 1 ? ' résultats' : ' résultat');
    box.appendChild(heading);
    var list = document.createElement('ul');
    place.links.forEach(function (link) {
      var item = document.createElement('li');
      var copy = document.createElement('a');
      copy.href = link.getAttribute('href');
      copy.textContent = link.textContent;
      item.appendChild(copy);
      list.appendChild(item);
    });
    box.appendChild(list);
    return box;
  }

  function draw(holder) {
    var canvas = document.createElement('div');
    canvas.className = 'results-map__canvas';
    canvas.setAttribute('role', 'region');
    canvas.setAttribute('aria-label', 'Carte des résultats de cette page');
    holder.appendChild(canvas);
    var map = window.L.map(canvas, { scrollWheelZoom: false });
    window.L.tileLayer(holder.getAttribute('data-map-tiles'), {
      maxZoom: 18,
      attribution: holder.getAttribute('data-map-attribution')
    }).addTo(map);
    var points = [];
    // The searched place first, so that the results' markers are drawn over it; it takes no
    // clicks, which go through to them.
    var centreLat = parseFloat(holder.getAttribute('data-centre-lat'));
    var centreLon = parseFloat(holder.getAttribute('data-centre-lon'));
    if (!isNaN(centreLat) && !isNaN(centreLon)) {
      points.push([centreLat, centreLon]);
      window.L.circleMarker([centreLat, centreLon], {
        radius: 4, interactive: false, className: 'results-map__centre'
      }).addTo(map);
    }
    var places = placesOfResults();
    Object.keys(places).forEach(function (key) {
      var place = places[key];
      points.push([place.lat, place.lon]);
      window.L.circleMarker([place.lat, place.lon], {
        radius: 6 + Math.min(place.links.length, 6), weight: 2, className: 'results-map__marker'
      }).bindPopup(popupOf(place)).addTo(map);
    });
    map.fitBounds(points, { padding: [24, 24], maxZoom: 12 });
  }

  function init() {
    var holder = document.querySelector('[data-map-tiles]');
    if (!holder) { return; }
    var button = holder.querySelector('button');
    var status = holder.querySelector('[role="status"]');
    button.hidden = false;
    button.addEventListener('click', function () {
      button.disabled = true;
      status.textContent = 'Chargement de la carte…';
      loadLeaflet(function () {
        draw(holder);
        button.hidden = true;
        status.textContent = '';
      }, function () {
        button.disabled = false;
        status.textContent = 'La carte n’a pas pu être chargée : la liste reste disponible.';
      });
    });
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
