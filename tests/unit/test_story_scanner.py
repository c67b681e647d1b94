"""The story scanner: each detector on its own (found and not found), the merge, the shipped seed story
that names no child, and recall / false alarms over the hand-marked synthetic corpus."""

from __future__ import annotations

import re
import time
from pathlib import Path

import pytest

from campaign.scanner import KINDS, Finding, nhs_check_digit_ok, scan
from tests.unit import scanner_corpus

SEEDS = Path(__file__).resolve().parents[2] / "campaign" / "demo" / "seeds"


def kinds_of(text: str) -> list[tuple[str, str]]:
    return [(f.kind, f.match) for f in scan(text)]


def found(text: str, kind: str) -> list[str]:
    return [f.match for f in scan(text) if f.kind == kind]


def check_shape(text: str, findings: list[Finding]) -> None:
    previous_end = -1
    for f in findings:
        assert f.kind in KINDS
        assert text[f.start : f.end] == f.match
        assert f.start >= previous_end, f"overlap at {f}"
        assert f.label and f.suggestion
        previous_end = f.end


# --- postcodes ----------------------------------------------------------------------------------------


@pytest.mark.parametrize("postcode", ["SW1A 1AA", "m1 1ae", "LS11 3AB", "LS113AB", "B33 8TH", "EH1 2NG"])
def test_full_postcodes_are_found_in_any_case_and_spacing(postcode):
    assert found(f"We lived at {postcode} for a year.", "postcode") == [postcode]


@pytest.mark.parametrize(
    "text",
    [
        "Print it on A4 paper.",
        "Stuck on the M25 again.",
        "In 2019 it began.",
        "Section 20 was used.",
        "QQ1 1AA is not a real area.",
    ],
)
def test_things_shaped_a_bit_like_postcodes_are_not(text):
    assert found(text, "postcode") == []


def test_an_outward_code_alone_is_a_postcode_district_but_roads_and_paper_are_not():
    assert found("Our postcode is LS6 and there is nothing here.", "postcode") == ["LS6"]
    assert found("We lived in LS6 then.", "postcode") == ["LS6"]
    assert found("we moved from M14 to SR5 and then CF24", "postcode") == ["M14", "SR5", "CF24"]
    assert found("Stuck on the M6 near J19, then the A1.", "postcode") == []
    assert found("B4 we left we had CO2 alarms and took vitamin B12.", "postcode") == []


@pytest.mark.parametrize("number", ["LS22C00417", "LS 22 C 00417", "CV 19 P 00288", "ls22c00417"])
def test_family_court_case_numbers_with_or_without_spaces(number):
    assert found(f"My case was {number} at the time.", "case_number") == [number]


# --- phones -------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "number",
    [
        "07700 900123",
        "+44 7700 900123",
        "(020) 7946 0018",
        "0161 496 0000",
        "07700900123",
        "0113 496 0571",
        "+44 (0)20 7946 0018",
        "0300 123 4567",
    ],
)
def test_uk_phone_numbers_are_found(number):
    assert found(f"Ring me on {number} after six.", "phone") == [number]


def test_helplines_and_national_websites_are_not_identifying():
    text = "I rang the NSPCC on 0808 800 5000 and Childline on 0800 1111, then read gov.uk and nspcc.org.uk."
    assert scan(text) == []
    assert found("The council's page, leeds.gov.uk/childrens-services, says", "url") == [
        "leeds.gov.uk/childrens-services"
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Posted 16/12/2015 05:27 GMT.",
        "00:01:27:19 - 00:02:00:16 Speaker 1",
        "We need 10k signatures!",
        "doi.org/10.1177%2F1473325019893412",
        "Scores: 05 10 15 20 25",
        "Children Act 1989 section 20",
    ],
)
def test_other_numbers_are_not_phone_numbers(text):
    assert found(text, "phone") == []


# --- emails, urls, handles ----------------------------------------------------------------------------


def test_email_is_one_finding_not_also_a_url_or_handle():
    text = "Email jane.doe+court@example.co.uk or find us on Twitter @ReviewCSC."
    assert kinds_of(text) == [("email", "jane.doe+court@example.co.uk"), ("social_handle", "@ReviewCSC")]


