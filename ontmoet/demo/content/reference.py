"""Reference content for the demo: taxonomies, accessibility features, branch details,
spaces, staff users and series.

What is real: the five statutory library functions (Wsob art. 5, as worded in Bibliotheek Den
Haag's policy vision 2021–2025), the SDG numbers of the programme themes (from the library's
policy text "Ontmoeting in onze stad"), the partners of the freedom debate series (named in
that text as an intention, not as a signed programme), and the facts in ``data/*.csv``.

What is illustrative (made up for the demo, and marked so on each branch): coordinates
(approximate), opening hours, closures, spaces and their capacities, branch descriptions and
accessibility features. The Bibliotheek's real opening hours were not found.
"""

# --- Taxonomies: (slug, name (Dutch), name (English), description) ------------------------

ACCESSIBILITY_FEATURES = [
    ("rolstoeltoegankelijk", "Rolstoeltoegankelijk", "Wheelchair accessible"),
    ("toegankelijk-toilet", "Toegankelijk toilet", "Accessible toilet"),
    ("ringleiding", "Ringleiding", "Induction loop"),
    ("prikkelarm", "Prikkelarme ruimte", "Quiet, low-stimulus room"),
    ("zitplaatsen", "Zitplaatsen aanwezig", "Seating available"),
    ("hulphonden-welkom", "Hulphonden welkom", "Assistance dogs welcome"),
    ("lift", "Lift", "Lift"),
    (
        "tolk-ngt",
        "Tolk Nederlandse Gebarentaal op aanvraag",
        "Sign-language interpreter on request",
    ),
]

# (slug, name, name_en, sdgs, description)
THEMES = [
    (
        "rechtvaardigheid",
        "Rechtvaardigheid",
        "Justice",
        [16],
        "Recht, gelijke kansen en sterke instituties: Den Haag als stad van vrede en recht.",
    ),
    (
        "gezondheid",
        "Gezondheid",
        "Health",
        [3],
        "Gezond leven, goed ouder worden, mentale gezondheid en zorg in de wijk.",
    ),
    (
        "gendergelijkheid",
        "Gendergelijkheid",
        "Gender equality",
        [5],
        "Gelijke kansen en rechten voor vrouwen, mannen en iedereen daartussen en daarbuiten.",
    ),
    (
        "duurzaamheid",
        "Duurzaamheid",
        "Sustainability",
        [7, 12, 13],
        "Schone energie, minder verspillen en de stad voorbereiden op het veranderende klimaat.",
    ),
    (
        "stad-en-wijk",
        "Stad en wijk",
        "Urban issues",
        [11],
        "Stedelijke vraagstukken: wonen, samenleven, groen en bewegen in een groeiende stad.",
    ),
    (
        "vrijheid",
        "Vrijheid",
        "Freedom",
        [16],
        "Vrijheid van meningsuiting, persvrijheid en democratie: het thema van de stedelijke "
        "debatreeks.",
    ),
    (
        "digitale-vaardigheden",
        "Digitale vaardigheden",
        "Digital skills",
        [4],
        "Meedoen in een digitale samenleving: veilig online, de digitale overheid en nieuwe "
        "technologie.",
    ),
]

AUDIENCES = [
    ("kinderen", "Kinderen", "Children", "Kinderen tot 12 jaar, vaak met een ouder of verzorger."),
    ("tieners", "Tieners", "Teenagers", "Jongeren van 12 tot 18 jaar."),
    ("scholieren", "Scholieren", "School students", "Leerlingen van basis- en middelbare scholen."),
    ("studenten", "Studenten", "Students", "Studenten van mbo, hbo en universiteit."),
    ("volwassenen", "Volwassenen", "Adults", "Volwassenen van alle leeftijden."),
    ("senioren", "Senioren", "Seniors", "Ouderen, met aandacht voor ontmoeting en meedoen."),
    ("gezinnen", "Gezinnen", "Families", "Ouders, grootouders en kinderen samen."),
    (
        "nieuwkomers-en-taalleerders",
        "Nieuwkomers en taalleerders",
        "Newcomers and language learners",
        "Wie nieuw is in Nederland of de Nederlandse taal (beter) wil leren.",
    ),
    (
        "professionals",
        "Professionals",
        "Professionals",
        "Mensen die voor hun werk met het onderwerp bezig zijn.",
    ),
    ("iedereen", "Iedereen", "Everyone", "Voor alle inwoners, zonder voorkennis."),
]

