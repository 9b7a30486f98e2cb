"""Checks the public pages of a running `redress serve` in headless Chromium.

Usage: check_web.py URL OUTPUT_DIR   (REDRESS_BIN and REDRESS_DATABASE_URL in the environment)

Run by ops/check-web, which starts the server on a throwaway cluster. Every check that fails
stops the run with one line saying which; the last line counts the checks that passed.
"""

import glob
import json
import os
import re
import subprocess
import sys
import urllib.error
import urllib.parse
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import WebDriverException
from selenium.webdriver.chrome.options import Options
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait


def gone(element):
    """A wait condition: the element left the page (the next page replaced it). Chromium may
    say so as a stale reference or as a node that no longer belongs to the document."""

    def check(_driver):
        try:
            element.is_enabled()
            return False
        except WebDriverException:
            return True

    return check

BASE = sys.argv[1].rstrip("/")
OUT = sys.argv[2]
BIN = os.environ["REDRESS_BIN"]
LANGUAGES = ["en", "ko", "es"]
TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
passed = 0


def check(condition, what):
    global passed
    if not condition:
        print(f"FAILED   {what}", file=sys.stderr)
        try:
            path = os.path.join(OUT, "failed.html")
            with open(path, "w", encoding="utf-8") as handle:
                handle.write(driver.page_source)
            driver.save_screenshot(os.path.join(OUT, "failed.png"))
            print(f"         the page was {driver.current_url}; saved as {path} and failed.png", file=sys.stderr)
        except Exception:  # the browser may be the thing that failed
            pass
        sys.exit(1)
    passed += 1
    print(f"ok       {what}")


def redress(*arguments):
    return subprocess.run([BIN, *arguments], check=True, capture_output=True, text=True).stdout


def case_count():
    rows = redress("case", "list", "--format", "csv", "--limit", "1000").strip().splitlines()
    return max(0, len(rows) - 1)


def case_json(reference):
    return json.loads(redress("case", "show", reference, "--format", "json"))


def axe_source():
    import axe_playwright_python

    root = os.path.dirname(axe_playwright_python.__file__)
    found = sorted(glob.glob(os.path.join(root, "**", "axe.min.js"), recursive=True))
    if not found:
        sys.exit("axe.min.js is not in the axe-playwright-python package")
    with open(found[0], encoding="utf-8") as handle:
        return handle.read()


AXE = axe_source()


def browser():
    options = Options()
    options.binary_location = "/usr/bin/chromium"
    for flag in ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--hide-scrollbars"]:
        options.add_argument(flag)
    options.add_argument("--window-size=1280,900")
    options.add_argument("--lang=en")
    driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
    driver.set_page_load_timeout(30)
    driver.set_script_timeout(60)
    return driver


driver = browser()
seen_origins = set()


def audit(name):
    """axe-core at WCAG 2.2 AA on the page as it is now, a screenshot at 320 and 1280 px, and no
    horizontal scrolling at either width."""
    driver.execute_script(AXE)
    violations = driver.execute_async_script(
        """
        const done = arguments[arguments.length - 1];
        axe.run(document, {runOnly: {type: 'tag', values: arguments[0]}, resultTypes: ['violations']})
          .then(r => done(r.violations.map(v => v.id + ' (' + v.impact + '): ' + v.help + ' at ' +
                                          v.nodes.map(n => n.target.join(' ')).join(', '))))
          .catch(e => done(['axe failed: ' + e]));
        """,
        TAGS,
    )
    check(not violations, f"axe WCAG 2.2 AA: {name}" + ("" if not violations else ": " + "; ".join(violations)))
    # Everything the page loaded came from the server's own origin.
    resources = driver.execute_script(
        "return performance.getEntriesByType('resource').map(e => e.name).concat([location.href]);"
    )
    foreign = [r for r in resources if not r.startswith(BASE)]
    check(not foreign, f"nothing from another origin: {name}" + (f": {foreign}" if foreign else ""))
    for width in (320, 1280):
        driver.set_window_size(width, 900)
        height = driver.execute_script("return document.documentElement.scrollHeight")
        driver.set_window_size(width, min(max(height, 600), 8000))
        overflow = driver.execute_script(
            "return document.documentElement.scrollWidth - document.documentElement.clientWidth"
        )
        path = os.path.join(OUT, f"{name}-{width}.png")
        driver.save_screenshot(path)
        check(overflow <= 0, f"no horizontal scrolling at {width} px: {name} (screenshot {path})")
    driver.set_window_size(1280, 900)


def save_html(name, html):
    os.makedirs(os.path.join(OUT, "html"), exist_ok=True)
    with open(os.path.join(OUT, "html", name + ".html"), "w", encoding="utf-8") as handle:
        handle.write(html)


