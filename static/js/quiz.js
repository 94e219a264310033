// Touchpoint knowledge check: one question at a time, with instant feedback. A small ES
// module, loaded by the question page (templates/learn/question_page.html) only. Without
// it every question is a page of its own: a form posting to the question's address, then
// a feedback page with Continue. With it:
// - an answer goes to the REST API (POST .../answers/, one Idempotency-Key per answer, so
//   a retry after a network error is safe) and its feedback shows in place at once: the
//   choices marked, the verdict, the feedback on what was chosen, the right answer when it
//   was missed, and why. The answer is then final;
// - Continue brings the next question without a reload (its markup waits in a <template>);
//   after the last one, "See your result" opens the result page;
// - sequencing items move with their arrow buttons (or the arrow keys on them) and by
//   dragging their handle (mouse, pen, touch);
// - on a phone a matching question opens one item at a time; a chosen match folds it away.

const words = JSON.parse(document.getElementById("quiz-words")?.textContent || "{}");
const $ = (scope, selector) => scope.querySelector(selector);
const $$ = (scope, selector) => [...scope.querySelectorAll(selector)];
const byId = (id) => `="${CSS.escape(id)}"`;
const motion = () => (matchMedia("(prefers-reduced-motion: reduce)").matches ? "auto" : "smooth");
const sent = new WeakMap(); // form -> {body, key} of the answer last sent

function csrfToken(scope) {
  const input = $(scope, "input[name=csrfmiddlewaretoken]");
  if (input) return input.value;
  const match = document.cookie.match(/(?:^|;\s*)csrftoken=([^;]+)/);
  return match ? decodeURIComponent(match[1]) : "";
}

function newKey() {
  if (crypto.randomUUID) return crypto.randomUUID();
  return `${Date.now().toString(36)}-${Math.random().toString(36).slice(2)}-${Math.random().toString(36).slice(2)}`;
}

// Sequencing -----------------------------------------------------------------------------

