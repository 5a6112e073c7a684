// Zettaflop's host script: include it once in a page that embeds Zettaflop in iframes marked
// `data-zettaflop` (see the README, "Share and embed"). Each such iframe then takes the height of
// its content: the embedded page posts {type: "zettaflop:height", height} whenever its height
// changes, and when this script asks ({type: "zettaflop:measure"}, on start and on each frame's
// load: loaded async, the script may start after the frames have settled). Messages are
// accepted only from those iframes' own windows, and only a sane number is used. No network
// request, no cookie, no storage.
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
  // This script is loaded async: the frames may have settled (and posted their height) before
  // it listened. Ask each frame for its height now, and again whenever one (re)loads.
  function ask(frame) {
    if (frame.contentWindow) frame.contentWindow.postMessage({ type: 'zettaflop:measure' }, '*');
  }
  var frames = document.querySelectorAll('iframe[data-zettaflop]');
  for (var i = 0; i < frames.length; i++) {
    ask(frames[i]);
    frames[i].addEventListener('load', function (event) { ask(event.target); });
  }
})();