FORMATS = [
    ("lezing", "Lezing", "Lecture", "Een spreker vertelt, daarna is er ruimte voor vragen."),
    ("debat", "Debat", "Debate", "Standpunten naast elkaar, met het publiek in gesprek."),
    ("tentoonstelling", "Tentoonstelling", "Exhibition", "Een expositie die een tijd te zien is."),
    ("cursus", "Cursus", "Course", "Een reeks lessen in een kleine groep."),
    ("workshop", "Workshop", "Workshop", "Zelf aan de slag, onder begeleiding."),
    (
        "huiswerkbegeleiding",
        "Huiswerkbegeleiding",
        "Homework help",
        "Hulp bij huiswerk en plannen, door vrijwilligers en docenten.",
    ),
    ("ontmoeting", "Ontmoeting", "Meet-up", "Elkaar ontmoeten, praten en samen iets doen."),
    ("taalcafe", "Taalcafé", "Language café", "Nederlands oefenen in een ontspannen gesprek."),
    (
        "debattraining",
        "Debattraining",
        "Debate training",
        "Leren argumenteren, luisteren en spreken voor een groep.",
    ),
    ("voorstelling", "Voorstelling", "Performance", "Theater, muziek, poëzie of voorlezen."),
    (
        "spreekuur",
        "Spreekuur",
        "Consultation hour",
        "Persoonlijke hulp bij een vraag, zonder afspraak of op afspraak.",
    ),
    ("leesclub", "Leesclub", "Reading club", "Samen een boek lezen en erover praten."),
    ("film", "Film", "Film", "Een film of documentaire, vaak met een nagesprek."),
]

# Wsob art. 5 a–e, in the wording of Bibliotheek Den Haag's policy vision 2021–2025.
LIBRARY_FUNCTIONS = [
    (
        "kennis-en-informatie",
        "Kennis en informatie",
        "Knowledge and information",
        "Wsob art. 5a: ter beschikking stellen van kennis en informatie.",
    ),
    (
        "ontwikkeling-en-educatie",
        "Ontwikkeling en educatie",
        "Development and education",
        "Wsob art. 5b: bieden van mogelijkheden tot ontwikkeling en educatie.",
    ),
    (
        "lezen-en-literatuur",
        "Lezen en literatuur",
        "Reading and literature",
        "Wsob art. 5c: bevorderen van lezen en het laten kennis maken met literatuur.",
    ),
    (
        "ontmoeting-en-debat",
        "Ontmoeting en debat",
        "Meeting and debate",
        "Wsob art. 5d: organiseren van ontmoeting en debat.",
    ),
    (
        "kunst-en-cultuur",
        "Kunst en cultuur",
        "Art and culture",
        "Wsob art. 5e: laten kennis maken met kunst en cultuur.",
    ),
]

# --- Places -------------------------------------------------------------------------------

# Weekly hours per profile: {weekday: [(opens, closes), ...]}; weekdays 0 = Monday.
HOURS_PROFILES = {
    "central": {
        **{day: [("10:00", "21:00")] for day in range(5)},
        5: [("10:00", "17:00")],
        6: [("12:00", "17:00")],
    },
    "closed_monday": {
        1: [("10:00", "18:00")],
        2: [("10:00", "20:00")],
        3: [("10:00", "18:00")],
        4: [("10:00", "18:00")],
        5: [("10:00", "16:00")],
    },
    "weekdays": {
        0: [("13:00", "18:00")],
        1: [("10:00", "18:00")],
        2: [("10:00", "18:00")],
        3: [("10:00", "20:00")],
        4: [("10:00", "18:00")],
        5: [("10:00", "14:00")],
    },
    "lunch_break": {
        1: [("10:00", "12:30"), ("13:30", "17:00")],
        2: [("10:00", "17:00")],
        3: [("10:00", "12:30"), ("13:30", "17:00")],
        4: [("13:00", "20:00")],
        5: [("10:00", "14:00")],
    },
}

