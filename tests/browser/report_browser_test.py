#!/usr/bin/env python3
"""Browser test of `credence report` (HTML), in headless Chromium driven through chromedriver's
W3C WebDriver HTTP API with nothing but the Python standard library.

Checks, on the worked example:
  1. the page loads with no console message of level SEVERE (errors, failed loads, uncaught
     exceptions); a control page that does log an error must be caught first, so the check
     is known to work;
  2. the first row of the ranked claims table is the top claim of `credence analyze --format json`
     (computed independently of the HTML writer), and that claim is disputed;
  3. clicking the Trust header of the source table sorts it ascending, clicking again descending,
     the trust values are those of the JSON output, and anonymous sources (no trust) stay last;
  3b. a meter per belief and trust with an interval in the JSON, its whisker inside the
     track and around the bar's end, the meter inside its table cell;
  4. a screenshot is taken and is a valid, non-blank PNG (saved in the build directory);
  7. the timeline SVG of the top (dated) claim: linked from its section, one marker with a
     tooltip per event of `credence timeline --format json`, higher beliefs drawn higher,
     markers inside the picture, and every timeline SVG well-formed XML;
and on the newsroom sample (a disputed claim ranked above contested ones):
  6. every verdict badge carries the class of one of the six verdicts, a disputed badge looks
     different from a contested one (background and outline), disputed rows rank first, and each
     echo discount of the analysis is a line of its claim's evidence;
and on the dated golden dataset (tests/golden/dated.jsonl: a reversal and a retraction):
  7. the Findings section lists every finding of `analyze --format json`, each with an anchor;
     each claim row, claim section and source row of a finding links to it, and every such link
     resolves; the retracted stance is struck through (<del>);
and on a dataset whose texts hold markup (<script>, an <img onerror>, quotes):
  5. no script of the dataset runs: no alert is open (a control page's alert is seen first), the page's global flag is unset, the title
     is untouched, the page has exactly one <script> element (the report's own), and the markup
     shows as text.

Exit code 0 on success, 1 on failure, 77 (skipped) when Chromium or chromedriver is missing,
unless CI=true, where a missing browser is a failure.
"""

import argparse
import base64
import json
import os
import re
import shutil
import socket
import struct
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
import zlib
from xml.etree import ElementTree as ET

SKIP = 77
# Exactly the flags of the issue; a fresh --user-data-dir is added per run.
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                  "--disable-background-networking", "--disable-component-update",
                  "--disable-sync"]
ELEMENT = "element-6066-11e4-a52e-4f735466cecf"  # the W3C web element key


class Failure(Exception):
    pass


def check(cond, message):
    if not cond:
        raise Failure(message)
    print("ok:", message)


