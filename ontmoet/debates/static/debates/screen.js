// The big screen follows the vote without reloading: every few seconds it reads the
// result from the API and writes the counts into the table. Without JavaScript the page
// shows the counts of the moment it was loaded.
(function () {
  "use strict";
  var root = document.querySelector(".debate-screen");
  if (!root || !window.fetch) { return; }
  var url = root.getAttribute("data-results");
  var interval = parseInt(root.getAttribute("data-interval"), 10) || 2000;

  function put(name, value) {
    var cell = root.querySelector('[data-count="' + name + '"]');
    if (cell && cell.textContent !== String(value)) { cell.textContent = String(value); }
  }

  function show(result) {
    ["before", "after"].forEach(function (kind) {
      var round = result.rounds[kind];
      ["for", "against", "undecided"].forEach(function (side) {
        put(kind + "-" + side, round.counts[side]);
      });
      put(kind + "-total", round.total);
    });
    var state = root.querySelector("[data-round-state]");
    if (state && result.state_label && state.textContent !== result.state_label) {
      state.textContent = result.state_label;
    }
    var winner = root.querySelector("[data-winner]");
    if (winner && result.winner_label !== undefined && winner.textContent !== result.winner_label) {
      winner.textContent = result.winner_label;
    }
  }

  function poll() {
    fetch(url, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (result) { if (result) { show(result); } })
      .catch(function () { /* the next poll tries again */ })
      .then(function () { window.setTimeout(poll, interval); });
  }
  window.setTimeout(poll, interval);

  // The top questions: rebuilt from the API with textContent only (never as HTML).
  var questionsUrl = root.getAttribute("data-questions");
  var list = root.querySelector(".debate-screen__questions");
  function showQuestions(items) {
    var fresh = document.createElement("ol");
    fresh.className = list.className;
    items.slice(0, 5).forEach(function (q) {
      var item = document.createElement("li");
      item.textContent = q.text + (q.first_name ? " — " + q.first_name : "") + " (" + q.upvotes + ")";
      fresh.appendChild(item);
    });
    list.parentNode.replaceChild(fresh, list);
    list = fresh;
  }
  function pollQuestions() {
    fetch(questionsUrl, { headers: { Accept: "application/json" }, credentials: "same-origin" })
      .then(function (response) { return response.ok ? response.json() : null; })
      .then(function (items) { if (items) { showQuestions(items); } })
      .catch(function () { /* the next poll tries again */ })
      .then(function () { window.setTimeout(pollQuestions, interval * 2); });
  }
  if (questionsUrl && list) { window.setTimeout(pollQuestions, interval * 2); }
})();
