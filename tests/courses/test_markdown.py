import pytest

from courses.blocks import MarkdownBlock
from courses.markdown import render_markdown

PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/x.js></SCRIPT>",
    "[click](javascript:alert(1))",
    "[click](JaVaScRiPt:alert(1))",
    "[click](  javascript:alert(1))",
    "[click](java&#x09;script:alert(1))",
    "[click](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[click](vbscript:msgbox(1))",
    "![x](javascript:alert(1))",
    '<a href="javascript:alert(1)">x</a>',
    '<img src=x onerror="alert(1)">',
    '<p onclick="alert(1)">hi</p>',
    '<div onmouseover="alert(1)">hover</div>',
    '<svg onload="alert(1)"><circle r="1"/></svg>',
    '<iframe src="https://evil.example/"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="https://evil.example/x.swf"></object>',
    '<embed src="https://evil.example/x.swf">',
    '<style>body{background:url("javascript:alert(1)")}</style>',
    '<form action="https://evil.example/"><input name="password"></form>',
    '<body onload="alert(1)">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<link rel="stylesheet" href="https://evil.example/x.css">',
    '<a href="https://ok.example/" onfocus="alert(1)" autofocus>x</a>',
    '<base href="https://evil.example/">',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)></style></mglyph></table></mtext></math>",
    '<img src="x" style="background:url(javascript:alert(1))">',
    "```\n<script>alert(1)</script>\n```",
]

DANGEROUS = [
    "<script",
    "javascript:",
    "vbscript:",
    "data:text",
    "onerror",
    "onload",
    "onclick",
    "onmouseover",
    "onfocus",
    "<iframe",
    "<object",
    "<embed",
    "<style",
    "<form",
    "<input",
    "<meta",
    "<link",
    "<base",
    "<svg",
    "style=",
    "srcdoc",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_markdown_renders_inert(payload):
    html = str(render_markdown(payload)).lower()
    for marker in DANGEROUS:
        assert marker not in html, (payload, html)


def test_corpus_is_large_enough():
    assert len(PAYLOADS) >= 20


def test_markdown_keeps_tables_code_and_safe_links():
    html = str(
        render_markdown(
            "|a|b|\n|-|-|\n|1|2|\n\n```python\nx = 1\n```\n\n[site](https://open.canada.ca) [mail](mailto:a@b.ca)"
        )
    )
    assert "<table>" in html and '<th scope="col">a</th>' in html
    assert '<code class="language-python">' in html
    assert '<a href="https://open.canada.ca" rel="noopener">site</a>' in html
    assert 'href="mailto:a@b.ca"' in html


def test_markdown_block_renders_through_the_sanitizer():
    html = str(MarkdownBlock().render("Hello <script>alert(1)</script> **world**"))
    assert "<strong>world</strong>" in html and "<script" not in html