class WebDriver:
    def __init__(self, port):
        self.base = "http://127.0.0.1:%d" % port
        self.sid = None

    def call(self, method, path, body=None, expect_error=False):
        data = None if body is None else json.dumps(body).encode()
        req = urllib.request.Request(self.base + path, data=data, method=method,
                                     headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=60) as resp:
                payload = json.loads(resp.read().decode() or "{}")
        except urllib.error.HTTPError as e:
            payload = json.loads(e.read().decode() or "{}")
            if expect_error:
                return payload.get("value", {})
            raise Failure("WebDriver %s %s failed: %s" % (method, path, payload))
        if expect_error:
            raise Failure("WebDriver %s %s succeeded where an error was expected: %s"
                          % (method, path, payload))
        return payload.get("value")

    def session(self, path=""):
        return "/session/%s%s" % (self.sid, path)

    def start(self, chromium, user_data_dir):
        caps = {"capabilities": {"alwaysMatch": {
            "browserName": "chrome",
            "unhandledPromptBehavior": "ignore",
            "goog:loggingPrefs": {"browser": "ALL"},
            "goog:chromeOptions": {"binary": chromium,
                                   "args": CHROMIUM_FLAGS + ["--user-data-dir=" + user_data_dir]},
        }}}
        value = self.call("POST", "/session", caps)
        self.sid = value["sessionId"]
        self.call("POST", self.session("/window/rect"), {"width": 1200, "height": 1600})

    def get(self, url):
        self.call("POST", self.session("/url"), {"url": url})

    def js(self, script, *args):
        return self.call("POST", self.session("/execute/sync"), {"script": script, "args": list(args)})

    def find(self, css):
        return self.call("POST", self.session("/element"),
                         {"using": "css selector", "value": css})[ELEMENT]

    def click(self, css):
        self.call("POST", self.session("/element/%s/click" % self.find(css)), {})

    def logs(self):
        for path in ("/se/log", "/log"):
            try:
                return self.call("POST", self.session(path), {"type": "browser"})
            except Failure:
                continue
        raise Failure("chromedriver returned no browser log")

    def severe(self):
        return [e for e in self.logs() if e.get("level") == "SEVERE"]

    def quit(self):
        if self.sid:
            try:
                self.call("DELETE", self.session())
            except Exception:  # noqa: BLE001 - best effort on the way out
                pass


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def check_png(data, path):
    check(data[:8] == b"\x89PNG\r\n\x1a\n", "screenshot %s is a PNG (signature)" % path)
    width, height = struct.unpack(">II", data[16:24])
    check(data[12:16] == b"IHDR" and width > 0 and height > 0,
          "screenshot is %dx%d pixels" % (width, height))
    pos, idat = 8, b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        if kind == b"IDAT":
            idat += data[pos + 8:pos + 8 + length]
        pos += 12 + length
    pixels = zlib.decompress(idat)
    check(len(set(pixels[: 1 << 20])) > 8, "screenshot is not blank (%d bytes)" % len(data))


def run_credence(credence, workdir, *args):
    res = subprocess.run([credence, *args], cwd=workdir, capture_output=True, text=True, timeout=120)
    if res.returncode != 0:
        raise Failure("credence %s failed (%d): %s" % (" ".join(args), res.returncode, res.stderr))
    return res.stdout


XSS_DATASET = r'''{"type":"outlet","id":"evil-outlet","name":"<b onmouseover=\"alert(2)\">Evil</b> & 'Co'","url":"javascript:window.__xss=3"}
{"type":"speaker","id":"mallory","name":"Mallory </td></tr></table><script>window.__xss=4</script>"}
{"type":"claim","id":"xss-claim","text":"<script>window.__xss=1;document.title='pwned';alert(1)</script> \"quoted\" & 'single' <img src=x onerror=\"window.__xss=2\">"}
{"type":"claim","id":"plain","text":"A plain claim."}
{"type":"report","id":"r1","outlet":"evil-outlet","title":"<i>title</i>","url":"javascript:alert(5)"}
{"type":"stance","holder":"mallory","claim":"xss-claim","polarity":"supports","report":"r1","quote":"<script>alert(6)</script>"}
{"type":"stance","holder":"evil-outlet","claim":"xss-claim","polarity":"denies","report":"r1"}
{"type":"stance","holder":"evil-outlet","claim":"plain","polarity":"supports","report":"r1"}
'''


