"""The pages every Canada.ca site has: privacy notice, terms and conditions, accessibility and
contact, in both languages, each linked from the footer of every page and paired by the toggle."""

import re

import pytest

pytestmark = pytest.mark.django_db

PAGES = {
    "privacy": ("/en/privacy/", "/fr/confidentialite/", "Privacy notice", "Avis de confidentialité"),
    "terms": ("/en/terms-and-conditions/", "/fr/avis/", "Terms and conditions", "Avis"),
    "accessibility": ("/en/accessibility/", "/fr/accessibilite/", "Accessibility", "Accessibilité"),
    "contact": ("/en/contact/", "/fr/contactez-nous/", "Contact us", "Contactez-nous"),
}


def heading(html):
    return re.search(r"<h1[^>]*>(.*?)</h1>", html, re.S).group(1).strip()


@pytest.mark.parametrize("name", PAGES)
def test_each_page_reads_in_both_languages_and_the_toggle_pairs_them(client, site_tree, name):
    english, french, title_en, title_fr = PAGES[name]
    en = client.get(english).content.decode()
    fr = client.get(french).content.decode()
    assert heading(en) == title_en and heading(fr) == title_fr
    assert f'class="lang-toggle" href="{french}"' in en
    assert f'class="lang-toggle" href="{english}"' in fr


@pytest.mark.parametrize("path", ["/en/", "/fr/", "/en/resources/", "/fr/ressources/", "/en/report-a-problem/"])
def test_the_footer_of_every_kind_of_page_links_all_four(client, site_tree, path):
    html = client.get(path, follow=True).content.decode()
    footer = html[html.index('<footer class="site-footer"') :]
    language = 0 if path.startswith("/en/") else 1
    for english, french, *_titles in PAGES.values():
        assert f'href="{(english, french)[language]}"' in footer


def test_the_privacy_notice_states_the_retention_the_site_applies(client, site_tree, settings):
    settings.OGL_REGISTRATION_RETENTION_DAYS = 365
    settings.OGL_PAGE_CACHE_SECONDS = 0
    assert "deleted, 365 days after the session ends" in client.get("/en/privacy/").content.decode()
    french = client.get("/fr/confidentialite/").content.decode()
    assert "supprimées, 365 jours après la fin de la séance" in french
    assert "priv.gc.ca/fr/" in french and "priv.gc.ca/en/" in client.get("/en/privacy/").content.decode()


def test_the_contact_page_gives_the_configured_address(client, site_tree, settings):
    settings.OGL_CONTACT_EMAIL = "ogl-team@example.org"
    settings.OGL_PAGE_CACHE_SECONDS = 0
    assert 'href="mailto:ogl-team@example.org"' in client.get("/fr/contactez-nous/").content.decode()
