// Door list: scan a ticket's QR code with the device camera, where the browser can
// (BarcodeDetector). Without it the page works as before: search by name or ticket code.
(function () {
  "use strict";
  var box = document.querySelector("[data-door-scan]");
  if (!box || !("BarcodeDetector" in window) || !navigator.mediaDevices) {
    return;
  }
  var video = box.querySelector("[data-door-scan-video]");
  var status = box.querySelector("[data-door-scan-status]");
  var start = box.querySelector("[data-door-scan-start]");
  box.hidden = false;

  function ticketFrom(text) {
    try {
      var url = new URL(text, window.location.href);
      return url.searchParams.get("ticket");
    } catch (error) {
      return null;
    }
  }

  start.addEventListener("click", function () {
    var detector = new window.BarcodeDetector({ formats: ["qr_code"] });
    navigator.mediaDevices
      .getUserMedia({ video: { facingMode: "environment" } })
      .then(function (stream) {
        video.srcObject = stream;
        video.hidden = false;
        return video.play().then(function () {
          function look() {
            detector.detect(video).then(function (codes) {
              var ticket = codes.length ? ticketFrom(codes[0].rawValue) : null;
              if (ticket) {
                stream.getTracks().forEach(function (track) { track.stop(); });
                var here = new URL(window.location.href);
                here.search = "?ticket=" + encodeURIComponent(ticket);
                window.location.assign(here.toString());
              } else {
                window.requestAnimationFrame(look);
              }
            });
          }
          look();
        });
      })
      .catch(function (error) {
        status.textContent = error.message;
      });
  });
})();