@pytest.mark.parametrize(
    "url",
    [
        "https://example.com/our-story?id=3",
        "www.example.org.uk",
        "example.co.uk",
        "facebook.com/jane.doe",
        "http://dx.doi.org/10.1136/x-1",
    ],
)
def test_web_addresses_are_found_without_trailing_punctuation(url):
    assert found(f"See ({url}).", "url") == [url]


def test_social_links_are_labelled_as_such():
    [finding] = scan("My page is facebook.com/justice4ourboys now.")
    assert finding.label == "Social media link"


@pytest.mark.parametrize("text", ["e.g. this", "Mason et al. 2022", "It was 5.30pm.", "Dr. Patel said"])
def test_abbreviations_are_not_web_addresses(text):
    assert found(text, "url") == []


# --- NHS numbers --------------------------------------------------------------------------------------


def test_nhs_check_digit():
    assert nhs_check_digit_ok("9434765919")
    assert not nhs_check_digit_ok("9434765918")
    assert nhs_check_digit_ok("4010232137")
    # A remainder giving a check digit of 10 means the number can never be valid.
    assert not any(nhs_check_digit_ok(f"123456789{d}") for d in range(10))
    assert not nhs_check_digit_ok("943476591")


@pytest.mark.parametrize("number", ["943 476 5919", "9434765919", "943-476-5919", "401 023 2137"])
def test_nhs_numbers_passing_the_check_digit_are_found(number):
    assert found(f"His NHS number is {number}.", "nhs_number") == [number]


def test_ten_digits_failing_the_check_digit_are_not_nhs_numbers():
    assert found("His NHS number is 943 476 5918.", "nhs_number") == []
    # ... though a failed one that looks like a phone number may still be reported as a phone number.
    assert kinds_of("Call 0161 496 0001 today.") == [("phone", "0161 496 0001")]


# --- case numbers -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Case LV19C01234 was listed.", "LV19C01234"),
        ("It was ZW20P00123 in the end.", "ZW20P00123"),
        ("(MA21C00045)", "MA21C00045"),
        ("the FD22D01234 matter", "FD22D01234"),
        ("Case No. 12345 of 2020 is mine.", "Case No. 12345 of 2020"),
        ("case number: ZW/123/20 was", "case number: ZW/123/20"),
        ("ref 1234-5678-9012-3456 on the portal", "1234-5678-9012-3456"),
    ],
)
def test_family_court_case_numbers(text, expected):
    assert found(text, "case_number") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "Section 47 enquiries",
        "the Children Act 1989",
        "the case was adjourned",
        "case no longer open",
        "My case number is on the letter.",
    ],
)
def test_not_case_numbers(text):
    assert found(text, "case_number") == []


# --- dates --------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "date",
    [
        "12/03/2019",
        "12.3.19",
        "3rd March 2019",
        "March 3rd",
        "3 March",
        "March 2019",
        "Tuesday the 4th",
        "Monday 9th January",
        "the third of March",
        "2019-03-12",
        "25th December 2020",
        "Sept 2021",
    ],
)
def test_dates(date):
    assert found(f"It happened on {date}, I remember.", "date") == [date]


def test_the_day_of_an_unnamed_month_after_on_or_by():
    assert found("The hearing was on the 14th and again by the 21st.", "date") == ["the 14th", "the 21st"]
    assert found("We met on the 14th of that month.", "date") == ["the 14th"]


@pytest.mark.parametrize(
    "text",
    [
        "In 2019 they took him.",
        "We lived on the 2nd floor.",
        "May I ask why?",
        "They will march on Parliament.",
        "It was the 3rd time.",
        "Section 20 of the Children Act 1989",
        "in May",
    ],
)
def test_not_dates(text):
    assert found(text, "date") == []