function enhanceSequence(list) {
  const status = $(list.parentElement, "[data-sequence-status]");
  const items = () => $$(list, ":scope > [data-choice]");
  const label = (item) => $(item, ".sequence__text").textContent.trim();

  function sync() {
    const all = items();
    all.forEach((item, index) => {
      const select = $(item, "select");
      if (select) select.value = String(index + 1); // the no-JS fields follow the order
      $(item, "[data-move=up]").setAttribute("aria-disabled", String(index === 0));
      $(item, "[data-move=down]").setAttribute("aria-disabled", String(index === all.length - 1));
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
    $(item, `[data-move=${direction}]`).focus();
  });

  // Drag by the handle, with pointer events: one code path for mouse, pen and touch. Moves
  // are tracked on window: moving the item in the DOM would drop a pointer capture.
  list.addEventListener("pointerdown", (event) => {
    const handle = event.target.closest("[data-handle]");
    if (!handle || event.button > 0 || list.closest(".is-answered")) return;
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

  sync();
}

// Matching: one item open at a time on a phone ---------------------------------------------

const PHONE = "(max-width: 47.99rem)"; // wider screens show every item's targets side by side

function enhanceMatching(form) {
  const groups = $$(form, "[data-match]");
  if (!groups.length || form.classList.contains("is-answered") || !matchMedia(PHONE).matches) return;
  let pointer = false;

  function open(group, { focus = false, scroll = false } = {}) {
    groups.forEach((other) => {
      const collapsed = other !== group;
      const chosen = $(other, "input:checked");
      other.classList.toggle("is-collapsed", collapsed);
      const button = $(other, "[data-match-open]");
      button.hidden = !collapsed;
      button.firstChild.textContent = chosen ? "Change" : "Choose a match";
    });
    if (!group) return;
    if (focus) ($(group, "input:checked") || $(group, "input")).focus();
    if (scroll) group.scrollIntoView({ block: "nearest", behavior: motion() });
  }

  const firstOpen = () => groups.find((group) => !$(group, "input:checked")) ?? null;

  form.addEventListener("pointerdown", () => { pointer = true; });
  form.addEventListener("keydown", () => { pointer = false; });
  form.addEventListener("change", (event) => {
    const group = event.target.closest("[data-match]");
    if (group && pointer) open(firstOpen(), { scroll: true }); // a tap moves on; arrow keys only pick
  });
  form.addEventListener("click", (event) => {
    const button = event.target.closest("[data-match-open]");
    if (button) open(button.closest("[data-match]"), { focus: true });
  });
  open(firstOpen());
}

// One answer -------------------------------------------------------------------------------

function answerOf(form) {
  const question = form.dataset.question;
  const type = form.dataset.type;
  if (type === "sequencing") {
    return { question, order: $$(form, "[data-sequence] > [data-choice]").map((item) => item.dataset.choice) };
  }
  if (type === "matching") {
    const matches = {};
    $$(form, "[data-match]").forEach((group) => {
      const picked = $(group, "input:checked");
      if (picked) matches[group.dataset.match] = picked.value;
    });
    return { question, matches };
  }
  return { question, choices: $$(form, "input[name=choice]:checked").map((input) => input.value) };
}

function missing(form, answer) {
  if (answer.choices && !answer.choices.length) {
    return form.dataset.type === "multiple_response" ? words.messages.choose_some : words.messages.choose_one;
  }
  if (answer.matches) {
    const open = $$(form, "[data-match]").find((group) => !(group.dataset.match in answer.matches));
    if (open) return words.messages.choose_match.replace("{item}", $(open, "legend").textContent.trim());
  }
  return null;
}

function showError(form, message) {
  const box = $(form, "[data-question-errors]");
  const item = document.createElement("li");
  const link = document.createElement("a");
  link.href = `#${$(form, ".question__answer").id}`;
  link.textContent = message;
  item.append(link);
  $(box, "[data-question-error-list]").replaceChildren(item);
  box.hidden = false;
  box.focus();
}

async function send(quiz, form, answer) {
  const body = JSON.stringify(answer);
  // One key per answer: a retry of the same answer (a lost reply) is answered from the
  // server's record of the first; a different answer gets a new key.
  if (sent.get(form)?.body !== body) sent.set(form, { body, key: newKey() });
  const response = await fetch(quiz.dataset.apiAnswer, {
    method: "POST",
    credentials: "same-origin",
    headers: {
      "Content-Type": "application/json",
      Accept: "application/json",
      "X-CSRFToken": csrfToken(form),
      "Idempotency-Key": sent.get(form).key,
    },
    body,
  });
  let data = null;
  try {
    data = await response.json();
  } catch {
    data = null;
  }
  return { status: response.status, data, retryAfter: response.headers.get("Retry-After") };
}

// Feedback --------------------------------------------------------------------------------

const RIGHT_OUTCOMES = ["correct", "recorded"];

function markOf(chosen, correct, outcome) {
  if (outcome === "recorded") return chosen ? "chosen" : "";
  if (chosen) return correct ? "right" : "wrong";
  return correct ? "missed" : "";
}

function setMark(node, mark, table) {
  node.classList.remove("is-right", "is-wrong", "is-missed", "is-chosen");
  if (mark) node.classList.add(`is-${mark}`);
  $(node, ":scope > [data-mark]").textContent = table[mark] ?? "";
}

function textOf(scope, selector) {
  return $(scope, selector)?.textContent.trim() ?? "";
}

// Show the stored answer (it may differ from the form if it was given elsewhere), mark it,
// and colour its step of the progress bar.
function showAnswer(quiz, form, result) {
  const step = $$(quiz, "[data-quiz-progress] > li")[Number(form.dataset.number) - 1];
  step?.classList.add(`is-${result.outcome}`);
  const response = result.response;
  const correct = result.correct_response ?? {};
  const type = form.dataset.type;
  if (type === "sequencing") {
    const list = $(form, "[data-sequence]");
    response.order.forEach((id, index) => {
      const item = $(list, `[data-choice${byId(id)}]`);
      list.append(item);
      setMark(item, (correct.order ?? [])[index] === id ? "right" : "wrong", words.places);
    });
  } else if (type === "matching") {
    $$(form, "[data-match]").forEach((group) => {
      const item = group.dataset.match;
      group.classList.remove("is-collapsed");
      $(group, "[data-match-open]").hidden = true;
      $$(group, "[data-option]").forEach((option) => {
        const chosen = response.matches[item] === option.dataset.option;
        $(option, "input").checked = chosen;
        setMark(option, markOf(chosen, (correct.matches ?? {})[item] === option.dataset.option, result.outcome), words.marks);
      });
    });
  } else {
    $$(form, "[data-option]").forEach((option) => {
      const chosen = response.choices.includes(option.dataset.option);
      $(option, "input").checked = chosen;
      setMark(option, markOf(chosen, (correct.choices ?? []).includes(option.dataset.option), result.outcome), words.marks);
    });
  }
}

function rightOrder(form, order) {
  return order.map((id) => textOf(form, `[data-choice${byId(id)}] .sequence__text`));
}

function fill(list, texts) {
  list.replaceChildren(...texts.map((text) => {
    const item = document.createElement("li");
    item.textContent = text;
    return item;
  }));
}

function showFeedback(quiz, form, result) {
  const panel = $(form, "[data-feedback]");
  panel.className = `feedback feedback--${result.outcome}`;
  $(panel, "[data-feedback-icon]").textContent = words.icons[result.outcome];
  $(panel, "[data-feedback-verdict]").textContent = words.verdicts[result.outcome];
  fill($(panel, "[data-feedback-notes]"), result.feedback);
  $(panel, "[data-feedback-notes]").hidden = !result.feedback.length;
  // The right choices and matches are marked in place; a missed order is spelled out.
  const missed = !RIGHT_OUTCOMES.includes(result.outcome) && form.dataset.type === "sequencing";
  const right = missed ? rightOrder(form, result.correct_response.order) : [];
  fill($(panel, "[data-feedback-right-list]"), right);
  $(panel, "[data-feedback-right]").hidden = !right.length;
  $(panel, "[data-feedback-why-text]").textContent = result.explanation;
  $(panel, "[data-feedback-why]").hidden = !result.explanation;
  $(form, "[data-question-errors]").hidden = true;
  $(form, "fieldset").disabled = true;
  form.classList.add("is-answered");
  $(form, "[data-check]").hidden = true;
  $(form, "[data-continue]").hidden = false;
  panel.hidden = false;
  panel.focus();
}

function hasFeedbackStep(result) {
  return result.outcome !== "recorded" || result.feedback.length > 0 || Boolean(result.explanation);
}

// Moving on ---------------------------------------------------------------------------------

function showNext(quiz) {
  const next = $(quiz, "template[data-quiz-upcoming]");
  if (!next) return false;
  const form = next.content.querySelector("form").cloneNode(true);
  next.remove();
  $(quiz, "[data-quiz-stage]").replaceChildren(form);
  enhance(quiz, form);
  const number = Number(form.dataset.number);
  $$(quiz, "[data-quiz-progress] > li").forEach((step, index) => {
    step.classList.toggle("is-current", index === number - 1);
  });
  history.replaceState(null, "", form.dataset.url);
  document.title = document.title.replace(/^Question \d+/, `Question ${number}`);
  form.classList.add("is-entering");
  if (quiz.getBoundingClientRect().top < 0) quiz.scrollIntoView({ block: "start" });
  $(form, "[data-question-heading]").focus({ preventScroll: true });
  return true;
}

function goOn(quiz, form) {
  if (!showNext(quiz)) window.location.assign($(form, "[data-continue]").href);
}

async function answer(quiz, form) {
  const given = answerOf(form);
  const problem = missing(form, given);
  if (problem) {
    showError(form, problem);
    return;
  }
  let reply;
  try {
    reply = await send(quiz, form, given);
  } catch {
    showError(form, words.messages.offline);
    return;
  }
  const { status, data } = reply;
  if (status === 201 || (status === 409 && data?.error === "question_already_answered")) {
    showAnswer(quiz, form, data.answer);
    if (hasFeedbackStep(data.answer)) showFeedback(quiz, form, data.answer);
    else goOn(quiz, form);
  } else if (status === 409) {
    window.location.assign(form.dataset.url); // the attempt is finished: the page shows why
  } else if (status === 429) {
    showError(form, words.messages.throttled.replace("{seconds}", reply.retryAfter || "a few"));
  } else if (status === 400 || status === 422) {
    showError(form, data?.detail || words.messages.offline);
  } else {
    HTMLFormElement.prototype.submit.call(form); // the plain form still works
  }
}

function enhance(quiz, form) {
  $$(form, "[data-sequence]").forEach(enhanceSequence);
  enhanceMatching(form);
  let busy = false;
  form.addEventListener("submit", async (event) => {
    event.preventDefault();
    if (busy || form.classList.contains("is-answered")) return;
    busy = true;
    const button = $(form, "[data-check]");
    button.setAttribute("aria-disabled", "true");
    try {
      await answer(quiz, form);
    } finally {
      busy = false;
      button.removeAttribute("aria-disabled");
    }
  });
  $(form, "[data-continue]").addEventListener("click", (event) => {
    if (showNext(quiz)) event.preventDefault(); // else: follow the link (the result page)
  });
  $(form, "[data-feedback]").addEventListener("keydown", (event) => {
    if (event.key === "Enter" && event.target === event.currentTarget) {
      event.preventDefault();
      goOn(quiz, form);
    }
  });
}

const quiz = document.querySelector("[data-quiz]");
if (quiz) {
  const form = $(quiz, "[data-quiz-stage] form");
  if (form) enhance(quiz, form);
}
