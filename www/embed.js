// Zettaflop's host script: include it once in a page that embeds Zettaflop in iframes marked
// `data-zettaflop` (see the README, "Share and embed"). Each such iframe then takes the height of
// its content: the embedded page posts {type: "zettaflop:height", height} whenever its height
// changes. Messages are accepted only from those iframes' own windows, and only a sane number
// is used. No network request, no cookie, no storage.
(function () {
  'use strict';
  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'zettaflop:height') return;
    var height = Number(data.height);
    if (!isFinite(height) || height < 50 || height > 20000) return;
    var frames = document.querySelectorAll('iframe[data-zettaflop]');
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + 'px';
        return;
      }
    }
  });
})();
