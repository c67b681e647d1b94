// Progressive enhancement only: every page works without this file.
(function () {
  "use strict";

  // A form sent back with errors: the summary takes the focus (the markup asks with autofocus; this covers
  // browsers that ignore it on a non-control), so a screen reader reads it first and a keyboard starts there.
  // Its links then move the focus to the field itself, not only scroll to it.
  var summary = document.querySelector(".error-summary");
  if (summary) {
    if (document.activeElement !== summary) summary.focus();
    summary.addEventListener("click", function (event) {
      var link = event.target.closest("a[href^='#']");
      var target = link && document.getElementById(link.getAttribute("href").slice(1));
      if (!target) return;
      var input = target.matches("input, select, textarea") ? target : target.querySelector("input, select, textarea");
      if (!input) return;
      event.preventDefault();
      var label = document.querySelector("label[for='" + input.id + "']") || target;
      label.scrollIntoView();
      input.focus({ preventScroll: true });
    });
  }

  // Signing form: show the postcode for UK signers and the country for everyone else.
  var radios = document.querySelectorAll('input[name="location"]');
  if (radios.length) {
    var postcode = document.getElementById("postcode");
    var country = document.getElementById("country");
    var update = function () {
      var abroad = document.querySelector('input[name="location"]:checked');
      abroad = abroad && abroad.value === "abroad";
      if (postcode) postcode.closest(".field").hidden = abroad;
      if (country) country.closest(".field").hidden = !abroad;
    };
    radios.forEach(function (radio) { radio.addEventListener("change", update); });
    update();
  }

  // A table too wide for a phone scrolls inside its own box (site.css): it takes the focus then, so the
  // arrow keys can scroll it, and gives it back when the screen is wide enough again.
  var tables = document.querySelectorAll("table.table");
  var scrollable = function () {
    tables.forEach(function (table) {
      var wide = table.scrollWidth > table.clientWidth + 1;
      if (wide && !table.hasAttribute("tabindex")) {
        table.setAttribute("tabindex", "0");
        table.setAttribute("data-scrolls", "");
      } else if (!wide && table.hasAttribute("data-scrolls")) {
        table.removeAttribute("tabindex");
        table.removeAttribute("data-scrolls");
      }
    });
  };
  if (tables.length) {
    scrollable();
    if (window.ResizeObserver) {
      var watch = new ResizeObserver(scrollable);
      tables.forEach(function (table) { watch.observe(table); });
    }
  }

  // Share box and embed code: a button that copies the text (the field's data-copy names the button).
  if (navigator.clipboard) {
    document.querySelectorAll("[data-copy]").forEach(function (source) {
      var button = document.createElement("button");
      button.type = "button";
      button.className = "button button-secondary copy-button";
      button.textContent = source.getAttribute("data-copy");
      button.addEventListener("click", function () {
        navigator.clipboard.writeText(source.value).then(function () {
          button.textContent = "Copied";
        });
      });
      source.insertAdjacentElement("afterend", button);
    });
  }

  // Story form: a live word count, and a copy of the words in this browser until the story is sent, so a
  // closed tab or a lost connection never costs someone their story. The page says so beside the form, and
  // "Clear this device" (and sending, withdrawing or starting again) removes the copy. Contact details are
  // never kept: only the fields named here, and never one for an email address or a phone number.
  var key = "story-draft-v1";
  var forget = function () {
    try { window.localStorage.removeItem(key); } catch (e) { /* nothing to clear */ }
  };
  if (document.querySelector("[data-clear-story-copy]")) forget();
  document.querySelectorAll("form[data-clear-device]").forEach(function (form) {
    form.addEventListener("submit", forget);
  });
  var storyForm = document.querySelector("form[data-story-form]");
  if (storyForm) {
    var body = storyForm.querySelector("textarea[name=body]");
    var counter = document.getElementById("body-count");
    var status = document.getElementById("body-count-status");
    var max = parseInt(body.getAttribute("data-max-words"), 10);
    // The visible count changes with every word; a screen reader hears only when the story nears the limit,
    // reaches it, goes over or comes back under, once the writer pauses, so typing is never talked over.
    var band = function (words) {
      return words > max ? "over" : words === max ? "at" : words >= max * 0.9 ? "near" : "under";
    };
    var said = null;
    var pause = null;
    var announce = function (words) {
      var now = band(words);
      if (now === said || (said === null && now === "under")) { said = said || now; return; }
      said = now;
      status.textContent = now === "over" ? (words - max).toLocaleString("en-GB") + " words too many: the limit is " +
          max.toLocaleString("en-GB") + " words"
        : now === "at" ? "You have reached the limit of " + max.toLocaleString("en-GB") + " words"
        : now === "near" ? (max - words).toLocaleString("en-GB") + " words left"
        : "Under the limit again: " + (max - words).toLocaleString("en-GB") + " words left";
    };
    // A word as a reader counts it, as the server does: a run of letters or digits ("don't" is one word,
    // "son,son,son" three).
    var wordPattern;
    try { wordPattern = new RegExp("[\\p{L}\\p{N}]+(?:['\u2019][\\p{L}\\p{N}]+)*", "gu"); }
    catch (e) { wordPattern = /[A-Za-z0-9\u00C0-\u024F]+(?:['\u2019][A-Za-z0-9\u00C0-\u024F]+)*/g; }
    var count = function () {
      var words = (body.value.normalize ? body.value.normalize("NFC") : body.value).match(wordPattern);
      words = words ? words.length : 0;
      counter.textContent = words.toLocaleString("en-GB") + " of " + max.toLocaleString("en-GB") + " words" +
        (words > max ? " (" + (words - max).toLocaleString("en-GB") + " too many)" : "");
      counter.classList.toggle("over", words > max);
      return words;
    };
    body.addEventListener("input", function () {
      var words = count();
      if (!status) return;
      window.clearTimeout(pause);
      pause = window.setTimeout(function () { announce(words); }, 1000);
    });
    count();
    var kept = function (name) {
      var input = storyForm.elements[name];
      return input && input.type !== "email" && input.type !== "tel" && !/mail|phone|tel/i.test(name);
    };
    var fields = ["title", "body", "pen_name"].filter(kept);
    var keep = function () {
      var copy = {};
      fields.forEach(function (name) { copy[name] = storyForm.elements[name].value; });
      window.localStorage.setItem(key, JSON.stringify(copy));
    };
    try {
      var saved = JSON.parse(window.localStorage.getItem(key) || "null");
      if (saved && !body.value.trim()) {
        fields.forEach(function (name) {
          var input = storyForm.elements[name];
          if (!input.value && typeof saved[name] === "string") input.value = saved[name];
        });
        count();
      }
      // The copy follows what the page shows (a suggestion the check put in, say), and holds nothing else.
      if (body.value.trim() || (saved && Object.keys(saved).some(function (k) { return fields.indexOf(k) < 0; }))) {
        keep();
      }
      storyForm.addEventListener("input", keep);
      // Sent: the thank-you page clears the copy (not the button, in case the sending fails).
    } catch (e) { /* storage can be switched off; the server-side draft still works */ }
  }

  // Moderation: a button that fills in the check's suggested replacement.
  document.querySelectorAll("input[data-suggestion]").forEach(function (input) {
    if (!input.dataset.suggestion) return;
    var use = document.createElement("button");
    use.type = "button";
    use.className = "link-button";
    use.textContent = "Use \u201c" + input.dataset.suggestion + "\u201d";
    use.addEventListener("click", function () { input.value = input.dataset.suggestion; input.focus(); });
    input.insertAdjacentElement("afterend", use);
  });

  // Campaign progress: refreshed every two seconds while it sends, without reloading the page.
  var live = document.querySelector("[data-progress-url]");
  if (live && window.fetch) {
    var fields = live.parentNode.querySelectorAll("[data-progress-field]");
    var bar = live.querySelector("[data-progress-bar]");
    var number = function (n) { return Number(n).toLocaleString("en-GB"); };
    var poll = function () {
      fetch(live.dataset.progressUrl, { credentials: "same-origin" }).then(function (r) { return r.json(); })
        .then(function (p) {
          fields.forEach(function (el) {
            var name = el.dataset.progressField;
            if (name === "eta") {
              el.textContent = p.eta_seconds ? "· about " + (Math.floor(p.eta_seconds / 60) + 1) + " min left" : "";
            } else if (name === "paused_reason") {
              el.textContent = p.paused_reason; el.hidden = !p.paused_reason;
            } else if (name === "state_label") {
              el.textContent = p.state_label;
            } else if (name in p) {
              el.textContent = number(p[name]);
            }
          });
          if (bar) { bar.max = Math.max(p.recipients, 1); bar.value = p.accepted + p.failed; }
          // Once the send has finished or been cancelled, pause and cancel mean nothing: they go, and the
          // final state is said (inside the aria-live region) instead.
          if (p.state === "finished" || p.state === "cancelled") {
            var running = live.querySelector("[data-progress-running]");
            var final = live.querySelector("[data-progress-final]");
            if (running) { running.hidden = true; }
            if (final) {
              final.textContent = p.state === "cancelled" ? "Cancelled: nothing more will be sent."
                : "Finished: every batch has been handed to SendGrid.";
              final.hidden = false;
            }
          }
          if (p.state === "sending") { window.setTimeout(poll, 2000); }
        })
        .catch(function () { window.setTimeout(poll, 10000); });
    };
    window.setTimeout(poll, 2000);
  }
})();
