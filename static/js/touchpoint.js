// Touchpoint: progressive enhancement for every learner page. One small ES module, no
// framework, no build step. Every page works without it. Lesson steps (and marking a
// lesson experienced) are static/js/steps.js; the knowledge check is static/js/quiz.js.
// - the completion page gets a Print button.

const root = document.documentElement;
root.classList.add("js");

document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