# Closed all day on the next occurrence of these dates: (month, day, reason).
CLOSURES = [(12, 25, "Eerste Kerstdag"), (1, 1, "Nieuwjaarsdag")]
# The Central Library closes early on these days: (month, day, opens, closes, reason).
CENTRAL_SHORT_DAYS = [
    (12, 24, "10:00", "16:00", "Kerstavond: eerder dicht"),
    (12, 31, "10:00", "16:00", "Oudejaarsdag: eerder dicht"),
]

STANDARD_FEATURES = [
    "rolstoeltoegankelijk",
    "toegankelijk-toilet",
    "zitplaatsen",
    "hulphonden-welkom",
]

# (name, kind, capacity, floor, description, extra accessibility features)
CENTRAL_SPACES = [
    (
        "Debatzaal",
        "debate_hall",
        200,
        "begane grond",
        "Zaal voor stedelijke debatten en grote lezingen, met podium en microfoons voor de zaal.",
        ["ringleiding", "lift"],
    ),
    (
        "Theaterzaal",
        "theatre",
        150,
        "1e verdieping",
        "Zaal met tribune voor voorstellingen, concerten en film.",
        ["ringleiding", "lift"],
    ),
    (
        "Tentoonstellingsruimte",
        "exhibition",
        120,
        "begane grond",
        "Open expositieruimte langs de route door het gebouw.",
        [],
    ),
    (
        "Leslokaal 1",
        "classroom",
        24,
        "2e verdieping",
        "Lokaal met digibord en laptops voor cursussen.",
        ["lift"],
    ),
    (
        "Leslokaal 2",
        "classroom",
        16,
        "2e verdieping",
        "Kleiner lokaal voor cursussen en huiswerkbegeleiding.",
        ["lift"],
    ),
    (
        "Studiezaal 2e etage",
        "study_area",
        80,
        "2e verdieping",
        "Stille studieplekken met stroom en wifi.",
        ["lift", "prikkelarm"],
    ),
    (
        "Studiezaal 5e etage",
        "study_area",
        60,
        "5e verdieping",
        "Studieplekken met uitzicht over het Spui.",
        ["lift"],
    ),
    (
        "Vergaderzaal Spui",
        "meeting_room",
        20,
        "3e verdieping",
        "Vergaderruimte voor partners en werkgroepen.",
        ["lift"],
    ),
    ("Vergaderzaal Plein", "meeting_room", 12, "3e verdieping", "Kleine vergaderruimte.", ["lift"]),
    (
        "Leescafé",
        "reading_cafe",
        60,
        "begane grond",
        "Café met kranten en tijdschriften, voor taalcafés en ontmoetingen.",
        [],
    ),
    ("Dakterras", "roof_terrace", 40, "dak", "Groen dakterras; alleen bij goed weer.", ["lift"]),
    (
        "Kinderhoek",
        "children",
        30,
        "1e verdieping",
        "Speel- en voorleesplek voor de jongste lezers.",
        ["lift", "prikkelarm"],
    ),
]

