from coopnet.knowledge.richtext import missing_alt, sanitise


def test_scripts_handlers_and_unsafe_links_are_removed():
    text = sanitise(
        '<h2 onclick="steal()">Plan</h2><script>alert(1)</script>'
        '<p style="color:red">Go <a href="javascript:alert(1)">here</a></p>'
    )
    assert "script" not in text.html
    assert "onclick" not in text.html
    assert "javascript" not in text.html
    assert "style" not in text.html
    assert '<h2 class="govuk-heading-m">Plan</h2>' in text.html


def test_headings_lists_links_and_images_are_kept_with_govuk_classes():
    text = sanitise(
        '<h3>Result</h3><ul><li>one</li><li>two</li></ul><a href="https://example.org/">site</a>'
        '<img src="https://example.org/a.png" alt="A community orchard">'
    )
    assert '<ul class="govuk-list govuk-list--bullet"><li>one</li>' in text.html
    assert 'class="govuk-link" href="https://example.org/" rel="noopener noreferrer"' in text.html
    assert 'alt="A community orchard"' in text.html


def test_plain_text_keeps_words_and_block_breaks():
    text = sanitise(
        "<h2>Why</h2><p>Residents &amp; council <em>together</em>.</p><ul><li>x</li></ul>"
    )
    assert text.text == "Why\nResidents & council together.\nx"


def test_images_without_alt_text_are_counted():
    assert missing_alt('<img src="a.png"><img src="b.png" alt=" ">') == 2
    assert missing_alt('<img src="a.png" alt="Volunteers">') == 0
