"""Motions, speakers and audience votes for the demo's freedom debates (all made up: no
real speaker or vote is claimed). Keyed by the debate's title in ``topics.FREEDOM_DEBATES``.
Votes: (for, against, undecided) before and after; only past debates have them.
"""

MOTIONS = {
    "Persvrijheid onder druk: hoe vrij is de journalist?": (
        "Journalisten moeten wettelijk beter beschermd worden tegen bedreiging",
        ["Fenna Bos (journalist)", "Omar Haddou (advocaat)"],
        ["Tessa Kramer (jurist)"],
        (61, 44, 45),
        (92, 41, 17),
    ),
    "Vrijheid en veiligheid in een onrustige wereld": (
        "Voor meer veiligheid mag de overheid meer van ons weten",
        ["Ruben Verhoef (beleidsadviseur)"],
        ["Noor Aziz (privacy-onderzoeker)", "Jeroen Smit (bewoner)"],
        (58, 52, 40),
        (49, 88, 13),
    ),
    "Wie bepaalt wat we zien? Algoritmes en vrijheid": (
        "Sociale media moeten hun algoritmes openbaar maken",
        ["Lieke de Groot (mediawetenschapper)"],
        ["Sven Mulder (ondernemer)"],
        (80, 30, 42),
        (99, 38, 15),
    ),
    "Mag je alles zeggen? Vrijheid van meningsuiting": (
        "Vrijheid van meningsuiting mag geen grenzen kennen",
        ["Daan Pieters (filosoof)", "Yara El Idrissi (student)"],
        ["Marieke Vos (rechter b.d.)"],
        (70, 60, 30),
        (64, 85, 11),
    ),
    "Academische vrijheid: wat mag de wetenschap?": (
        "Universiteiten mogen zelf bepalen met wie ze samenwerken",
        ["Prof. Hanna Lint (hoogleraar)"],
        ["Thijs Mol (studentenraad)"],
        None,
        None,
    ),
}

QUESTIONS = [
    ("Wie beschermt de freelancer die geen redactie achter zich heeft?", "Mila", "answered", 23),
    ("Moet de politie bedreigingen sneller aanpakken?", "", "answered", 17),
    ("Hoe ga je om met haat op sociale media?", "Bram", "approved", 9),
    ("Koop nu mijn boek over persvrijheid!", "", "rejected:advertising", 0),
]