# --- ages ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("She was aged 4 then.", "aged 4"),
        ("a four-year-old boy", "four-year-old"),
        ("my 6 year old cried", "6 year old"),
        ("at age 11 he moved", "age 11"),
        ("She was born in 2015.", "born in 2015"),
        ("He was born on 3rd March 2016.", "born on 3rd March 2016"),
        ("DOB: 01/02/2015", "DOB: 01/02/2015"),
        ("She is 18 months old.", "18 months old"),
        ("he was 3 when they came", "3"),
        ("when she turned seven.", "turned seven"),
        ("Chloe is fifteen and doing well", "fifteen"),
        ("They are seven and five.", "seven and five"),
        ("at the age of 3", "the age of 3"),
        ("walking at 9 months", "at 9 months"),
        ("Jack (7) loves football", "(7)"),
        ("Jack is in Year 6 now.", "Year 6"),
        ("Zak was in Year 3 when it began.", "Year 3"),
        ("two and a half years old", "two and a half years old"),
        ("Tyler, was eight when it began", "eight"),
    ],
)
def test_ages_and_dates_of_birth(text, expected):
    assert found(text, "age") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "I was 19 when I had her.",
        "she was one of the best",
        "he was 3 hours late",
        "Section 20 (1) applies",
        "19 months in, nothing had changed",
        "it was 3 and a half hours",
        "We waited three years.",
        "It was 5 to 3.",
        "He was 45 when he left.",
        "she was aged 32",
        "a 40 year old man",
    ],
)
def test_not_ages(text):
    assert found(text, "age") == []


# --- schools ------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "school, suggestion",
    [
        ("St Mary's C of E Primary School", "a primary school"),
        ("Oakfield Academy", "a school"),
        ("Little Acorns Nursery", "a nursery"),
        ("Greenbank High", "a secondary school"),
        ("Our Lady of Lourdes RC Primary", "a primary school"),
        ("Sunflowers Pre-school", "a nursery"),
        ("King Edward VI Grammar School", "a secondary school"),
        ("Hillside Juniors", "a primary school"),
    ],
)
def test_school_names(school, suggestion):
    [finding] = [f for f in scan(f"She went to {school} for two years.") if f.kind == "school"]
    assert (finding.match, finding.suggestion) == (school, suggestion)


@pytest.mark.parametrize(
    "school, suggestion",
    [
        ("Ysgol Y Felin", "a school"),
        ("Ysgol Gymraeg Aberystwyth", "a school"),
        ("Scoil Mhuire", "a school"),
        ("Cylch Meithrin Llanrug", "a nursery"),
    ],
)
def test_welsh_and_irish_school_names_start_with_the_word_for_school(school, suggestion):
    [finding] = [f for f in scan(f"She goes to {school} now.") if f.kind == "school"]
    assert (finding.match, finding.suggestion) == (school, suggestion)


def test_two_schools_in_a_row_are_two_findings():
    assert found("Oakfield Academy and Little Acorns Nursery", "school") == [
        "Oakfield Academy",
        "Little Acorns Nursery",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "his school was fine",
        "The school rang me.",
        "the Sure Start Children's Centre",
        "The High Court judge",
        "Primary School was hard.",
        "a Forest School session",
        "Nursery staff were kind.",
    ],
)
def test_generic_school_mentions_are_not_findings(text):
    assert found(text, "school") == []


# --- children's names and other first names -----------------------------------------------------------


@pytest.mark.parametrize(
    "text, name",
    [
        ("My son Jack was taken.", "Jack"),
        ("Jack, my eldest, was taken.", "Jack"),
        ("my daughter (Amelia) cried", "Amelia"),
        ("a little boy called Zephyr", "Zephyr"),  # not in the names list: found by position
        ("our baby, Noah, was born early", "Noah"),
        ("I took Amelia and her brother to school", "Amelia"),
        ("my daughter Grace", "Grace"),  # an everyday word, but right after "my daughter"
        ("I want to tell you about Ruby. She is my second daughter.", "Ruby"),
        ("This is about Noah. He's my youngest.", "Noah"),
    ],
)
def test_child_names_near_kinship_words(text, name):
    assert found(text, "child_name") == [name]


def test_a_list_of_children_and_their_surnames():
    assert found("My children Kayden Smith, Amelia and Oliver (4) were placed apart.", "child_name") == [
        "Kayden Smith",
        "Amelia",
        "Oliver",
    ]


def test_later_mentions_of_the_childs_name_say_so():
    findings = [f for f in scan("My son Jack was two. Later Jack went to nursery.") if f.kind == "child_name"]
    assert [f.match for f in findings] == ["Jack", "Jack"]
    assert findings[1].label == "Same name as the child near 'my son'"
    assert findings[1].suggestion == "my son"


