// Touchpoint: progressive enhancement for the learner pages. One small ES module,
// no framework, no build step. Every page works without it (plain forms posting
// to Django views); with it:
// - the quiz form submits through the REST API and the result appears in the
//   quiz's aria-live region without a reload;
// - sequencing items move with Move up / Move down buttons (Enter, Space, or the
//   arrow keys on a focused button) and by dragging their handle (mouse, pen, touch);
// - (lesson steps, and marking a lesson experienced, are static/js/steps.js);
// - the completion page gets a Print button.

const root = document.documentElement;
root.classList.add("js");

function csrfToken(scope = document) {
  const input = scope.querySelector("input[name=csrfmiddlewaretoken]")
    || document.querySelector("input[name=csrfmiddlewaretoken]");
  if (input) return input.value;
  const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

async function postJSON(url, body, scope, headers = {}) {
  const response = await fetch(url, {
    method: "POST",
    credentials: "same-origin",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json",
      "X-CSRFToken": csrfToken(scope),
      ...headers,
    },
    body: JSON.stringify(body ?? {}),
  });
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  return { ok: response.ok, status: response.status, data };
}

// Sequencing ---------------------------------------------------------------

function enhanceSequence(list) {
  const status = list.parentElement.querySelector("[data-sequence-status]");
  const items = () => [...list.querySelectorAll(":scope > [data-choice]")];
  const label = (item) => item.querySelector(".sequence__text").textContent.trim();

  function sync() {
    const all = items();
    all.forEach((item, index) => {
      const select = item.querySelector("select");
      if (select) select.value = String(index + 1);
      item.querySelector("[data-move=up]").setAttribute("aria-disabled", String(index === 0));
      item.querySelector("[data-move=down]")
        .setAttribute("aria-disabled", String(index === all.length - 1));
    });
  }

  function announce(item) {
    const all = items();
    if (status) status.textContent = `${label(item)}: position ${all.indexOf(item) + 1} of ${all.length}.`;
  }

  function move(item, delta) {
    const all = items();
    const target = all.indexOf(item) + delta;
    if (target < 0 || target >= all.length) return;
    list.insertBefore(item, delta < 0 ? all[target] : all[target].nextSibling);
    sync();
    announce(item);
  }

  list.addEventListener("click", (event) => {
    const button = event.target.closest("[data-move]");
    if (!button) return;
    move(button.closest("[data-choice]"), button.dataset.move === "up" ? -1 : 1);
    button.focus();
  });

  list.addEventListener("keydown", (event) => {
    const button = event.target.closest("[data-move]");
    if (!button || (event.key !== "ArrowUp" && event.key !== "ArrowDown")) return;
    event.preventDefault();
    const direction = event.key === "ArrowUp" ? "up" : "down";
    const item = button.closest("[data-choice]");
    move(item, direction === "up" ? -1 : 1);
    item.querySelector(`[data-move=${direction}]`).focus();
  });

  // Drag and drop by the handle, with pointer events: one code path for mouse, pen and touch.
  // Moves are tracked on window: moving the item in the DOM would drop a pointer capture.
  list.addEventListener("pointerdown", (event) => {
    const handle = event.target.closest("[data-handle]");
    if (!handle || event.button > 0) return;
    event.preventDefault();
    const item = handle.closest("[data-choice]");
    item.classList.add("is-dragging");
    const onMove = (moveEvent) => {
      if (moveEvent.pointerId !== event.pointerId) return;
      const over = items().find((other) => {
        const box = other.getBoundingClientRect();
        return other !== item && moveEvent.clientY >= box.top && moveEvent.clientY <= box.bottom;
      });
      if (!over) return;
      const box = over.getBoundingClientRect();
      const before = moveEvent.clientY < box.top + box.height / 2 ? over : over.nextElementSibling;
      if (before === item || item.nextElementSibling === before) return;
      list.insertBefore(item, before);
      sync();
    };
    const onEnd = (endEvent) => {
      if (endEvent.pointerId !== event.pointerId) return;
      item.classList.remove("is-dragging");
      window.removeEventListener("pointermove", onMove);
      window.removeEventListener("pointerup", onEnd);
      window.removeEventListener("pointercancel", onEnd);
      announce(item);
    };
    window.addEventListener("pointermove", onMove);
    window.addEventListener("pointerup", onEnd);
    window.addEventListener("pointercancel", onEnd);
  });

  // Without JS the learner types positions into selects; keep them in step with the list.
  sync();
}

// The quiz form -------------------------------------------------------------