BRANCH_SPACE_SETS = {
    "large": [
        (
            "Multifunctionele zaal",
            "multipurpose",
            60,
            "Zaal voor lezingen, voorstellingen en bijeenkomsten; met verplaatsbare stoelen.",
            ["ringleiding"],
        ),
        ("Studieplekken", "study_area", 24, "Rustige werkplekken met stroom en wifi.", []),
        ("Kinderhoek", "children", 20, "Voorleesplek met kussens en prentenboeken.", []),
        ("Vergaderruimte", "meeting_room", 12, "Kleine ruimte voor groepen en spreekuren.", []),
    ],
    "medium": [
        (
            "Multifunctionele ruimte",
            "multipurpose",
            40,
            "Ruimte voor activiteiten en bijeenkomsten.",
            [],
        ),
        ("Studieplekken", "study_area", 16, "Werkplekken met stroom en wifi.", []),
        ("Kinderhoek", "children", 15, "Voorleesplek voor kinderen.", []),
    ],
    "small": [
        ("Leestafel", "multipurpose", 20, "Grote tafel in de bibliotheek voor groepen.", []),
        ("Studieplekken", "study_area", 10, "Een paar rustige werkplekken.", []),
    ],
}

# Per CSV branch name: slug, is_central, approximate coordinates, neighbourhood slug (only
# where the address clearly lies in it), address override, hours profile, space set, extra
# features, description (Dutch) and a note on what is made up.
BRANCHES = {
    "Centrale Bibliotheek": {
        "slug": "centrale-bibliotheek",
        "central": True,
        "lat": "52.077300",
        "lon": "4.316300",
        "wijk": "centrum",
        "hours": "central",
        "spaces": "central",
        "features": ["lift", "ringleiding", "prikkelarm", "tolk-ngt"],
        "description": "De Centrale Bibliotheek aan het Spui is de ontmoetingsplek van de stad: "
        "studieplekken, een debatzaal, een theaterzaal, lesruimtes, een leescafé en een "
        "dakterras. Hier zit ook het Taalhuis Den Haag.",
    },
    "Bibliotheek Segbroek": {
        "slug": "segbroek",
        "lat": "52.073000",
        "lon": "4.277000",
        "hours": "closed_monday",
        "spaces": "large",
        "features": ["lift"],
        "description": "Wijkbibliotheek aan de Weimarstraat, met studieplekken en een zaal voor "
        "lezingen en bijeenkomsten.",
    },
    "Bibliotheek Schilderswijk": {
        "slug": "schilderswijk",
        "lat": "52.068000",
        "lon": "4.305000",
        "wijk": "schildersbuurt-schilderswijk",
        "hours": "weekdays",
        "spaces": "large",
        "features": [],
        "description": "De huiskamer van de Schilderswijk: huiswerkbegeleiding, taalcafés en al "
        "jaren debattraining voor scholieren.",
    },
    "Bibliotheek Scheveningen": {
        "slug": "scheveningen",
        "lat": "52.099000",
        "lon": "4.285000",
        "hours": "closed_monday",
        "spaces": "medium",
        "features": ["lift"],
        "description": "Wijkbibliotheek aan de Scheveningseweg, tussen het centrum en de zee.",
    },
    "Bibliotheek Haagse Hout": {
        "slug": "haagse-hout",
        "lat": "52.087000",
        "lon": "4.340000",
        "wijk": "bezuidenhout",
        "hours": "weekdays",
        "spaces": "medium",
        "features": [],
        "description": "Wijkbibliotheek in Bezuidenhout, met een leesclub en activiteiten voor "
        "senioren.",
    },
    "Bibliotheek Loosduinen": {
        "slug": "loosduinen",
        "lat": "52.054000",
        "lon": "4.236000",
        "wijk": "loosduinen",
        "hours": "closed_monday",
        "spaces": "large",
        "features": ["lift", "ringleiding"],
        "description": "Wijkbibliotheek aan de Loosduinse Hoofdstraat en Cultuuranker van het "
        "stadsdeel: een plek voor kunst, cultuur en ontmoeting.",
    },
    "Bibliotheek Ypenburg": {
        "slug": "ypenburg",
        "lat": "52.045000",
        "lon": "4.372000",
        "wijk": "ypenburg",
        "hours": "closed_monday",
        "spaces": "large",
        "features": ["lift"],
        "description": "Wijkbibliotheek en Cultuuranker in Ypenburg, met veel activiteiten voor "
        "gezinnen.",
    },
    "Bibliotheek Laak": {
        "slug": "laak",
        "lat": "52.064000",
        "lon": "4.328000",
        "wijk": "laakkwartier-en-spoorwijk",
        "hours": "weekdays",
        "spaces": "medium",
        "features": [],
        "description": "Wijkbibliotheek aan de Linnaeusstraat, in de grootste wijk van de stad.",
    },
    "Bibliotheek Wateringse Veld": {
        "slug": "wateringse-veld",
        "lat": "52.045000",
        "lon": "4.270000",
        "wijk": "wateringse-veld",
        "hours": "closed_monday",
        "spaces": "medium",
        "features": [],
        "description": "Wijkbibliotheek aan de Laan van Wateringse Veld, dicht bij scholen en "
        "gezinnen.",
    },
    "Bibliotheek Escamp": {
        "slug": "escamp",
        "lat": "52.048000",
        "lon": "4.288000",
        "address": "Stadsdeelkantoor Escamp",
        "hours": "weekdays",
        "spaces": "large",
        "features": ["lift"],
        "description": "Wijkbibliotheek op de begane grond van het stadsdeelkantoor Escamp, met "
        "een café en een Digitaal Punt voor hulp bij computer en internet.",
    },
    "Bibliotheek Transvaal": {
        "slug": "transvaal",
        "lat": "52.062000",
        "lon": "4.295000",
        "wijk": "transvaalkwartier",
        "hours": "weekdays",
        "spaces": "medium",
        "features": [],
        "description": "Vernieuwde wijkbibliotheek in het Transvaalkwartier, waar scholieren "
        "leren debatteren.",
    },
    "Bibliotheek Nieuw Waldeck": {
        "slug": "nieuw-waldeck",
        "lat": "52.059000",
        "lon": "4.231000",
        "wijk": "waldeck",
        "hours": "lunch_break",
        "spaces": "small",
        "features": [],
        "description": "Kleine wijkbibliotheek in Nieuw Waldeck, met een leestafel voor groepen.",
    },
    "Bibliotheek Leidschenveen": {
        "slug": "leidschenveen",
        "lat": "52.065000",
        "lon": "4.400000",
        "wijk": "leidschenveen",
        "hours": "lunch_break",
        "spaces": "small",
        "features": [],
        "description": "Wijkbibliotheek in Leidschenveen met studieplekken.",
    },
    "Bibliotheek Bouwlust": {
        "slug": "bouwlust",
        "lat": "52.040000",
        "lon": "4.280000",
        "wijk": "bouwlust-en-vrederust",
        "address": "Wijkcentrum Bouwlust, hoek Eekhoornrade / Bouwlustlaan",
        "hours": "lunch_break",
        "spaces": "medium",
        "features": [],
        "description": "Wijkbibliotheek in het wijkcentrum Bouwlust, samen met welzijnsorganisatie "
        "Mooi Welzijn in één gebouw.",
    },
    "Bibliotheek Benoordenhout": {
        "slug": "benoordenhout",
        "lat": "52.095000",
        "lon": "4.335000",
        "wijk": "benoordenhout",
        "hours": "lunch_break",
        "spaces": "small",
        "features": [],
        "description": "Tijdelijke wijkbibliotheek in de ANWB Rotonde aan de Wassenaarseweg.",
    },
}

