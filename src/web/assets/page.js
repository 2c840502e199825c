// The room's page: each update from the event stream replaces #room (the server sends
// it ready, in both languages); the clock and the item's timer tick here. The page
// sends nothing back.
(() => {
  "use strict";
  const room = document.getElementById("room");
  const body = document.body;
  const switchLang = document.getElementById("switch-lang");
  const switchLayout = document.getElementById("switch-layout");
  let lang = body.dataset.lang;
  let last = null;
  const pad = (n) => String(n).padStart(2, "0");
  const mmss = (ms) => {
    const s = Math.max(0, Math.floor(ms / 1000));
    return Math.floor(s / 60) + ":" + pad(s % 60);
  };
  function tick() {
    const now = new Date();
    for (const el of room.querySelectorAll("[data-clock]")) {
      el.textContent = pad(now.getHours()) + ":" + pad(now.getMinutes()) + ":" + pad(now.getSeconds());
    }
    for (const el of room.querySelectorAll("[data-deadline]")) {
      const left = Math.round((Date.parse(el.dataset.deadline) - now) / 1000);
      el.textContent = left < 0 ? "+" + mmss(-left * 1000) : mmss(left * 1000);
      el.classList.toggle("over", left < 0);
      el.classList.toggle("warning", left >= 0 && left <= Number(el.dataset.warn));
    }
    for (const el of room.querySelectorAll("[data-since]")) {
      const elapsed = now - Date.parse(el.dataset.since);
      const planned = Number(el.dataset.planned) * 60000;
      el.textContent = planned > 0 && elapsed > planned
        ? mmss(planned) + " +" + mmss(elapsed - planned)
        : planned > 0 ? mmss(elapsed) + " / " + mmss(planned) : mmss(elapsed);
      el.classList.toggle("over", planned > 0 && elapsed > planned);
      el.classList.toggle("warning", planned > 0 && elapsed <= planned
        && planned - elapsed <= Number(el.dataset.warn) * 1000);
    }
  }
  function show() {
    if (last) {
      room.innerHTML = lang === "en" ? last.en : last.zh;
    }
    tick();
  }
  function layout() {
    return body.classList.contains("phone") ? "phone" : "slide";
  }
  switchLang.addEventListener("click", (event) => {
    // Before the first update there is only this language here: the link loads the
    // page in the other.
    if (!last) {
      return;
    }
    event.preventDefault();
    const next = switchLang.dataset.lang;
    switchLang.dataset.lang = lang;
    switchLang.textContent = lang === "en" ? "English" : "中文";
    lang = next;
    body.dataset.lang = lang;
    document.documentElement.lang = lang;
    switchLayout.href = "?lang=" + lang + "&layout=" + (layout() === "slide" ? "phone" : "slide");
    history.replaceState(null, "", "?lang=" + lang + "&layout=" + layout());
    show();
  });
  const source = new EventSource("events");
  source.addEventListener("room", (event) => {
    last = JSON.parse(event.data);
    show();
  });
  tick();
  setInterval(tick, 1000);
})();
