"""The demo's partners. The four co-hosts of the freedom debate series are the ones the
library's policy text names; the others are organisations of the kinds the library works
with, described for the demo (their agreements, contacts and plans are illustrative).

PARTNERS: name, kind, branch slugs ("*" for all), description, agreements as
(kind, title, months back it began, months it runs or None for open).
"""

PARTNERS = [
    (
        "Persbureau ANP",
        "media",
        ["centrale-bibliotheek"],
        "Nationaal persbureau; mede-initiatiefnemer van de debatreeks 'Vrijheid in debat'.",
        [("cooperation", "Intentieverklaring debatreeks", 10, None)],
    ),
    (
        "Instituut Clingendael",
        "education",
        ["centrale-bibliotheek"],
        "Instituut voor internationale betrekkingen; levert sprekers en kennis voor de debatreeks.",
        [("cooperation", "Intentieverklaring debatreeks", 10, None)],
    ),
    (
        "Beeld & Geluid",
        "cultural",
        ["centrale-bibliotheek"],
        "Instituut voor mediacultuur; mede-organisator van de debatreeks.",
        [("cooperation", "Intentieverklaring debatreeks", 10, None)],
    ),
    (
        "Universiteit Leiden",
        "education",
        ["centrale-bibliotheek"],
        "Universiteit met een campus in Den Haag; studenten en onderzoekers in de debatreeks.",
        [
            ("cooperation", "Intentieverklaring debatreeks", 10, None),
            ("dpa", "Verwerkersovereenkomst aanmeldingen debatten", 3, 12),
        ],
    ),
    (
        "Taalhuis Den Haag",
        "social",
        ["*"],
        "Taalvrijwilligers en taalcafés in bibliotheken door de hele stad. (Demo-beschrijving.)",
        [
            ("cooperation", "Samenwerkingsovereenkomst taalcafés", 24, None),
            ("dpa", "Verwerkersovereenkomst deelnemers taalcafé", 6, 18),
        ],
    ),
    (
        "Vluchtelingenwerk Den Haag",
        "social",
        ["schilderswijk", "transvaal", "escamp"],
        "Begeleidt nieuwkomers; organiseert wekelijks een taalcafé in de bibliotheek. "
        "(Demo-beschrijving.)",
        [("space_use", "Vaste ruimte voor het taalcafé", 12, 12)],
    ),
    (
        "Bewonersinitiatief Schilderswijk Leest",
        "neighbourhood",
        ["schilderswijk"],
        "Buurtbewoners die voorleesochtenden en boekenruil organiseren. (Verzonnen voor de demo.)",
        [],
    ),
    (
        "Gemeente Den Haag, Dienst Onderwijs, Cultuur en Welzijn",
        "municipal",
        ["*"],
        "Subsidieert en denkt mee over de programmering voor laaggeletterdheid en digitale "
        "inclusie. (Demo-beschrijving.)",
        [("cooperation", "Subsidieafspraken", 12, 24)],
    ),
    (
        "KB, nationale bibliotheek",
        "national_library",
        ["centrale-bibliotheek"],
        "Landelijke programma's voor lezen en digitale inclusie. (Demo-beschrijving.)",
        [],
    ),
]

# Roles of the freedom series' co-hosts, and who hosts the language cafés.
SERIES_HOSTS = {
    "vrijheid-in-debat": [
        ("Beeld & Geluid", "co_organiser"),
        ("Instituut Clingendael", "content"),
        ("Universiteit Leiden", "content"),
        ("Persbureau ANP", "media"),
    ],
    "taalcafe-in-de-wijk": [("Taalhuis Den Haag", "co_organiser")],
}

# A contact who accepted the invitation (demo login) and one still invited.
CONTACTS = [
    ("Taalhuis Den Haag", "Samira Ouali", "taalhuis@example.org", True),
    ("Bewonersinitiatief Schilderswijk Leest", "Kees de Wit", "leest@example.org", False),
]