ILLUSTRATIVE_NOTE = (
    "ILLUSTRATIVE (made up for the demo): coordinates approximate; opening hours, closures, "
    "spaces, description and accessibility features invented"
)

# --- Staff users: (username, role, first name, branch slugs, what they may do) -----------

DEMO_PASSWORD = "ontmoet-demo"  # noqa: S105 - published demo password, never for production

USERS = [
    ("admin", "", "Beheerder", [], "administrator (superuser): everything, incl. the Django admin"),
    (
        "centraal",
        "central_staff",
        "Centrale programmering",
        [],
        "central programme staff: plan and publish for every branch; keep taxonomies, branches, "
        "series",
    ),
    (
        "schilderswijk",
        "programme_maker",
        "Programmamaker Schilderswijk",
        ["schilderswijk"],
        "programme maker: plan activities for Bibliotheek Schilderswijk only",
    ),
    (
        "transvaal",
        "programme_maker",
        "Programmamaker Transvaal",
        ["transvaal"],
        "programme maker: plan activities for Bibliotheek Transvaal only",
    ),
    ("lezer", "read_only", "Meelezer", [], "read-only: see every branch's records, change nothing"),
]

# --- Series --------------------------------------------------------------------------------

FREEDOM_SERIES = {
    "slug": "vrijheid-in-debat",
    "title": "Vrijheid in debat",
    "summary": "Een stedelijke debatreeks over vrijheid, in de Debatzaal van de Centrale "
    "Bibliotheek aan het Spui.",
    "description": "Persbureau ANP, Instituut Clingendael, Beeld & Geluid, Universiteit Leiden en "
    "Bibliotheek Den Haag spraken de intentie uit om samen een debatreeks te ontwikkelen, "
    "omdat in Den Haag een debatcultuur ontbreekt. In 'Vrijheid in debat' gaan Hagenaren met "
    "elkaar en met deskundigen in gesprek over vrijheid: van meningsuiting en pers tot "
    "veiligheid, privacy en herdenken. (Demo: de partners zijn genoemd in de beleidstekst van "
    "de bibliotheek; de afzonderlijke debatten zijn verzonnen.)",
    "themes": ["vrijheid", "rechtvaardigheid"],
    # Its co-hosts are partners with roles (content/partners.py, SERIES_HOSTS).
    "organisers": [],
}