def test_a_name_given_a_childs_age_or_listed_with_a_child_is_a_child():
    text = "Mia came home. Later Mia was two and Lily and Archie (4) were in foster care."
    assert found(text, "child_name") == ["Mia", "Mia", "Lily", "Archie"]
    assert kinds_of("Mary was 40 when we met.") == [("first_name", "Mary")]
    assert kinds_of("My ex Darren and Jack (4) came.") == [
        ("first_name", "Darren"),
        ("child_name", "Jack"),
        ("age", "(4)"),
    ]


def test_initials_after_a_kinship_word():
    assert found("My son J was scared and my daughter A.B. cried. J slept.", "child_name") == [
        "J",
        "A.B.",
        "J",
    ]
    assert found("About my son I was told nothing.", "child_name") == []


def test_adults_near_a_child_are_first_names_not_children():
    assert kinds_of("My son and his dad Darren went out.") == [("first_name", "Darren")]
    assert kinds_of("Darren, my son's father, shouted.") == [("first_name", "Darren")]


@pytest.mark.parametrize(
    "text",
    [
        "Mary and her husband are decent loving parents striving to do their best for their two adopted children.",
        "We met Claire Mason, Research Fellow, at the launch.",
        "a dossier on children in care by Nina Lopez",  # children in general, not someone's child
    ],
)
def test_first_names_away_from_children_are_plain_first_names(text):
    assert [f.kind for f in scan(text)] == ["first_name"]


@pytest.mark.parametrize(
    "text",
    [
        "They were put on the Child Protection Register.",
        "Will my son ever come home?",
        "In May my daughter moved placement.",
        "By the grace of God we got through.",
        "Hope is all I have.",
        "Summer holidays are hard.",
        "The Children Act 1989 says so.",
        "the separation of children from their mothers",
        "Mark my words.",
        "Bolton, J., & Mason, C. (2020) Recurrent care.",
    ],
)
def test_everyday_capitalised_words_are_not_names(text):
    assert [f for f in scan(text) if f.kind in {"child_name", "first_name"}] == []


# --- people with titles and roles ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "name, suggestion",
    [
        ("Mrs Smith", "[name removed]"),
        ("Mr. Jones", "[name removed]"),
        ("Dr Patel", "a doctor"),
        ("Judge Harris", "the judge"),
        ("HHJ Smith", "the judge"),
        ("DJ Brown", "the judge"),
        ("Ms Khan", "[name removed]"),
        ("Miss Taylor", "[name removed]"),
        ("PC Wood", "a police officer"),
        ("Cllr Ahmed", "a councillor"),
        ("Professor Jane Smith", "[name removed]"),
        ("Mr Justice Cobb", "[name removed]"),
    ],
)
def test_titled_names(name, suggestion):
    [finding] = scan(f"Then {name} spoke to me.")
    assert (finding.kind, finding.match, finding.suggestion) == ("titled_name", name, suggestion)


@pytest.mark.parametrize(
    "text, match, suggestion",
    [
        ("the social worker Sarah came", "social worker Sarah", "social worker"),
        ("the guardian, Ms Lee, agreed", "guardian, Ms Lee,", "guardian"),
        ("our foster carer Linda was kind", "foster carer Linda", "foster carer"),
    ],
)
def test_roles_with_names(text, match, suggestion):
    [finding] = scan(text)
    assert (finding.kind, finding.match, finding.suggestion) == ("titled_name", match, suggestion)


@pytest.mark.parametrize(
    "text",
    [
        "The Judge said no.",
        "a judge is supposed to listen",
        "the social worker came",
        "Judge for yourself.",
        "the guardian. Then we left",
    ],
)
def test_titles_and_roles_without_a_name(text):
    assert scan(text) == []


