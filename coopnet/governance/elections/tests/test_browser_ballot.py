"""The ballot's checkboxes are GOV.UK checkboxes: the native box is hidden under the styled one,
and nothing is drawn over a candidate's name (a geometry check in Chromium)."""

from __future__ import annotations

import pytest

from conftest import PASSWORD
from coopnet.governance.elections.models import Election

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

GEOMETRY = """() => [...document.querySelectorAll('.govuk-checkboxes__item')].map(item => {
  const input = item.querySelector('input[type=checkbox]');
  const label = item.querySelector('label');
  const range = document.createRange();
  range.selectNodeContents(label);
  const text = range.getBoundingClientRect();
  const box = input.getBoundingClientRect();
  const overlaps = !(box.right <= text.left || box.left >= text.right ||
                     box.bottom <= text.top || box.top >= text.bottom);
  return {
    name: label.innerText.trim(),
    inputClass: input.className,
    opacity: getComputedStyle(input).opacity,
    overlaps,
    textLeft: text.left,
    boxRight: box.right,
  };
})"""


def test_the_ballot_checkboxes_do_not_cover_the_candidates_names(
    browser_page, network_admin, full_seat, voter_a, voter_b, org_a, org_b, candidate_a
):
    from .test_views import contested

    election = contested(
        network_admin, full_seat, [(voter_a, org_a), (voter_b, org_b), (candidate_a, org_a)]
    )
    assert election.state == Election.State.VOTING
    contest = election.contests.get()
    bp = browser_page.sign_in(voter_b.email, PASSWORD)
    bp.visit(f"/elections/{election.slug}/vote/{contest.pk}/")
    boxes = bp.page.evaluate(GEOMETRY)
    assert len(boxes) == 3, boxes
    for box in boxes:
        assert "govuk-checkboxes__input" in box["inputClass"].split(), box
        assert box["opacity"] == "0", box  # the native box is not drawn
        assert not box["overlaps"], box  # and sits clear of the name
    # Ticking a candidate by their name still works, and the styled box shows it.
    name = boxes[0]["name"]
    bp.page.get_by_text(name, exact=True).click()
    assert bp.page.get_by_label(name).is_checked()