DIGITAL_SERIES = {
    "slug": "digitaal-de-baas",
    "title": "Digitaal de baas",
    "summary": "Zes lessen om zelf handig en veilig met smartphone, computer en internet om te "
    "gaan.",
    "description": "Een cursus in kleine groepen voor iedereen die digitaal wil meedoen: van je "
    "telefoon instellen tot DigiD en online bankieren. Geen voorkennis nodig; neem uw eigen "
    "telefoon of tablet mee. (Demo-inhoud.)",
    "themes": ["digitale-vaardigheden"],
    "organisers": [],
}

LANGUAGE_CAFE_SERIES = {
    "slug": "taalcafe-in-de-wijk",
    "title": "Taalcafé in de wijk",
    "summary": "Elke week Nederlands oefenen in een ontspannen gesprek, in bibliotheken door de "
    "hele stad.",
    "description": "In het taalcafé praat u in kleine groepen over alledaagse onderwerpen, "
    "begeleid door taalvrijwilligers van het Taalhuis Den Haag. Iedereen die Nederlands wil "
    "oefenen is welkom, op elk niveau. (Demo-inhoud.)",
    "themes": [],
    "organisers": [],  # hosted by the partner Taalhuis Den Haag (content/partners.py)
}

SERIES = [FREEDOM_SERIES, DIGITAL_SERIES, LANGUAGE_CAFE_SERIES]


# Booking rules of the demo's spaces, by kind: who may book, whether requests need approval,
# the longest booking in hours, set-up and clean-up in minutes. Other kinds keep the
# defaults of ``SpacePolicy`` (staff only, 8 hours, 15 and 15 minutes).
SPACE_RULES = {
    "meeting_room": ("residents", True, 4, 15, 15),
    "classroom": ("residents", True, 4, 15, 15),
    "multipurpose": ("partners", True, 6, 30, 30),
    "debate_hall": ("staff", True, 10, 60, 30),
    "theatre": ("staff", True, 10, 60, 30),
    "exhibition": ("staff", True, 20, 60, 60),
}
DEFAULT_BUFFERS = (15, 15)