# --- addresses ----------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        ("We lived at 12 Acacia Avenue for years.", "12 Acacia Avenue"),
        ("Flat 3, 45 High Street was damp.", "Flat 3, 45 High Street"),
        ("We moved to Orchard Road in the end.", "Orchard Road"),
        ("a house on Park Road", "Park Road"),
        ("at 4 Bramble Court with my mum", "4 Bramble Court"),
        ("Then 22a Station Rd was next", "22a Station Rd"),
    ],
)
def test_addresses(text, expected):
    assert found(text, "address") == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "shops on the High Street",
        "at the Family Court",
        "the High Court",
        "a Safe Place scheme",
        "Close to the school",
        "down the road",
    ],
)
def test_not_addresses(text):
    assert found(text, "address") == []


# --- places -------------------------------------------------------------------------------------------


def test_places_suggest_their_region():
    [leeds] = scan("We lived in Leeds then.")
    assert (leeds.kind, leeds.match, leeds.suggestion) == ("place", "Leeds", "a city in Yorkshire")
    [wigan] = scan("a flat in Wigan")
    assert wigan.suggestion == "a town in the North West"
    [hackney] = scan("moved to Hackney")
    assert hackney.suggestion == "an area of London"
    assert found("near Milton Keynes", "place") == ["Milton Keynes"]
    assert found("from Newcastle upon Tyne", "place") == ["Newcastle upon Tyne"]
    assert found("born at Wythenshawe Hospital", "hospital") == ["Wythenshawe Hospital"]


def test_place_names_that_are_also_words_need_a_preposition():
    assert found("We moved from Bath to Reading.", "place") == ["Bath", "Reading"]
    assert found("Reading the report made me cry.", "place") == []


@pytest.mark.parametrize(
    "text",
    [
        "We live in the North West.",
        "a hearing in London",
        "Lancaster University",
        "the University of Lancaster",
        "Claire Preston said",
        "in Wales",
    ],
)
def test_regions_big_cities_and_institutions_are_not_places(text):
    assert found(text, "place") == []


# --- merging ------------------------------------------------------------------------------------------


def test_overlaps_keep_the_longer_more_specific_finding():
    assert kinds_of("She was born on 3rd March 2016.") == [("age", "born on 3rd March 2016")]
    assert kinds_of("DOB 01/02/2015") == [("age", "DOB 01/02/2015")]
    assert kinds_of("He went to Leeds Grammar School.") == [("school", "Leeds Grammar School")]


def test_same_kind_overlaps_are_joined():
    assert found("It was on the 14th of March.", "date") == ["the 14th of March"]


def test_empty_and_plain_text():
    assert scan("") == []
    assert scan("The court took my children and I want the law to change.") == []


# --- shipped seeds ------------------------------------------------------------------------------------


def _seed(name_starts: str) -> str:
    [path] = [p for p in SEEDS.glob("*.txt") if p.read_text(encoding="utf-8").startswith(name_starts)]
    return path.read_text(encoding="utf-8")


def test_marys_account_names_no_child():
    text = _seed("Mary and her husband")
    findings = scan(text)
    check_shape(text, findings)
    risky = {"child_name", "school", "address", "case_number", "nhs_number", "postcode", "phone", "age"}
    assert [f for f in findings if f.kind in risky] == []
    # At most a glance: "Mary" herself.
    assert [(f.kind, f.match) for f in findings] == [("first_name", "Mary")]


def test_all_seeds_scan_cleanly():
    for path in sorted(SEEDS.glob("*.txt")):
        text = path.read_text(encoding="utf-8")
        findings = scan(text)
        check_shape(text, findings)
        assert not [f for f in findings if f.kind in {"child_name", "school", "address", "case_number"}], (
            path.name
        )


# --- the corpus ---------------------------------------------------------------------------------------


def test_corpus_markers_parse_to_exact_offsets():
    text, expected = scanner_corpus.parse("My son [[child_name:Jack]] lives in [[place:Leeds]].")
    assert text == "My son Jack lives in Leeds."
    assert [(e.kind, text[e.start : e.end]) for e in expected] == [("child_name", "Jack"), ("place", "Leeds")]
    for text, expected in scanner_corpus.corpus():
        assert "[[" not in text
        for e in expected:
            assert text[e.start : e.end] == e.text and e.kind in KINDS
        check_shape(text, scan(text))


