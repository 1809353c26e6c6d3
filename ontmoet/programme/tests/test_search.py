import pytest

from ontmoet.programme.search import fold, query_stems, stems
from ontmoet.programme.selectors import ProgrammeFilters, activity_list_public


@pytest.mark.parametrize(
    ("query", "text"),
    [("debatten", "debat"), ("wijken", "wijk"), ("taalcafe", "Taalcafés"), ("Lezingen", "lezing")],
)
def test_dutch_word_forms_share_a_stem(query, text):
    assert set(query_stems(query)) <= set(stems(text))


def test_fold_removes_accents_and_case():
    assert fold("Café CRÈME") == "cafe creme"


def test_stopwords_and_symbols_are_ignored():
    assert stems("de <script> en het") == stems("script")
    assert len(stems("de <script> en het")) == 1


@pytest.mark.django_db
def test_search_needs_every_term(make_activity, taxonomy):
    make_activity(title="Debat over de wijk")
    make_activity(
        title="Taalcafé voor iedereen",
        summary="Praat Nederlands.",
        format=taxonomy["lecture"],
        themes=[],
    )

    def titles(q):
        page = activity_list_public(filters=ProgrammeFilters(q=q))
        return [a.title for a in page.items]

    assert titles("debatten wijken") == ["Debat over de wijk"]
    assert titles("taalcafe") == ["Taalcafé voor iedereen"]
    assert titles("debatten taalcafe") == []
