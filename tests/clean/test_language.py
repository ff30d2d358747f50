"""The English check accepts English news prose and refuses other languages (invented paragraphs)."""

from __future__ import annotations

import pytest

from newsledger.clean.language import MIN_WORDS, english_score, looks_english

ENGLISH = [
    "The foreign minister on Thursday defended the military operations of his country after they came under "
    "criticism at a news conference at the headquarters of the United Nations, where he answered questions "
    "from reporters for more than an hour and said that the strikes would go on.",
    "Police in Highvale said two men had been arrested after a fight outside a bar on Friday night. One of "
    "them was taken to hospital with cuts to his face, and both are expected to appear in court next week.",
]
FOREIGN = {
    "french": "Le ministre des affaires étrangères a défendu jeudi les opérations militaires de son pays, après "
              "de nombreuses critiques internationales lors d'une conférence de presse au siège des Nations "
              "unies, où il a répondu pendant une heure aux questions des journalistes présents dans la salle.",
    "german": "Der Außenminister hat am Donnerstag die Militäreinsätze seines Landes verteidigt, nachdem sie bei "
              "einer Pressekonferenz im Hauptquartier der Vereinten Nationen kritisiert worden waren, und er "
              "beantwortete eine Stunde lang die Fragen der Journalisten, die im Saal anwesend waren.",
    "russian": "Министр иностранных дел в четверг защитил военные операции своей страны после того, как они "
               "подверглись международной критике на пресс-конференции в штаб-квартире ООН, где он в течение "
               "часа отвечал на вопросы журналистов, присутствовавших в зале.",
}


@pytest.mark.parametrize("text", ENGLISH)
def test_english_is_accepted(text):
    ok, detail = looks_english(text)
    assert ok, detail
    assert "English function words" in detail


@pytest.mark.parametrize("language", sorted(FOREIGN))
def test_other_languages_are_rejected(language):
    text = FOREIGN[language]
    assert english_score(text)[1] >= MIN_WORDS
    ok, detail = looks_english(text)
    assert not ok
    expected = "non-Latin script" if language == "russian" else "English function words"
    assert expected in detail


def test_english_article_quoting_a_little_french_is_english():
    text = ENGLISH[0] + ' "Nous ne reculerons pas," he said, which means that they will not back down.'
    assert looks_english(text)[0]


@pytest.mark.parametrize("text", ["", "Paris.", "Brexit vote", "Der Minister kommt morgen."])
def test_too_short_to_judge_passes(text):
    ok, detail = looks_english(text)
    assert ok and "too short" in detail