function collectAnswers(form) {
  return [...form.querySelectorAll("[data-question]")].map((node) => {
    const question = node.dataset.question;
    if (node.dataset.type === "sequencing") {
      return { question, order: [...node.querySelectorAll("[data-choice]")].map((li) => li.dataset.choice) };
    }
    if (node.dataset.type === "matching") {
      const prefix = `q-${question}-match-`;
      const matches = {};
      node.querySelectorAll("select").forEach((select) => {
        matches[select.name.slice(prefix.length)] = select.value;
      });
      return { question, matches };
    }
    return { question, choices: [...node.querySelectorAll("input:checked")].map((input) => input.value) };
  });
}

function missingAnswers(form) {
  const problems = [];
  form.querySelectorAll("[data-question]").forEach((node, index) => {
    const type = node.dataset.type;
    const number = index + 1;
    if (["single_choice", "true_false", "likert"].includes(type) && !node.querySelector("input:checked")) {
      problems.push({ node, text: `Question ${number}: choose an answer.` });
    }
    if (type === "matching" && [...node.querySelectorAll("select")].some((select) => !select.value)) {
      problems.push({ node, text: `Question ${number}: choose a match for each item.` });
    }
  });
  return problems;
}

function showErrors(form, messages) {
  const box = form.querySelector("[data-quiz-errors]");
  box.replaceChildren();
  const intro = document.createElement("p");
  intro.textContent = "Your answers were not submitted. Please check:";
  const list = document.createElement("ul");
  for (const message of messages) {
    const item = document.createElement("li");
    if (message.node) {
      const link = document.createElement("a");
      link.href = `#${message.node.id}`;
      link.textContent = message.text;
      item.append(link);
    } else {
      item.textContent = message.text;
    }
    list.append(item);
  }
  box.append(intro, list);
  box.hidden = false;
  box.focus();
}

function apiErrorMessages(form, data) {
  // The API names fields by answer index ("answers[2].choices"): answers follow the questions.
  const questions = [...form.querySelectorAll("[data-question]")];
  const messages = [];
  for (const [field, texts] of Object.entries(data?.fields ?? {})) {
    const index = field.match(/^answers\[(\d+)\]/);
    const node = index ? questions[Number(index[1])] : null;
    const prefix = node ? `Question ${Number(index[1]) + 1}: ` : "";
    messages.push({ node, text: prefix + texts.join(" ") });
  }
  if (!messages.length && typeof data?.detail === "string") messages.push({ text: data.detail });
  if (!messages.length) {
    messages.push({ text: "Something went wrong while sending your answers. Please try again." });
  }
  return messages;
}

async function showResult(quiz, form) {
  const url = new URL(form.dataset.resultUrl, window.location.href);
  url.searchParams.set("fragment", "1");
  const response = await fetch(url, { credentials: "same-origin", headers: { Accept: "text/html" } });
  if (!response.ok) throw new Error(`result page answered ${response.status}`);
  const html = await response.text();
  const fragment = new DOMParser().parseFromString(html, "text/html").querySelector("[data-quiz-result]");
  if (!fragment) throw new Error("no result in the result page");
  const live = quiz.querySelector("[data-quiz-live]");
  form.remove();
  live.replaceChildren(document.importNode(fragment, true));
  live.querySelector("[data-quiz-result-heading]")?.focus();
}

function enhanceQuizForm(quiz, form) {
  const submitUrl = form.dataset.apiSubmit;
  if (!submitUrl) return;
  // One key per form: a repeated submission (double click, flaky network) is answered
  // with the first response instead of being scored twice.
  const idempotencyKey = `${form.dataset.resultUrl}:${Date.now()}:${Math.random().toString(36).slice(2)}`;
  let busy = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy) return;
    const problems = missingAnswers(form);
    if (problems.length) {
      showErrors(form, problems);
      return;
    }
    busy = true;
    const button = form.querySelector("[type=submit]");
    button.setAttribute("aria-disabled", "true");
    try {
      const reply = await postJSON(submitUrl, { answers: collectAnswers(form) }, form,
        { "Idempotency-Key": idempotencyKey });
      if (reply.ok || reply.status === 409) {
        await showResult(quiz, form);
      } else if ([401, 404, 405].includes(reply.status) || reply.status >= 500) {
        HTMLFormElement.prototype.submit.call(form); // the plain form still works
      } else {
        showErrors(form, apiErrorMessages(form, reply.data));
      }
    } catch {
      HTMLFormElement.prototype.submit.call(form);
    } finally {
      busy = false;
      button.removeAttribute("aria-disabled");
    }
  });
}

// Start -------------------------------------------------------------------------

document.querySelectorAll("[data-sequence]").forEach(enhanceSequence);
document.querySelectorAll("[data-quiz]").forEach((quiz) => {
  quiz.classList.add("is-enhanced");
  const form = quiz.querySelector("[data-quiz-form]");
  if (form) enhanceQuizForm(quiz, form);
});
document.querySelectorAll("[data-print]").forEach((button) => {
  button.addEventListener("click", () => window.print());
});
