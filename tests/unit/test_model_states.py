"""Pages ask the models where a thing is in its life (named state groups and properties) and what Gift Aid
adds, instead of restating state names, thresholds or rates in templates."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from campaign.models import (
    Campaign,
    CampaignState,
    Donation,
    Petition,
    PetitionState,
    Story,
    StoryState,
)
from campaign.models.donations import gift_aid_uplift_pence

TEMPLATES = Path(__file__).resolve().parents[2] / "campaign" / "templates"


def _states(cls) -> set[str]:
    return {value for name, value in vars(cls).items() if name.isupper() and isinstance(value, str)}


@pytest.mark.parametrize("cls", [StoryState, PetitionState, CampaignState])
def test_every_state_group_names_only_real_states(cls):
    states = _states(cls)
    groups = {name: value for name, value in vars(cls).items() if name.isupper() and isinstance(value, tuple)}
    assert groups
    for name, group in groups.items():
        assert set(group) <= states, f"{cls.__name__}.{name}"


def test_story_properties_follow_the_workflow():
    assert Story(state=StoryState.SUBMITTED).awaiting_check
    assert (
        Story(state=StoryState.SUBMITTED).being_reviewed and Story(state=StoryState.IN_REVIEW).being_reviewed
    )
    assert Story(state=StoryState.AWAITING_APPROVAL).awaiting_storyteller
    assert (
        Story(state=StoryState.APPROVED).changes_allowed
        and not Story(state=StoryState.PUBLISHED).changes_allowed
    )
    assert Story(state=StoryState.SUSPENDED).publishable and not Story(state=StoryState.IN_REVIEW).publishable
    assert Story(state=StoryState.WITHDRAWN).ended and Story(state=StoryState.REJECTED).ended
    assert not Story(state=StoryState.PUBLISHED).editable and Story(state=StoryState.SUSPENDED).editable


def test_petition_properties_and_the_parliament_thresholds():
    assert Petition(state=PetitionState.OPEN).is_open and Petition(state=PetitionState.CLOSED).shows_count
    assert (
        not Petition(state=PetitionState.REJECTED).shows_count
        and Petition(state=PetitionState.REJECTED).is_public
    )
    assert (
        Petition(state=PetitionState.HIDDEN).moderated
        and not Petition(state=PetitionState.SUBMITTED).moderated
    )
    petition = Petition(state=PetitionState.OPEN, parliament_count=12_345)
    assert (petition.PARLIAMENT_RESPONSE_THRESHOLD, petition.PARLIAMENT_DEBATE_THRESHOLD) == (10_000, 100_000)
    assert petition.parliament_response_shortfall == 0
    assert petition.parliament_debate_shortfall == 87_655


def test_campaign_running_means_sending_or_paused():
    assert (
        Campaign(state=CampaignState.SENDING).is_running and Campaign(state=CampaignState.PAUSED).is_running
    )
    assert (
        not Campaign(state=CampaignState.SCHEDULED).is_running
        and Campaign(state=CampaignState.SCHEDULED).editable
    )


@pytest.mark.parametrize("pence,uplift", [(1500, 375), (1000, 250), (999, 249), (1, 0), (0, 0)])
def test_gift_aid_adds_25p_in_the_pound_rounded_down(pence, uplift):
    assert gift_aid_uplift_pence(pence) == uplift
    donation = Donation(amount_pence=pence)
    assert donation.gift_aid_uplift_pence == uplift and donation.amount_with_gift_aid_pence == pence + uplift


def test_templates_do_not_restate_state_groups():
    restated = re.compile(r"state (not )?in \(|state', 'equalto'")
    offenders = [
        f"{path.relative_to(TEMPLATES)}:{number}"
        for path in TEMPLATES.rglob("*.html")
        for number, line in enumerate(path.read_text().splitlines(), 1)
        if restated.search(line)
    ]
    assert offenders == []
