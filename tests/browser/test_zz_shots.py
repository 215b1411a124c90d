import os, pytest
from .harness import run_axe, format_violations

PATHS = os.environ.get("SHOT_PATHS", "/en/accounts/signup/").split(",")

@pytest.mark.axe_exclude(".")
def test_shots(page):
    for p in PATHS:
        page.goto(p)
        name = p.strip("/").replace("/", "_") or "root"
        page.screenshot(path=f"/tmp/shots/{name}.png", full_page=True)
        open(f"/tmp/shots/{name}.html", "w").write(page.content())
        v = run_axe(page)
        print(format_violations(p, v) if v else f"{p}: clean")