def test_corpus_recall_for_high_risk_kinds():
    scores, notes = scanner_corpus.evaluate(scan)
    for kind in scanner_corpus.HIGH_RISK:
        assert scores[kind].expected >= 1, f"the corpus has no {kind}"
        assert scores[kind].recall >= 0.95, f"{kind}: recall {scores[kind].recall:.2f}\n" + "\n".join(notes)
    # Telling a child's name from an adult's is the point of the child_name kind.
    assert scores["child_name"].strict_recall >= 0.9


def test_corpus_false_positives_are_few():
    scores, notes = scanner_corpus.evaluate(scan)
    false_positives = sum(s.false_positive for s in scores.values())
    findings = sum(s.findings for s in scores.values())
    assert false_positives <= findings // 200, "\n".join(notes)  # at most 0.5%
    for text in scanner_corpus.HARD_NEGATIVES:
        assert scan(text) == [], text


def test_every_kind_is_exercised_by_the_corpus():
    kinds = {e.kind for _, expected in scanner_corpus.corpus() for e in expected}
    assert kinds == set(KINDS)


def test_a_thousand_words_scan_well_under_a_tenth_of_a_second():
    from bench.story_scanner import story

    text = story(1000)
    scan(text)
    best = min(_timed(scan, text) for _ in range(5))
    assert best < 0.1


def _timed(fn, text: str) -> float:
    """The CPU time of this process ``fn(text)`` took: what the scan costs, whatever else the machine runs
    meanwhile (wall-clock time counts other processes' turns on a shared, busy machine)."""
    start = time.process_time()
    fn(text)
    return time.process_time() - start


# --- redaction converges ------------------------------------------------------------------------------

from campaign.scanner import apply_suggestions, replace_everywhere  # noqa: E402

# Every marked story, the held-out part's too (redaction must converge on text the check was not tuned on).
_STORIES = [text for text, expected in scanner_corpus.corpus() + scanner_corpus.held_out()[0] if expected]


@pytest.mark.parametrize(
    "text, redacted",
    [
        ("my son was born on 14/03/2017.", "my son was born [date of birth removed]."),
        ("Our judge, Judge Harris, said no.", "Our judge said no."),
        ("The judge, District Judge Hale, said my home was chaotic.", "The judge said my home was chaotic."),
        ("It was at Reading Family Court.", "It was at a family court in the South East."),
        ("She was born at the Royal Gwent Hospital.", "She was born at a hospital in Wales."),
        ("Cumbria County Council took my children.", "The local council took my children."),
        ("Contact was at the Willow Tree contact centre.", "Contact was at a contact centre."),
    ],
)
def test_applying_the_suggestions_leaves_a_sentence_that_reads(text, redacted):
    assert apply_suggestions(text, scan(text)) == redacted
    assert scan(redacted) == []


def test_a_placeholder_is_never_a_finding():
    for placeholder in {f.suggestion for text in _STORIES for f in scan(text)}:
        assert scan(placeholder) == [], placeholder
        assert scan(f"My son was born on {placeholder} and removed soon after.") == [], placeholder
    assert scan("[date of birth removed] [[date of birth removed] removed] [name removed]") == []


@pytest.mark.parametrize("number", range(len(_STORIES)))
def test_applying_every_suggestion_leaves_nothing_of_those_kinds(number):
    text = _STORIES[number]
    findings = scan(text)
    redacted = apply_suggestions(text, findings)
    left = [(f.kind, f.match) for f in scan(redacted) if f.kind in {g.kind for g in findings}]
    assert left == [], redacted
    # ... and no seams the writer did not make: a doubled article or word, a space before a comma
    seams = re.compile(r"(?i)\b(the|a|an) (the|a|an)\b|\b(\w+) \3\b(?<!\bhad had)| ,")
    theirs = {m.group().lower() for m in seams.finditer(text)}
    assert [m.group() for m in seams.finditer(redacted) if m.group().lower() not in theirs] == [], redacted
    # Applying them again changes nothing: the redaction has converged.
    assert apply_suggestions(redacted, scan(redacted)) == redacted


def test_replacing_a_name_with_the_words_before_it_says_them_once():
    assert replace_everywhere("my son Jack, and Jack again", "Jack", "my son") == "my son, and my son again"


