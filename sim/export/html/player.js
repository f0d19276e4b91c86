// mailsim's step player: moves a cursor over the trace embedded in this
// page and shows what the Go export rendered for each event. No network,
// no library: everything is in this file and the JSON above it.
(function () {
  "use strict";
  var D = JSON.parse(document.getElementById("trace").textContent);
  var lang = D.lang === "ja" ? "ja" : "en";
  var cur = -1; // index of the last event shown; -1: nothing yet
  var sel = -1; // event whose explanation is shown (the cursor unless a line was picked)
  var $ = function (id) { return document.getElementById(id); };
  var tr = function (t) { return (t && (t[lang] || t.en)) || ""; };
  // ui returns a label, its {0}, {1}, ... replaced by the arguments.
  var ui = function (k) {
    var args = arguments;
    return tr(D.ui[k]).replace(/\{(\d)\}/g, function (_, n) { return args[+n + 1]; });
  };
  var last = D.events.length - 1;

  // The path: one box per network with its hosts and router, the hosts on
  // the internet in a box of their own.
  var boxes = {};
  (function buildPath() {
    var groups = [], byNet = {};
    D.hosts.forEach(function (h) {
      var key = h.net || "";
      if (!(key in byNet)) { byNet[key] = { name: key, hosts: [] }; groups.push(byNet[key]); }
      byNet[key].hosts.push(h);
    });
    groups.forEach(function (g) {
      var box = document.createElement("div");
      box.className = "net" + (g.name ? "" : " internet");
      var label = document.createElement("div");
      label.className = "netname";
      label.dataset.net = g.name;
      box.appendChild(label);
      g.hosts.forEach(function (h) {
        var el = document.createElement("div");
        el.className = "host" + (h.router ? " router" : "");
        var name = document.createElement("b");
        name.textContent = h.name;
        el.appendChild(name);
        var sub = document.createElement("small");
        sub.textContent = h.router ? "router" : [h.ip, h.roles].filter(Boolean).join(" ");
        el.appendChild(sub);
        box.appendChild(el);
        boxes[h.name] = el;
      });
      $("path").appendChild(box);
    });
  })();

  function stepStart(s) {
    for (var i = 0; i <= last; i++) if (D.events[i].s === s) return i;
    return 0;
  }

  function line(i) {
    var e = D.events[i];
    var el = document.createElement("div");
    el.className = "line " + e.c + (i === cur ? " cur" : "") + (i === sel ? " sel" : "");
    el.dataset.i = i;
    if (e.t) {
      var t = document.createElement("span");
      t.className = "time";
      t.textContent = e.t;
      el.appendChild(t);
      var r = document.createElement("span");
      r.className = "route";
      r.textContent = e.r;
      el.appendChild(r);
    }
    var x = document.createElement("span");
    x.className = "text";
    x.textContent = tr(e.x);
    el.appendChild(x);
    return el;
  }

  function part(parent, label, text) {
    if (!text) return;
    var p = document.createElement("p");
    if (label) {
      var b = document.createElement("b");
      b.textContent = label + ": ";
      p.appendChild(b);
    }
    p.appendChild(document.createTextNode(text));
    parent.appendChild(p);
  }

  function render() {
    document.documentElement.lang = lang;
    $("title").textContent = D.id + ": " + tr(D.title);
    document.title = $("title").textContent;
    $("back").title = ui("back");
    $("next").title = ui("next");
    $("lang").textContent = ui("lang");
    $("keys").textContent = ui("keys");
    document.querySelectorAll(".netname").forEach(function (n) {
      n.textContent = n.dataset.net || ui("internet");
    });
    var e = cur >= 0 ? D.events[cur] : null;
    var s = e ? e.s : 0;
    $("pos").textContent = ui("pos", s + 1, D.steps.length) + " \u00b7 " + (cur + 1) + "/" + D.events.length;
    // The hop: both ends named, the boxes lit.
    Object.keys(boxes).forEach(function (n) { boxes[n].classList.remove("from", "to", "blocked"); });
    var hop = "";
    if (e && e.f) {
      if (boxes[e.f]) boxes[e.f].classList.add("from");
      if (e.o && boxes[e.o]) boxes[e.o].classList.add(e.c === "drop" ? "blocked" : "to");
      hop = e.r + (e.p ? "  (" + e.p + ")" : "");
      if (e.c === "drop") hop = e.f + " \u2192 " + e.o + " \u2715";
    }
    $("hop").textContent = hop;
    var st = D.steps[s] || { title: {}, say: {} };
    $("step-title").textContent = ui("step", s + 1) + ": " + tr(st.title);
    $("narration").textContent = tr(st.say);
    // The dialogue: everything up to the cursor, the cursor's line marked.
    var dl = $("dialogue");
    dl.textContent = "";
    if (cur < 0) {
      var p = document.createElement("p");
      p.className = "hint";
      p.textContent = ui("start");
      dl.appendChild(p);
    }
    for (var i = 0; i <= cur; i++) dl.appendChild(line(i));
    // Keep the cursor's line in view by scrolling the dialogue alone: the
    // page (the path at its top) stays where the reader put it.
    var c = dl.querySelector(".cur");
    if (c) {
      var cr = c.getBoundingClientRect(), dr = dl.getBoundingClientRect();
      if (cr.bottom > dr.bottom) dl.scrollTop += cr.bottom - dr.bottom + 4;
      if (cr.top < dr.top) dl.scrollTop -= dr.top - cr.top + 4;
    }
    explainLine(sel >= 0 ? sel : cur);
  }

  function explainLine(i) {
    var ex = $("explain");
    ex.textContent = "";
    if (i < 0) return;
    var e = D.events[i];
    var head = document.createElement("p");
    head.className = "line " + e.c;
    head.textContent = tr(e.x);
    ex.appendChild(head);
    if (!e.e || !e.e.length) {
      part(ex, "", ui("nothing"));
      return;
    }
    e.e.forEach(function (k) {
      var en = D.explain[k];
      var h = document.createElement("h3");
      h.textContent = k + "  " + tr(en.title);
      ex.appendChild(h);
      part(ex, "", tr(en.text));
      if (e.c === "pok") part(ex, "+OK", tr(en.ok));
      if (e.c === "perr") part(ex, "-ERR", tr(en.err));
      part(ex, ui("cause"), tr(en.cause));
      part(ex, ui("fix"), tr(en.fix));
      part(ex, ui("source"), en.rfc);
    });
  }

  function go(i) {
    cur = Math.max(-1, Math.min(last, i));
    sel = -1;
    if (history.replaceState) history.replaceState(null, "", "#" + (cur + 1));
    render();
  }

  function stepBy(d) {
    var s = cur >= 0 ? D.events[cur].s : -1;
    if (d > 0) {
      for (var i = cur + 1; i <= last; i++) if (D.events[i].s > s) return go(i);
      return go(last);
    }
    var start = stepStart(s);
    if (cur > start) return go(start);
    return go(s > 0 ? stepStart(s - 1) : -1);
  }

  document.addEventListener("keydown", function (ev) {
    if (ev.ctrlKey || ev.metaKey || ev.altKey) return;
    switch (ev.key) {
      case "ArrowRight": case "ArrowDown": case " ": case "Enter": case "n": case "j":
        go(cur + 1); break;
      case "ArrowLeft": case "ArrowUp": case "Backspace": case "p": case "k": case "b":
        go(cur - 1); break;
      case "PageDown": stepBy(1); break;
      case "PageUp": stepBy(-1); break;
      case "Home": go(-1); break;
      case "End": go(last); break;
      case "l": case "L": lang = lang === "en" ? "ja" : "en"; render(); break;
      default: return;
    }
    ev.preventDefault();
  });
  $("next").addEventListener("click", function () { go(cur + 1); });
  $("back").addEventListener("click", function () { go(cur - 1); });
  $("lang").addEventListener("click", function () { lang = lang === "en" ? "ja" : "en"; render(); });
  $("dialogue").addEventListener("click", function (ev) {
    var l = ev.target.closest(".line");
    if (!l) return;
    sel = +l.dataset.i;
    render();
  });

  var start = parseInt((location.hash || "").slice(1), 10);
  cur = isNaN(start) ? -1 : Math.max(-1, Math.min(last, start - 1));
  render();
})();