def fetch(path, form=None):
    """The server's own bytes for a page (the browser's page_source is its re-serialised DOM)."""
    data = urllib.parse.urlencode(form).encode() if form is not None else None
    request = urllib.request.Request(BASE + path, data=data)
    try:
        with urllib.request.urlopen(request) as response:
            return response.status, dict(response.headers), response.read().decode()
    except urllib.error.HTTPError as error:
        return error.code, dict(error.headers), error.read().decode()


def token_of(html):
    return re.search(r'name="form_token" value="([^"]+)"', html).group(1)


def fill(values):
    for name, value in values.items():
        elements = driver.find_elements(By.NAME, name)
        element = elements[0]
        kind = element.get_attribute("type")
        if kind == "radio":
            driver.find_element(By.CSS_SELECTOR, f'input[name="{name}"][value="{value}"]').click()
        elif kind == "checkbox":
            if element.is_selected() != bool(value):
                element.click()
        elif element.tag_name == "select":
            element.find_element(By.CSS_SELECTOR, f'option[value="{value}"]').click()
        elif kind == "date":
            driver.execute_script("arguments[0].value = arguments[1]", element, value)
        else:
            element.clear()
            element.send_keys(value)


def submit():
    """Sends the form and waits for the answer page to replace it."""
    old = driver.find_element(By.TAG_NAME, "html")
    driver.find_element(By.CSS_SELECTOR, "form button[type=submit]").click()
    WebDriverWait(driver, 30).until(gone(old))


def receipt():
    reference = driver.find_element(By.CSS_SELECTOR, ".receipt .code").text
    tokens = driver.find_elements(By.CSS_SELECTOR, ".receipt .token")
    return reference, tokens[0].text if tokens else None


# --- Headers and the plain pages -------------------------------------------------------------

for path in ["/complain", "/en/complain", "/ko/status", "/redress.css"]:
    status, headers, _ = fetch(path)
    policy = headers.get("Content-Security-Policy", "")
    check(
        status == 200
        and "default-src 'self'" in policy
        and "frame-ancestors 'none'" in policy
        and "script-src 'none'" in policy
        and headers.get("X-Content-Type-Options") == "nosniff"
        and headers.get("Referrer-Policy") == "no-referrer",
        f"security headers on {path}",
    )

# --- The form in each language, its error state, and filing --------------------------------

filed = {}
for language in LANGUAGES:
    driver.get(f"{BASE}/{language}/complain")
    check(driver.find_element(By.TAG_NAME, "html").get_attribute("lang") == language, f"lang={language} on the form")
    audit(f"complain-{language}")
    save_html(f"complain-{language}", fetch(f"/{language}/complain")[2])

    # Sent empty: the errors, summarised at the top with links, each beside its field.
    submit()
    summary = driver.find_elements(By.CSS_SELECTOR, ".error-summary[role=alert] a[href^='#']")
    check(len(summary) >= 4, f"the error summary links each error ({language})")
    audit(f"complain-errors-{language}")
    _, _, blank = fetch(f"/{language}/complain")
    status, _, errors_html = fetch(f"/{language}/complain", {"form_token": token_of(blank)})
    check(status == 422, f"an empty form is answered 422 ({language})")
    save_html(f"complain-errors-{language}", errors_html)

    # A form freshly loaded, filled and sent (the back button then leads to it, not to the error page).
    driver.get(f"{BASE}/{language}/complain")
    before = case_count()
    name = {"en": "Ada Lovelace", "ko": "박민준", "es": "José Pérez"}[language]
    fill(
        {
            "filing_as": "self",
            "name": name,
            "email": f"web-{language}@example.org",
            "respondent": "Gwangju Housing Office",
            "what_happened": f"The office refused my application ({language}) without a reason.",
            "wanted": "A decision with reasons",
            "harm_utilities": True,
            "contact_preference": "email",
            "language": language,
            "consent": "yes",
        }
    )
    sent_token = driver.find_element(By.NAME, "form_token").get_attribute("value")
    submit()
    reference, code = receipt()
    check(re.fullmatch(r"[A-Z0-9]+-\d{4}-\d{6}", reference) is not None, f"a reference on the answer page ({language})")
    check(code is not None and re.fullmatch(r"[0-9a-f]{64}", code) is not None, f"a status code shown once ({language})")
    check(len(driver.find_elements(By.CSS_SELECTOR, "ul.next li")) == 3, f"three dates ahead, in words ({language})")
    audit(f"received-{language}")
    check(case_count() == before + 1, f"one case filed ({language})")
    case = case_json(reference)
    text = json.dumps(case, ensure_ascii=False)
    check(
        case.get("channel") == "web" and case.get("urgent") is True and name in text
        and f"({language})" in text and case.get("language") == language,
        f"the case has the form's fields ({language})",
    )
    filed[language] = (reference, code)

    # The back button and Send again: the same form, the same token, no second case.
    driver.back()
    check("/complain" in driver.current_url, f"the back button shows the form again ({language})")
    kept = driver.find_element(By.NAME, "form_token").get_attribute("value") == sent_token
    print(f"         (the browser {'kept' if kept else 'reloaded'} the form on Back)")
    submit()
    again_reference, again_code = receipt()
    check(
        again_reference == reference and again_code is None and case_count() == before + 1,
        f"a form sent twice makes one case ({language})",
    )
    audit(f"received-again-{language}")
    # The server's own answer page, for the HTML checker.
    _, _, blank = fetch(f"/{language}/complain")
    status, _, received_html = fetch(
        f"/{language}/complain",
        {"form_token": token_of(blank), "filing_as": "self", "name": "Validator", "respondent": "_other",
         "respondent_other": "Some body", "what_happened": f"Checked for valid HTML ({language}).", "consent": "no"},
    )
    check(status == 200, f"the answer page, fetched to validate ({language})")
    save_html(f"received-{language}", received_html)