def check_findings(wd, page, analysis):
    """Step 7: the Findings section and the links to it (the page is loaded here)."""
    wd.get("file://" + os.path.abspath(page))
    findings = analysis["findings"]
    check(len(findings) >= 2, "the dated dataset has findings (%d)" % len(findings))
    items = wd.js("return Array.prototype.map.call(document.querySelectorAll("
                  "'#findings li.finding'), function (li) { return [li.id, li.className]; });")
    check(len(items) == len(findings) and all(
        item == ["finding-%d" % (i + 1), "finding " + f["kind"]]
        for i, (item, f) in enumerate(zip(items, findings))),
        "the Findings section lists every finding of the JSON in order: %s" % items)
    links = wd.js("return Array.prototype.map.call(document.querySelectorAll("
                  "'a[href^=\"#finding-\"]'), function (a) { var id = a.getAttribute('href')"
                  ".slice(1); return [id, !!document.getElementById(id), "
                  "!!a.closest('#claims-table'), !!a.closest('article.claim'), "
                  "!!a.closest('#source-table')]; });")
    check(links and all(ok for _, ok, _, _, _ in links),
          "every link to a finding resolves (%d links)" % len(links))
    for i, f in enumerate(findings):
        target = "finding-%d" % (i + 1)
        places = [l for l in links if l[0] == target]
        check(any(l[2] for l in places) and any(l[3] for l in places) and any(
            l[4] for l in places),
            "%s (%s) is linked from its claim row, claim section and source row" % (target,
                                                                                    f["kind"]))
    struck = wd.js("return document.querySelectorAll('#evidence li.retracted del').length")
    retractions = sum(1 for f in findings if f["kind"] == "retraction")
    check(struck == retractions, "each retracted stance is struck through (%d)" % struck)
    errors = wd.severe()
    check(not errors, "no console errors on the dated report (got %s)" % errors)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--credence", required=True)
    ap.add_argument("--workdir", required=True, help="source tree (datasets/ is read from it)")
    ap.add_argument("--outdir", required=True, help="where pages and screenshots are written")
    ap.add_argument("--dataset", default="datasets/arms-race-2018.jsonl")
    ap.add_argument("--verdicts-dataset", default="datasets/newsroom-sample.jsonl")
    ap.add_argument("--dated-dataset", default="tests/golden/dated.jsonl")
    ap.add_argument("--chromium", default="/usr/bin/chromium")
    ap.add_argument("--chromedriver", default="/usr/bin/chromedriver")
    args = ap.parse_args()

    missing = [p for p in (args.chromium, args.chromedriver) if not shutil.which(p)]
    if missing:
        msg = "browser test: not installed: %s (Debian packages chromium, chromium-driver; " \
              "tools/setup --tests installs them)" % ", ".join(missing)
        if os.environ.get("CI") == "true":
            print("FAIL: " + msg + " and CI=true", file=sys.stderr)
            return 1
        print("SKIP: " + msg)
        return SKIP

    os.makedirs(args.outdir, exist_ok=True)
    page = os.path.join(args.outdir, "report.html")
    run_credence(args.credence, args.workdir, "report", args.dataset, "-o", page)
    analysis = json.loads(run_credence(args.credence, args.workdir, "analyze", args.dataset,
                                       "--format", "json"))
    verdicts_page = os.path.join(args.outdir, "verdicts.html")
    run_credence(args.credence, args.workdir, "report", args.verdicts_dataset, "-o", verdicts_page)
    verdicts_analysis = json.loads(run_credence(args.credence, args.workdir, "analyze",
                                                args.verdicts_dataset, "--format", "json"))
    dated_page = os.path.join(args.outdir, "dated.html")
    run_credence(args.credence, args.workdir, "report", args.dated_dataset, "-o", dated_page)
    dated_analysis = json.loads(run_credence(args.credence, args.workdir, "analyze",
                                             args.dated_dataset, "--format", "json"))
    xss_data = os.path.join(args.outdir, "xss.jsonl")
    with open(xss_data, "w", encoding="utf-8") as f:
        f.write(XSS_DATASET)
    xss_page = os.path.join(args.outdir, "xss.html")
    run_credence(args.credence, args.workdir, "report", xss_data, "-o", xss_page)

    user_data_dir = tempfile.mkdtemp(prefix="credence-chromium-")
    port = free_port()
    driver_log = open(os.path.join(args.outdir, "chromedriver.log"), "w")
    driver = subprocess.Popen([args.chromedriver, "--port=%d" % port], stdout=driver_log,
                              stderr=subprocess.STDOUT)
    wd = WebDriver(port)
    try:
        deadline = time.time() + 30
        while True:
            try:
                if wd.call("GET", "/status").get("ready"):
                    break
            except (OSError, Failure):
                pass
            if time.time() > deadline:
                raise Failure("chromedriver did not start")
            time.sleep(0.2)
        wd.start(args.chromium, user_data_dir)

        # 1. Console errors: the detector must see a deliberate error first.
        wd.get("data:text/html,<title>control</title><script>console.error('credence-control')"
               "</script>")
        control = wd.severe()
        check(any("credence-control" in e.get("message", "") for e in control),
              "the console check catches a deliberate console.error on a control page")
        wd.get("file://" + os.path.abspath(page))
        check(wd.js("return document.readyState") == "complete", "the report page loaded")
        errors = wd.severe()
        check(not errors, "no console errors on the report page (got %s)" % errors)

        # 2. The top disputed statement is the first row.
        top = analysis["claims"][0]
        check(top["verdict"] == "disputed",
              "analyze --format json ranks a disputed claim first: %s" % top["id"])
        first = wd.js("var r = document.querySelector('#claims-table tbody tr');"
                      "return r && r.getAttribute('data-claim');")
        check(first == top["id"], "first row of the ranked table is %r (expected %r)"
              % (first, top["id"]))
        href = wd.js("return document.querySelector('#claims-table tbody tr a').getAttribute('href')")
        check(href == "#claim-" + top["id"] and wd.js(
            "return !!document.getElementById(arguments[0])", "claim-" + top["id"]),
            "the first row links to the claim's evidence section %s" % href)

        # 3. Sorting the source table by trust.
        read = ("return Array.prototype.map.call(document.querySelectorAll("
                "'#source-table tbody tr'), function (r) { return r.cells[2].getAttribute("
                "'data-value'); });")
        expected = sorted("%.3f" % s["trust"] for s in analysis["sources"] if s["trust"] is not None)
        carried = sum(1 for s in analysis["sources"] if s["trust"] is None)

        def trusts():
            values = wd.js(read)
            known = [v for v in values if v != ""]
            check(values[len(known):] == [""] * carried,
                  "the %d source(s) without trust of their own are last" % carried)
            return [float(v) for v in known], known

        before, _ = trusts()
        check(before == sorted(before, reverse=True), "source table starts by trust, highest first")
        wd.click("#source-table th[data-key=trust] button")
        after, raw = trusts()
        check(after == sorted(after) and after != before,
              "one click on Trust sorts ascending: %s" % after)
        check(raw == expected, "the trust values are those of analyze --format json")
        check(wd.js("return document.querySelector('#source-table th[data-key=trust]')"
                    ".getAttribute('aria-sort')") == "ascending", "the Trust header says ascending")
        wd.click("#source-table th[data-key=trust] button")
        again, _ = trusts()
        check(again == sorted(after, reverse=True), "a second click sorts descending: %s" % again)

        # 3b. Interval whiskers: every belief of the ranking and every trust with an interval in
        # the JSON has a meter whose whisker is drawn inside its bar's track, spans the point,
        # and sits in its table cell (does not spill into the next column).
        meters = wd.js(
            "return Array.prototype.map.call(document.querySelectorAll("
            "'#claims-table svg.meter, #source-table svg.meter'), function (m) {"
            " var w = m.querySelector('.whisker').getBoundingClientRect();"
            " var t = m.querySelector('.track').getBoundingClientRect();"
            " var f = m.querySelector('.fill').getBoundingClientRect();"
            " var c = m.closest('td').getBoundingClientRect();"
            " return [w.left, w.right, t.left, t.right, f.right, c.left, c.right, w.width]; });")
        with_interval = (sum(1 for c in analysis["claims"] if "belief_low" in c) +
                         sum(1 for s in analysis["sources"] if "trust_low" in s))
        check(len(meters) == with_interval,
              "a meter per belief and trust with an interval (%d, JSON %d)"
              % (len(meters), with_interval))
        check(all(t_l - 2 <= w_l and w_r <= t_r + 2 and w_l - 2 <= f_r <= w_r + 2 and
                  c_l <= t_l and t_r <= c_r and w > 0
                  for w_l, w_r, t_l, t_r, f_r, c_l, c_r, w in meters),
              "every whisker lies in its track, spans the bar's end, and the meter fits its cell")

        # 7. Timelines: the dated worked example's top claim has a belief-over-time picture,
        # linked from its evidence section, with one marker (and tooltip) per event of
        # `credence timeline --format json`, markers higher for higher beliefs, inside the
        # picture; every timeline SVG of the page is well-formed XML.
        svgs = re.findall(r"<svg class=\"timeline\".*?</svg>", open(page, encoding="utf-8").read(),
                          re.S)
        check(svgs, "the report of a dated dataset has timeline pictures (%d)" % len(svgs))
        for svg in svgs:
            ET.fromstring(svg)
        print("ok: every timeline SVG parses as XML")
        anchor = "timeline-" + top["id"]
        check(wd.js("var a = document.querySelector('#claim-' + arguments[0] + ' a[href=\"#' + "
                    "arguments[1] + '\"]'); return !!a && !!document.getElementById(arguments[1]);",
                    top["id"], anchor),
              "the top claim's section links to its timeline #%s" % anchor)
        timeline = json.loads(run_credence(args.credence, args.workdir, "timeline", args.dataset,
                                           top["id"], "--format", "json"))
        marks = wd.js(
            "var s = document.querySelector('#' + arguments[0] + ' svg.timeline');"
            "var v = s.viewBox.baseVal;"
            "return Array.prototype.map.call(s.querySelectorAll('g.event'), function (g) {"
            " var c = g.querySelector('circle'); var b = c.getBBox();"
            " return [parseFloat(c.getAttribute('cy')), g.querySelector('title').textContent,"
            "  b.x >= v.x && b.y >= v.y && b.x + b.width <= v.x + v.width &&"
            "  b.y + b.height <= v.y + v.height]; });", anchor)
        events = timeline["events"]
        check(len(marks) == len(events), "one marker per event (%d, timeline JSON %d)"
              % (len(marks), len(events)))
        check(all(inside for _, _, inside in marks), "every marker lies inside the picture")
        check(all((events[i]["time"] or "undated") in marks[i][1] and
                  ("%.3f" % events[i]["belief"]) in marks[i][1] for i in range(len(events))),
              "each marker's tooltip names its time and belief")
        check(all(marks[i][0] < marks[j][0] for i in range(len(events))
                  for j in range(len(events)) if events[i]["belief"] > events[j]["belief"] + 0.01),
              "higher beliefs are drawn higher")
        check(wd.js("var s = document.querySelector('#' + arguments[0] + ' svg.timeline');"
                    "return !!s.querySelector('polyline.belief') && !!s.querySelector('line.half');",
                    anchor), "the picture has the belief line and the 0.5 line")

        # 4. Screenshot.
        png = base64.b64decode(wd.call("GET", wd.session("/screenshot")))
        shot = os.path.join(args.outdir, "report-screenshot.png")
        with open(shot, "wb") as f:
            f.write(png)
        check_png(png, shot)

        # 6. Verdict styling and discount lines on a dataset with disputed and contested claims.
        wd.get("file://" + os.path.abspath(verdicts_page))
        classes = {"disputed": "disputed", "contested, likely true": "contested-true",
                   "contested, likely false": "contested-false", "likely true": "likely-true",
                   "likely false": "likely-false", "unresolved": "unresolved"}
        badges = wd.js("return Array.prototype.map.call(document.querySelectorAll("
                       "'#claims-table .verdict'), function (b) { return [b.className, "
                       "b.textContent]; });")
        check(len(badges) == len(verdicts_analysis["claims"]) and all(
            cls == "verdict " + classes[text] for cls, text in badges),
            "every verdict badge has its verdict's class (%d badges)" % len(badges))
        ranked = [c["verdict"] for c in verdicts_analysis["claims"]]
        check("disputed" in ranked and any(v.startswith("contested") for v in ranked),
              "the dataset has disputed and contested claims: %s" % sorted(set(ranked)))
        last_disputed = max(i for i, v in enumerate(ranked) if v == "disputed")
        check(all(v != "disputed" for v in ranked[last_disputed + 1:]) and all(
            v in ("disputed", "contested, likely true", "contested, likely false")
            for v in ranked[:last_disputed + 1]), "disputed claims rank above the rest")
        style = ("var b = document.querySelector('#claims-table .verdict.' + arguments[0]);"
                 "var s = getComputedStyle(b); return [s.backgroundColor, s.boxShadow];")
        disputed = wd.js(style, "disputed")
        contested = wd.js(style, classes[next(v for v in ranked if v.startswith("contested"))])
        check(disputed[0] != contested[0] and contested[1] != "none" and disputed[1] == "none",
              "a disputed badge (%s) looks different from a contested one (%s)"
              % (disputed, contested))
        rows = wd.js("return Array.prototype.map.call(document.querySelectorAll("
                     "'#claims-table tbody tr'), function (r) { return r.className; });")
        check(rows == ["disputed" if v == "disputed" else "contested" if v.startswith("contested")
                       else "" for v in ranked], "disputed and contested rows are marked")
        echoes = wd.js("return document.querySelectorAll('#evidence li.discount').length")
        check(echoes > 0, "echo discounts are lines of the evidence (%d)" % echoes)
        png = base64.b64decode(wd.call("GET", wd.session("/screenshot")))
        shot = os.path.join(args.outdir, "verdicts-screenshot.png")
        with open(shot, "wb") as f:
            f.write(png)
        check_png(png, shot)
        errors = wd.severe()
        check(not errors, "no console errors on that page (got %s)" % errors)

        # 7. Findings and the links to them.
        check_findings(wd, dated_page, dated_analysis)

        # 5. Markup in the dataset stays text. Control first: an alert is seen when one opens.
        wd.get("data:text/html,<script>alert('credence-control')</script>")
        check(wd.call("GET", wd.session("/alert/text")) == "credence-control",
              "the alert check sees an alert on a control page")
        wd.call("POST", wd.session("/alert/dismiss"), {})
        wd.get("file://" + os.path.abspath(xss_page))
        wd.call("GET", wd.session("/alert/text"), expect_error=True)
        print("ok: no alert is open on the page built from markup-laden data")
        check(wd.js("return typeof window.__xss") == "undefined",
              "no script or event handler from the dataset ran (window.__xss unset)")
        check(wd.js("return document.title") == "Credence conflict report: " + xss_data,
              "the page title is untouched")
        check(wd.js("return document.scripts.length") == 1,
              "the page holds only the report's own <script>")
        check(wd.js("return document.querySelectorAll('img').length") == 0,
              "no <img> element came out of the claim text")
        heading = wd.js("return document.getElementById('claim-xss-claim')"
                        ".querySelector('h3').textContent")
        check("<script>window.__xss=1;document.title='pwned';alert(1)</script> \"quoted\"" in heading,
              "the claim's markup shows as text: %r" % heading[:60])
        check(wd.js("return document.querySelectorAll('a[href^=\"javascript\"]').length") == 0,
              "no javascript: link")
        errors = wd.severe()
        check(not errors, "no console errors on that page either (got %s)" % errors)
    except Failure as e:
        print("FAIL:", e, file=sys.stderr)
        return 1
    finally:
        wd.quit()
        driver.terminate()
        try:
            driver.wait(timeout=10)
        except subprocess.TimeoutExpired:
            driver.kill()
        driver_log.close()
        shutil.rmtree(user_data_dir, ignore_errors=True)
    print("browser test passed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
