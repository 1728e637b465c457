"""Browser-test plumbing: Debian's Chromium through Playwright, and axe-core on every page.

Use the `browser_page` fixture. Every document the page loads must be checked with
`browser_page.check()` (done for you by `visit()`, `submit()` and `follow()`); a test that loads a
page and never checks it fails at teardown, so no visited page escapes the accessibility scan.
The same check fails on any Content-Security-Policy violation the page reported (an inline script
or style, a resource from elsewhere): axe-core itself is run through the DevTools protocol, which
the policy does not govern, so it is no exception that would hide one.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")
AXE_JS = Path(__file__).resolve().parents[3] / "node_modules" / "axe-core" / "axe.min.js"
# Playwright's sync API runs an event loop in the test thread; Django's ORM refuses to run beside
# one unless told that this (single-threaded, test-only) use is safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Recorded in every document before its own scripts run.
RECORD_CSP_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.effectiveDirective} blocked ${e.blockedURI || "inline"}`
    + ` (${e.sourceFile || ""}:${e.lineNumber || ""})`);
});
"""


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args: dict[str, Any]) -> dict[str, Any]:
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "chromium_sandbox": False,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-dev-shm-usage",
        ],
    }


# True when the focused element is drawn differently from how it is drawn unfocused.
FOCUS_SHOWS = """async el => {
  const frame = () => new Promise(done => requestAnimationFrame(done));
  const frames = () => frame().then(frame);
  const look = () => {
    const s = getComputedStyle(el);
    return [s.outlineStyle, s.outlineColor, s.outlineWidth, s.boxShadow, s.backgroundColor,
            s.color, s.textDecorationLine, s.textDecorationThickness].join("|");
  };
  const focused = look();
  el.blur();
  await frames();  // scripted widgets restyle on their next render
  const plain = look();
  el.focus({focusVisible: true});
  await frames();
  return focused !== plain;
}"""


class AxeViolation(AssertionError):
    pass


class CspViolation(AssertionError):
    pass


class BrowserPage:
    """A Playwright page bound to the live server, checking accessibility as it goes."""

    def __init__(self, page: Any, base_url: str) -> None:
        self.page = page
        self.base_url = base_url.rstrip("/")
        self.loaded: list[str] = []
        self.checked: set[int] = set()
        page.on("load", lambda: self.loaded.append(page.url))
        page.add_init_script(RECORD_CSP_VIOLATIONS)

    def url(self, path: str) -> str:
        return path if path.startswith("http") else f"{self.base_url}{path}"

    def visit(self, path: str) -> BrowserPage:
        self.page.goto(self.url(path))
        self.check()
        return self

    def submit(self, button_name: str) -> BrowserPage:
        with self.page.expect_navigation():
            self.page.get_by_role("button", name=button_name).click()
        self.check()
        return self

    def follow(self, link_name: str) -> BrowserPage:
        with self.page.expect_navigation():
            self.page.get_by_role("link", name=link_name, exact=True).first.click()
        self.check()
        return self

    def check(self) -> None:
        """Run axe-core (WCAG 2.2 A/AA) on the current document; fail on any violation."""
        self.page.wait_for_load_state("load")
        # Scripts may still be building the page after "load" (the rich-text editor makes its
        # toolbar in a timeout), and its icon font loads only once that toolbar is drawn: until
        # then an icon is its ligature's name in plain text, which axe rightly reports. Check the
        # page as a person sees it: after two frames, with every font that is loading loaded.
        self.page.evaluate(
            "() => new Promise(done => requestAnimationFrame(() => requestAnimationFrame(done)))"
            ".then(() => document.fonts.ready).then(() => true)"
        )
        csp = self.page.evaluate("window.__cspViolations || []")
        if csp:
            raise CspViolation(f"{self.page.url}: Content-Security-Policy violations: {csp}")
        if not self.page.evaluate("typeof window.axe !== 'undefined'"):
            self.page.evaluate(AXE_JS.read_text(encoding="utf-8"))
        result = self.page.evaluate(
            "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}})", AXE_TAGS
        )
        self.checked.add(len(self.loaded))
        violations = [
            {
                "id": v["id"],
                "impact": v["impact"],
                "help": v["help"],
                "nodes": [n["target"] for n in v["nodes"]][:5],
            }
            for v in result["violations"]
        ]
        if violations:
            raise AxeViolation(f"{self.page.url}: {json.dumps(violations, indent=2)}")

    def put_caret_after(self, text: Any) -> None:
        """Click a piece of text in an editable box and put the caret at the end of its line, as
        a person does, waiting for the editor to take each step (ProseMirror reads the browser's
        selection after the event: a key pressed too soon lands where the caret was before)."""
        text.click()
        self.page.wait_for_function(
            "() => document.activeElement && document.activeElement.isContentEditable"
            " && getSelection().rangeCount > 0"
        )
        self.page.keyboard.press("End")
        self.page.wait_for_function(
            "() => { const s = getSelection(); const n = s.focusNode;"
            " return n && n.nodeType === Node.TEXT_NODE && s.focusOffset === n.length; }"
        )

    def tab_to(self, target: Any, *, limit: int = 80) -> int:
        """Press Tab until `target` (a locator) has the focus, as a keyboard user moves through
        the page, and return how many presses it took. Fails if Tab never reaches it (a control
        the keyboard cannot reach, or focus trapped elsewhere) or if the focused control looks
        the same as when it is not focused (no visible focus indicator, WCAG 2.4.7)."""
        for presses in range(1, limit + 1):
            self.page.keyboard.press("Tab")
            if target.evaluate("el => el === document.activeElement"):
                assert target.evaluate(FOCUS_SHOWS), (
                    f"{self.page.url}: no visible focus on {target}"
                )
                return presses
        raise AssertionError(f"{self.page.url}: {limit} presses of Tab never reached {target}")

    def press(self, key: str = "Enter") -> BrowserPage:
        """Press a key that loads a page (Enter on a button or link), then check the new page."""
        with self.page.expect_navigation():
            self.page.keyboard.press(key)
        self.check()
        return self

    def focused_name(self) -> str:
        """The focused element's label or text, as a screen reader would start to announce it."""
        return str(
            self.page.evaluate(
                "() => { const el = document.activeElement;"
                " const label = el.labels && el.labels[0];"
                " return (label ? label.innerText : el.innerText || el.value || '').trim(); }"
            )
        )

    def unchecked_pages(self) -> list[str]:
        return [url for i, url in enumerate(self.loaded, start=1) if i not in self.checked]

    def sign_in(self, email: str, password: str) -> BrowserPage:
        self.visit("/accounts/login/")
        self.page.get_by_label("Email").first.fill(email)
        self.page.get_by_label("Password").first.fill(password)
        return self.submit("Sign in")


@pytest.fixture
def browser_page(page: Any, live_server: Any) -> Iterator[BrowserPage]:
    page.set_default_timeout(15_000)
    bp = BrowserPage(page, live_server.url)
    yield bp
    missed = bp.unchecked_pages()
    assert not missed, f"pages loaded without an axe-core check: {missed}"