# --- The status page ---------------------------------------------------------------------

for language in LANGUAGES:
    reference, code = filed[language]
    driver.get(f"{BASE}/{language}/status")
    audit(f"status-{language}")
    save_html(f"status-{language}", fetch(f"/{language}/status")[2])
    fill({"reference": reference, "status_code": code})
    submit()
    check(reference in driver.find_element(By.ID, "result-title").text, f"the status page shows the case ({language})")
    check(len(driver.find_elements(By.CSS_SELECTOR, ".result ul li")) >= 1, f"the status page gives dates ({language})")
    audit(f"status-result-{language}")
    status, _, result_html = fetch(f"/{language}/status", {"form_token": token_of(fetch(f"/{language}/status")[2]),
                                                          "reference": reference, "status_code": code, "easy": "yes"})
    check(status == 200, f"the easy-read status ({language})")
    save_html(f"status-result-easy-{language}", result_html)
    fill({"reference": reference, "status_code": "0" * 64})
    submit()
    check(len(driver.find_elements(By.CSS_SELECTOR, ".error-summary[role=alert]")) == 1,
          f"a wrong code is refused on the page ({language})")
    audit(f"status-not-found-{language}")
    status, _, not_found_html = fetch(f"/{language}/status", {"form_token": token_of(fetch(f"/{language}/status")[2]),
                                                             "reference": reference, "status_code": "0" * 64})
    check(status == 404, f"a wrong code is answered 404 ({language})")
    save_html(f"status-not-found-{language}", not_found_html)

with open(os.path.join(OUT, "html", "redress.css"), "w", encoding="utf-8") as handle:
    handle.write(fetch("/redress.css")[2])

# --- A cross-site post ---------------------------------------------------------------------

before = case_count()
status, _, forbidden_html = fetch("/en/complain", {"filing_as": "self", "name": "Mallory", "respondent": "_other",
                                                  "respondent_other": "X", "what_happened": "x", "consent": "yes"})
check(status == 403 and case_count() == before, "a post without the form token is refused 403 and files nothing")
save_html("complain-forbidden-en", forbidden_html)

# --- Keyboard only -------------------------------------------------------------------------

driver.quit()
driver = browser()
driver.get(f"{BASE}/en/complain")
before = case_count()
body = driver.find_element(By.TAG_NAME, "body")
body.send_keys(Keys.TAB)
active = driver.switch_to.active_element
check(active.get_attribute("class") == "skip", "the first Tab reaches the skip link")
active.send_keys(Keys.ENTER)
check(driver.switch_to.active_element.get_attribute("id") == "main", "Enter on the skip link moves to the content")
typed = {
    "name": "Keyboard User",
    "email": "keys@example.org",
    "what_happened": "Filed with the keyboard alone.",
}
done = set()
outlined = set()
for _ in range(120):
    driver.switch_to.active_element.send_keys(Keys.TAB)
    active = driver.switch_to.active_element
    name = active.get_attribute("name")
    outline = driver.execute_script("return getComputedStyle(arguments[0]).outlineStyle", active)
    if name and name not in outlined:
        # Checked as Tab first reaches each field (a date field's later stops are inside it).
        check(outline not in ("none", ""), f"focus is visible on {name}")
        outlined.add(name)
    if name in typed and name not in done:
        active.send_keys(typed[name])
        done.add(name)
    elif name in ("filing_as", "consent", "contact_preference") and name not in done:
        active.send_keys(Keys.SPACE)
        done.add(name)
    elif name == "respondent" and name not in done:
        active.send_keys("Gwangju")
        done.add(name)
    elif active.tag_name == "button":
        old = driver.find_element(By.TAG_NAME, "html")
        active.send_keys(Keys.ENTER)
        WebDriverWait(driver, 30).until(gone(old))
        break
check({"filing_as", "name", "email", "respondent", "what_happened", "consent"} <= done,
      "the keyboard reached every needed field")
reference, code = receipt()
check(case_count() == before + 1 and code is not None, f"the form was completed by keyboard alone ({reference})")
driver.quit()

print(f"check-web: all {passed} checks passed")
