// Search with Pagefind's JavaScript API. Every search form ([data-search]) on a page gets a live list
// of the signatories whose entry matches; a form with data-search-letter searches that letter only.
// The site may be served under a path prefix, so the base URL is worked out from this script's own
// address, which the build rewrites. Without JavaScript the forms stay hidden.
// The index's filters are language-neutral keys (a letter's slug, `organisation` or `individual`, a
// lower-case country code or scope): the form's data-search-labels names them in the page's language,
// and a result is marked with the language and direction of the letter it comes from.
// Matching records are read a batch at a time, best first: until every one is read, the count says
// "at least" and the form's [data-search-more] button reads the next batch.
(function () {
  "use strict";
  var script = document.currentScript;
  var base = script ? new URL("../", script.src).pathname : "/";
  var RECORDS_PER_BATCH = 10; // records read at once, for the first results and on each "Show more"; a block of signatories holds up to 100
  var DEBOUNCE_MS = 200;
  var pagefindPromise;

  function pagefind() {
    if (!pagefindPromise) {
      // Asking for the filters loads the WebAssembly and the index's metadata before the first query
      // needs them. Pagefind's web worker is left out: at these sizes it made each search about 0.15 s
      // slower, and a search here blocks the page for less than that (docs/performance.md).
      pagefindPromise = import(base + "pagefind/pagefind.js").then(function (module) {
        return module.options({ baseUrl: base, noWorker: true }).then(function () { return module.init(); }).then(function () { return module.filters(); }).then(function () { return module; });
      });
    }
    return pagefindPromise;
  }

  function fill(template, values) {
    return template.replace(/\{(\w+)\}/g, function (whole, name) { return name in values ? values[name] : whole; });
  }

  // A signatory's anchor is its file slug ([a-z0-9-]); every other id on a page has an underscore.
  function isSignatory(anchor) {
    return anchor && anchor.id && anchor.id.indexOf("_") === -1;
  }

  // Signatories are indexed in blocks, each under its page's URL with "_part-<n>/" added (Pagefind keeps
  // one record per URL, and no page's path has an underscore); the address of an entry is its page's.
  function address(url) {
    return url.replace(/_part-\d+\/(?=#|$)/, "");
  }

  function isBlock(url) {
    return /_part-\d+\/(?:#|$)/.test(url);
  }

  // Each entry's own place key, by file slug: the block's country filter holds every place in it, and
  // its "places" meta is a JSON array of its entries' place keys, in the order of their anchors. A record
  // without one place per entry keeps none, so a country filter leaves its entries out rather than guess.
  function placesOf(data) {
    var places = {};
    var list;
    try {
      list = JSON.parse(data.meta.places || "[]");
    } catch (error) {
      return places;
    }
    var anchors = (data.anchors || []).filter(isSignatory);
    if (!Array.isArray(list) || list.length !== anchors.length) return places;
    anchors.forEach(function (anchor, i) { places[anchor.id] = list[i]; });
    return places;
  }

  // The labels of the form's keys (search-strings.njk): letters by slug, each with the language of
  // its title; the direction of each language; types, scopes and countries in the page's language.
  function labelsOf(form) {
    var given = JSON.parse(form.dataset.searchLabels || "{}");
    var labels = { letters: {}, directions: {}, types: given.types || {}, scopes: given.scopes || {}, countries: given.countries || {} };
    // A letter's translation into the page's language follows its original, and replaces it.
    (given.letters || []).forEach(function (l) { labels.letters[l[0]] = { text: l[1], lang: l[2], dir: l[3] }; });
    (given.directions || []).forEach(function (d) { labels.directions[d[0]] = d[1]; });
    labels.place = function (key) {
      if (key in labels.scopes) return labels.scopes[key];
      return labels.countries[key] || key.toUpperCase();
    };
    return labels;
  }

  // A filter option's label, with its own language where that is not the page's (a letter's title).
  function labelOf(labels, filter, value) {
    if (filter === "letterid") return labels.letters[value] || { text: value };
    if (filter === "type") return { text: labels.types[value] || value };
    if (filter === "country") return { text: labels.place(value) };
    return { text: value };
  }

  function marked(element, lang, dir) {
    if (lang) element.lang = lang;
    element.dir = dir || "auto";
    return element;
  }

  // One result: a link whose text is in `text.lang` (the entry or page, in its letter's language), and
  // details in the page's language, whose parts may be in another (`{ text, lang, dir }`).
  function item(link, text, details) {
    var li = document.createElement("li");
    var a = marked(document.createElement("a"), text.lang, text.dir);
    a.href = link;
    a.textContent = text.text;
    li.appendChild(a);
    var parts = details.filter(function (part) { return part.text; });
    if (parts.length > 0) {
      var span = document.createElement("span");
      span.className = "result-details";
      span.appendChild(document.createTextNode(" — "));
      parts.forEach(function (part, i) {
        if (i > 0) span.appendChild(document.createTextNode(" · "));
        span.appendChild(part.lang ? marked(document.createElement("span"), part.lang, part.dir) : document.createTextNode(part.text)).textContent = part.text;
      });
      li.appendChild(span);
    }
    return li;
  }

  function stripTags(html) {
    var div = document.createElement("div");
    div.innerHTML = html;
    return div.textContent;
  }

  function chosenFilters(form) {
    var filters = {};
    if (form.dataset.searchLetter) filters.letterid = form.dataset.searchLetter;
    form.querySelectorAll("[data-search-filter]").forEach(function (select) {
      if (select.value) filters[select.dataset.searchFilter] = select.value;
    });
    return filters;
  }

  function run(form, generation) {
    var query = form.querySelector("input[type=search]").value.trim();
    var status = form.querySelector("[data-search-status]");
    var list = form.querySelector("[data-search-results]");
    var more = form.querySelector("[data-search-more]");
    var filters = chosenFilters(form);
    form._readMore = undefined;
    more.hidden = true;
    if (query === "") {
      list.replaceChildren();
      list.setAttribute("aria-busy", "false");
      status.textContent = "";
      return;
    }
    var labels = form._labels;
    var current = function () { return generation === form._generation; };
    var results = []; // every matching record, best first
    var records = []; // the data of those read so far, in the same order
    // Lists the results in the records read so far; returns how many there are.
    var show = function () {
      var matches = [];
      var items = [];
      records.forEach(function (data) {
        var lang = (data.filters.lang || [""])[0];
        var dir = labels.directions[lang];
        if (!isBlock(data.url)) {
          // A letter's page, found by its own text: its title and excerpt are in its language.
          if (!filters.type && !filters.country) items.push(item(address(data.url), { text: data.meta.title, lang: lang, dir: dir }, [{ text: stripTags(data.excerpt), lang: lang, dir: dir }]));
          return;
        }
        var letter = labelOf(labels, "letterid", (data.filters.letterid || [""])[0]);
        var type = labelOf(labels, "type", (data.filters.type || [""])[0]);
        var places = placesOf(data);
        var subs = (data.sub_results || []).filter(function (sub) { return isSignatory(sub.anchor); }).filter(function (sub) {
          return !filters.country || places[sub.anchor.id] === filters.country;
        });
        // A block is shown only by its entries: one that matched no entry's words has nothing to show.
        subs.forEach(function (sub) {
          matches.push({ words: sub.locations.length, li: item(address(sub.url), { text: sub.title, lang: lang, dir: dir }, [letter, type]) });
        });
      });
      // Every entry of a block that shares a word with the query is a sub-result ("Association"). Only
      // the entries that match every word are listed, or, when none does, those that match the most.
      var best = matches.reduce(function (most, match) { return Math.max(most, match.words); }, 0);
      var needed = Math.min(best, query.split(/\s+/).length);
      matches = matches.filter(function (match) { return match.words >= needed; });
      matches.sort(function (a, b) { return b.words - a.words; });
      items = matches.map(function (match) { return match.li; }).concat(items);
      list.replaceChildren.apply(list, items);
      return items.length;
    };
    // The status line, a live region, is written once a batch of records has been read; the list is
    // busy from the first keystroke until then, and again while "Show more" reads.
    var settle = function (shown) {
      var all = records.length === results.length;
      var dataset = form.dataset;
      list.setAttribute("aria-busy", "false");
      if (shown === 0 && all) status.textContent = fill(dataset.textNone, { query: query });
      else status.textContent = fill(all ? dataset.textCount : dataset.textAtLeast, { count: new Intl.NumberFormat(dataset.lang).format(shown) });
      more.hidden = all;
    };
    // Reads the next `size` records and shows them with those read before; while a batch adds nothing
    // to show (a country filter can leave a block's matches out) and records remain, reads on, so the
    // count never says "none" of a search that has results.
    var read = function (size) {
      list.setAttribute("aria-busy", "true");
      var batch = results.slice(records.length, records.length + size);
      return Promise.all(batch.map(function (r) { return r.data(); })).then(function (data) {
        if (!current()) return undefined;
        var before = list.children.length;
        records = records.concat(data);
        var shown = show();
        if (shown === before && records.length < results.length) return read(RECORDS_PER_BATCH);
        return settle(shown);
      });
    };
    var failed = function (error) {
      list.setAttribute("aria-busy", "false");
      status.textContent = String(error);
    };
    var reading;
    // One batch at a time, however often the button is pressed meanwhile; never rejects.
    var readOnce = function (size) {
      if (!reading) reading = read(size).then(function () { reading = undefined; }, function (error) { reading = undefined; failed(error); });
      return reading;
    };
    form._readMore = function () { return readOnce(RECORDS_PER_BATCH); };
    pagefind()
      .then(function (pf) { return pf.search(query, { filters: filters }); })
      .then(function (search) {
        if (!current()) return undefined;
        results = search.results;
        if (results.length === 0) return settle(show());
        // The best record is shown as soon as it is read; the matches in the rest of the first batch
        // join it when they are read too.
        return results[0].data().then(function (first) {
          if (!current()) return undefined;
          records = [first];
          var shown = show();
          if (results.length === 1) return settle(shown);
          return readOnce(RECORDS_PER_BATCH - 1);
        });
      })
      .catch(failed);
  }

  // After "Show more", focus goes to the first result it added, where a keyboard reader goes on; when it
  // added none, the button keeps focus, or, once there is nothing more to show, the last result takes it.
  function readMore(form) {
    var list = form.querySelector("[data-search-results]");
    var more = form.querySelector("[data-search-more]");
    var shown = {};
    list.querySelectorAll("li > a").forEach(function (a) { shown[a.getAttribute("href")] = true; });
    var generation = form._generation;
    form._readMore().then(function () {
      if (generation !== form._generation) return;
      var added = Array.prototype.find.call(list.querySelectorAll("li > a"), function (a) { return !shown[a.getAttribute("href")]; });
      if (added) added.focus();
      else if (more.hidden && list.lastElementChild) list.lastElementChild.querySelector("a").focus();
    });
  }

  function fillFilters(form) {
    var selects = form.querySelectorAll("[data-search-filter]");
    if (selects.length === 0) return;
    pagefind().then(function (pf) { return pf.filters(); }).then(function (available) {
      selects.forEach(function (select) {
        var filter = select.dataset.searchFilter;
        var options = Object.keys(available[filter] || {}).map(function (value) { return { value: value, label: labelOf(form._labels, filter, value) }; });
        options.sort(function (a, b) { return a.label.text.localeCompare(b.label.text, form.dataset.lang); });
        options.forEach(function (o) {
          var option = document.createElement("option");
          option.value = o.value;
          option.textContent = o.label.text;
          if (o.label.lang) marked(option, o.label.lang, o.label.dir);
          select.appendChild(option);
        });
      });
    });
  }

  function start(form) {
    var timer;
    form._generation = 0;
    form._labels = labelsOf(form);
    var input = form.querySelector("input[type=search]");
    var go = function () {
      clearTimeout(timer);
      form._generation += 1;
      var generation = form._generation;
      // The index chunks for the words typed so far load while the debounce waits.
      var query = input.value.trim();
      form.querySelector("[data-search-results]").setAttribute("aria-busy", String(query !== ""));
      if (query !== "") pagefind().then(function (pf) { return pf.preload(query, { filters: chosenFilters(form) }); }).catch(function () {});
      timer = setTimeout(function () { run(form, generation); }, DEBOUNCE_MS);
    };
    // Pagefind is fetched when a reader shows an intent to search, not with every letter page; the
    // search page exists to search, so it starts at once.
    if (form.dataset.searchLetter) input.addEventListener("focus", function () { pagefind(); }, { once: true });
    else pagefind();
    form.addEventListener("submit", function (event) { event.preventDefault(); go(); });
    form.addEventListener("input", go);
    // A filter's change starts a search; the query field's, fired when it loses focus, would start again
    // the search its typing started, and hide "Show more" as it is pressed.
    form.addEventListener("change", function (event) { if (event.target !== input) go(); });
    form.querySelector("[data-search-more]").addEventListener("click", function () {
      if (form._readMore) readMore(form);
    });
    fillFilters(form);
    var query = new URLSearchParams(location.search).get("q");
    if (query && !form.dataset.searchLetter) {
      input.value = query;
      go();
    }
    form.hidden = false;
  }

  document.addEventListener("DOMContentLoaded", function () {
    document.querySelectorAll("[data-search]").forEach(start);
  });
})();
