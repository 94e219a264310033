// Touchpoint lesson steps: one idea per screen. A small ES module, loaded by the lesson
// page only. Without it the lesson is one long page (every step shown, the step
// controls hidden); with it:
// - one step ([data-step]) shows at a time, the knowledge check last; "Step 3 of 8"
//   and a bar show where the learner is;
// - Continue and Back (a sticky bar on phones), the arrow keys and a horizontal swipe
//   move between steps; focus moves to the new step and a live region announces it;
// - the step is saved for a signed-in learner (PUT .../position/, once per pause and
//   when the page is hidden) and the page opens there next time (data-start-step);
// - reaching the last content step marks the lesson experienced (POST .../experienced/);
// - a link to something inside another step (#knowledge-check, an error summary)
//   shows that step.

const SWIPE_MIN_PX = 60;
const SAVE_DELAY_MS = 800;
const ENTERING = ["is-entering-forward", "is-entering-back"];
const NO_KEYS =
  "input, select, textarea, [contenteditable], summary, [data-quiz], iframe, wagtail-userbar";
const NO_SWIPE = "input, select, textarea, [data-handle], [data-sequence], pre, table, iframe";

function csrfToken() {
  const input = document.querySelector("input[name=csrfmiddlewaretoken]");
  if (input) return input.value;
  const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

function send(url, method, body) {
  return fetch(url, {
    method,
    credentials: "same-origin",
    keepalive: true, // a save sent as the page is left still arrives
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json",
      "X-CSRFToken": csrfToken(),
    },
    body: JSON.stringify(body),
  });
}

function enhance(lesson) {
  const steps = [...lesson.querySelectorAll("[data-step]")];
  const quizStep = steps.find((step) => step.id === "knowledge-check");
  const lastContent = steps.length - (quizStep ? 2 : 1);
  const done = lesson.querySelector("[data-api-experienced]");
  const positionUrl = lesson.dataset.apiPosition;
  const find = (selector) => lesson.querySelector(selector);
  const ui = {
    progress: find("[data-step-progress]"),
    label: find("[data-step-label]"),
    fill: find("[data-step-fill]"),
    status: find("[data-step-status]"),
    nav: find("[data-step-nav]"),
    back: find("[data-step-back]"),
    next: find("[data-step-next]"),
    finish: find("[data-step-finish]"),
  };
  let current = -1;
  let marked = false;
  let pending = null;
  let timer = null;

  function markExperienced() {
    if (!done || marked) return;
    marked = true;
    send(done.dataset.apiExperienced, "POST", {}).then((reply) => {
      const form = reply.ok && done.querySelector("[data-experienced-form]");
      if (!form) return;
      const note = document.createElement("p");
      note.className = "state state--completed";
      note.textContent = "You have read this lesson.";
      form.replaceWith(note);
    }).catch(() => { marked = false; });
  }

  function flush() {
    clearTimeout(timer);
    if (pending === null || !positionUrl) return;
    const step = pending;
    pending = null;
    send(positionUrl, "PUT", { step }).catch(() => {});
  }

  function save(index) {
    if (!positionUrl) return;
    pending = index;
    clearTimeout(timer);
    timer = setTimeout(flush, SAVE_DELAY_MS);
  }

  function heading(step) {
    return step.querySelector("h2, h3")?.textContent.replace(/\s+/g, " ").trim() ?? "";
  }

  // moved: the learner moved (announce, save, focus the step); target: an element inside
  // the step to scroll to; reveal: bring the lesson's top into view.
  function show(index, { moved = false, target = null, reveal = moved } = {}) {
    index = Math.max(0, Math.min(steps.length - 1, index));
    const forward = index > current;
    if (index !== current) {
      steps.forEach((step, i) => {
        step.hidden = i !== index;
        step.classList.remove(...ENTERING); // a step left mid-slide never ends its animation
      });
      const step = steps[index];
      if (current >= 0) step.classList.add(forward ? ENTERING[0] : ENTERING[1]);
      current = index;
      const last = index === steps.length - 1;
      lesson.classList.toggle("is-first-step", index === 0);
      lesson.classList.toggle("is-last-step", last);
      lesson.classList.toggle("is-quiz-step", step === quizStep);
      const text = `Step ${index + 1} of ${steps.length}`;
      ui.label.textContent = text;
      ui.fill.style.width = `${((index + 1) / steps.length) * 100}%`;
      ui.back.hidden = index === 0;
      ui.next.hidden = last;
      if (ui.finish) ui.finish.hidden = !last;
      if (moved) {
        ui.status.textContent = heading(step) ? `${text}: ${heading(step)}` : text;
        save(index);
      }
    }
    if (index >= lastContent) markExperienced();
    if (target) {
      target.scrollIntoView({ block: "start" });
    } else if (reveal && lesson.getBoundingClientRect().top < 0) {
      lesson.scrollIntoView({ block: "start" });
    }
    if (moved && !target) steps[index].focus({ preventScroll: true });
  }

  const go = (delta) => show(current + delta, { moved: true });

  function stepOfHash() {
    const id = decodeURIComponent(window.location.hash.slice(1));
    const target = id && document.getElementById(id);
    const index = target ? steps.findIndex((step) => step.contains(target)) : -1;
    return index < 0 ? null : { index, target: steps[index] === target ? null : target };
  }

  if (steps.length < 2) {
    markExperienced(); // one screen: its end is in view
    return;
  }

  lesson.classList.add("is-stepped");
  steps.forEach((step) => {
    step.setAttribute("tabindex", "-1");
    step.addEventListener("animationend", () => step.classList.remove(...ENTERING));
  });
  ui.progress.hidden = false;
  ui.nav.hidden = false;
  ui.next.addEventListener("click", () => go(1));
  ui.back.addEventListener("click", () => go(-1));

  document.addEventListener("keydown", (event) => {
    if (event.defaultPrevented || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) {
      return;
    }
    if (event.key !== "ArrowRight" && event.key !== "ArrowLeft") return;
    if (event.target instanceof Element && event.target.closest(NO_KEYS)) return;
    event.preventDefault();
    go(event.key === "ArrowRight" ? 1 : -1);
  });

  let touch = null;
  lesson.addEventListener("touchstart", (event) => {
    const start = event.touches[0];
    touch = event.touches.length === 1 && !event.target.closest(NO_SWIPE)
      ? { x: start.clientX, y: start.clientY, at: event.timeStamp } : null;
  }, { passive: true });
  lesson.addEventListener("touchend", (event) => {
    if (!touch) return;
    const end = event.changedTouches[0];
    const dx = end.clientX - touch.x;
    const dy = end.clientY - touch.y;
    const quick = event.timeStamp - touch.at < 1000;
    touch = null;
    if (quick && Math.abs(dx) >= SWIPE_MIN_PX && Math.abs(dx) > 2 * Math.abs(dy)) go(dx < 0 ? 1 : -1);
  }, { passive: true });

  window.addEventListener("hashchange", () => {
    const found = stepOfHash();
    if (found) show(found.index, { moved: true, target: found.target });
  });
  window.addEventListener("pagehide", flush);
  document.addEventListener("visibilitychange", () => {
    if (document.visibilityState === "hidden") flush();
  });

  const linked = stepOfHash();
  if (linked) {
    show(linked.index, { target: linked.target, reveal: true });
  } else {
    show(Number(lesson.dataset.startStep) || 0);
  }
}

const lesson = document.querySelector("[data-steps]");
if (lesson) enhance(lesson);