# --- issue 14: how parents write ----------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, kind, match, suggestion",
    [
        (
            "The hearing was at Reading Family Court.",
            "court",
            "Reading Family Court",
            "a family court in the South East",
        ),
        ("it was at oxford family court", "court", "oxford family court", "a family court in the South East"),
        (
            "We were at Leeds Combined Court Centre.",
            "court",
            "Leeds Combined Court Centre",
            "a family court in Yorkshire",
        ),
        ("the family court in Leeds said", "court", "family court in Leeds", "a family court in Yorkshire"),
        ("then Glasgow Sheriff Court", "court", "Glasgow Sheriff Court", "a sheriff court in Scotland"),
        (
            "Cumbria County Council took them",
            "local_authority",
            "Cumbria County Council",
            "the local council",
        ),
        ("wakefield council never listened", "local_authority", "wakefield council", "the local council"),
        (
            "Leeds Children's Services",
            "local_authority",
            "Leeds Children's Services",
            "the local children's services",
        ),
        (
            "the Western Trust said",
            "local_authority",
            "Western Trust",
            "the local health and social care trust",
        ),
        ("We lived in Gipton then.", "place", "Gipton", "an area of Yorkshire"),
        ("We grew up on the Meadowell.", "place", "Meadowell", "an estate in the North East"),
        (
            "She was born at the Royal Gwent Hospital.",
            "hospital",
            "Royal Gwent Hospital",
            "a hospital in Wales",
        ),
        ("He was taken to Furness General.", "hospital", "Furness General", "a hospital in the North West"),
        ("at the Willow Tree contact centre", "service", "Willow Tree contact centre", "a contact centre"),
        ("my 12yo daughter keeley", "child_name", "keeley", "[name removed]"),
        ("sw kerry said no", "titled_name", "sw kerry", "the social worker"),
        ("she goes to whitehill primary", "school", "whitehill primary", "a primary school"),
        ("we live at 7 elm close", "address", "7 elm close", "[address removed]"),
        ("we moved to SR5 last year", "postcode", "SR5", "[postcode removed]"),
        ("case CV 19 P 00288 was", "case_number", "CV 19 P 00288", "[case number removed]"),
    ],
)
def test_the_details_parents_write_are_found_with_a_suggestion_that_reads(text, kind, match, suggestion):
    assert [(f.kind, f.match, f.suggestion) for f in scan(text) if f.kind == kind] == [
        (kind, match, suggestion)
    ]


def test_a_hospital_known_by_its_districts_name_is_the_hospital_only_where_the_words_say_so():
    assert found("she was born at Walsgrave on the 17th", "hospital") == ["Walsgrave"]
    assert found("he went into Homerton for his asthma", "hospital") == ["Homerton"]
    assert found("We live in Homerton now.", "hospital") == []
    assert found("We live in Homerton now.", "place") == ["Homerton"]


def test_children_named_in_lower_case_with_their_ages():
    assert kinds_of("my 3 kids brooklyn who is 9yrs and riley whos nearly 6") == [
        ("child_name", "brooklyn"),
        ("age", "9yrs"),
        ("child_name", "riley"),
        ("age", "6"),
    ]


@pytest.mark.parametrize(
    "text",
    [
        "She is in Year 9.",
        "My son is in Year 9 and has his options evening next month.",
        "We watched Judge Judy.",
        "I wrote to Whitehall.",
        "She loves Peppa Pig.",
        "Ring the NSPCC on 0808 800 5000.",
        "See gov.uk for help.",
        "the local council and children's services",
        "The High Court and the Court of Appeal",
        "We live in the North East.",
        "I got help from Shelter and Women's Aid.",
        "He was treated at a hospital in Wales.",
        "the Attorney General",
    ],
)
def test_safe_lookalikes_stay_unflagged(text):
    assert scan(text) == []


def test_one_story_cannot_stall_the_check():
    """240 KB of 'son,son,...' took over 120 s (quadratic); now it is linear. A guard, not a timing: the
    child process is stopped after a minute, far beyond the couple of seconds it needs."""
    import subprocess
    import sys

    code = "from campaign.scanner import scan; scan('son,' * 61440); scan('my son ' * 34000)"
    subprocess.run([sys.executable, "-c", code], check=True, timeout=60)
