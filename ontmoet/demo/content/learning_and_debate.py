"""Activity templates, part 1: language cafés, homework help, debate training, lectures,
debates, exhibitions and courses. The format is described in ``content/__init__.py``."""

from .topics import LANG_DEFAULT, LANG_DUTCH

TEMPLATES = [
    {
        "key": "taalcafe",
        "format": "taalcafe",
        "weight": 85,
        "branches": "all",
        "central_share": 0.1,
        "series": "taalcafe-in-de-wijk",
        "weekdays": [0, 1, 2, 3, 4, 5],
        "times": ["10:00", "14:00", "19:00"],
        "minutes": [90, 120],
        "registration": "drop_in",
        "languages": LANG_DUTCH,
        "spaces": ["reading_cafe", "multipurpose", "meeting_room"],
        "functions": ["ontwikkeling-en-educatie", "ontmoeting-en-debat"],
        "organisers": [["Taalhuis Den Haag"], []],
        "items": [
            (
                "Taalcafé {plaats}",
                "Oefen Nederlands in een ontspannen gesprek met andere "
                "taalleerders en vrijwilligers.",
                [],
                ["nieuwkomers-en-taalleerders"],
            ),
            (
                "Taalcafé voor beginners",
                "Voor wie net begint met Nederlands: praten over "
                "alledaagse dingen, in een kleine groep.",
                [],
                ["nieuwkomers-en-taalleerders"],
            ),
            (
                "Taalcafé voor gevorderden",
                "U spreekt al aardig Nederlands en wilt vlotter "
                "worden? Praat mee over het nieuws van de week.",
                [],
                ["nieuwkomers-en-taalleerders", "volwassenen"],
            ),
            (
                "Taalcafé voor vrouwen",
                "Nederlands oefenen met andere vrouwen, met thee en een rustige sfeer.",
                ["gendergelijkheid"],
                ["nieuwkomers-en-taalleerders", "volwassenen"],
            ),
            (
                "Taalcafé op zaterdag",
                "Ook op zaterdag Nederlands oefenen, voor wie doordeweeks werkt.",
                [],
                ["nieuwkomers-en-taalleerders", "volwassenen"],
            ),
        ],
        "easy": [
            "Wilt u Nederlands oefenen? Kom naar het taalcafé. U praat in een kleine groep. "
            "U hoeft zich niet aan te melden.",
            "Praat Nederlands met andere mensen. Een vrijwilliger helpt. Het is gratis.",
        ],
        "about": [
            "Elke week komen taalleerders en taalvrijwilligers bij elkaar. U kiest zelf "
            "waar u over wilt praten: werk, school, boodschappen of de buurt.",
            "Er is koffie en thee. Fouten maken mag: daar leert u van.",
        ],
    },
    {
        "key": "huiswerk",
        "format": "huiswerkbegeleiding",
        "weight": 70,
        "branches": "all",
        "central_share": 0.1,
        "weekdays": [0, 1, 2, 3],
        "times": ["15:00", "15:30", "16:00"],
        "minutes": [90, 120],
        "registration": "mixed",
        "capacity": (10, 25),
        "languages": LANG_DUTCH,
        "spaces": ["study_area", "classroom", "multipurpose"],
        "functions": ["ontwikkeling-en-educatie"],
        "items": [
            (
                "Huiswerkbegeleiding basisschool",
                "Hulp bij lezen, rekenen en spreekbeurten voor kinderen van groep 5 tot en met 8.",
                [],
                ["kinderen", "scholieren"],
            ),
            (
                "Huiswerkbegeleiding middelbare school",
                "Vrijwilligers helpen met huiswerk, plannen en leren voor toetsen.",
                [],
                ["scholieren", "tieners"],
            ),
            (
                "Huiswerkklas: plannen en leren",
                "Leer je huiswerk plannen en slimmer leren voor toetsen.",
                [],
                ["scholieren", "tieners"],
            ),
            (
                "Examentraining Nederlands",
                "Oefen met examenteksten en leesvaardigheid voor je eindexamen.",
                [],
                ["scholieren", "tieners"],
            ),
            (
                "Rekenhulp groep 6 tot en met 8",
                "Extra oefenen met breuken, procenten en verhaalsommen.",
                [],
                ["kinderen", "scholieren"],
            ),
            (
                "Huiswerkhulp voor nieuwkomers",
                "Hulp bij huiswerk voor leerlingen die nog niet zo lang Nederlands leren.",
                [],
                ["scholieren", "nieuwkomers-en-taalleerders"],
            ),
        ],
        "easy": [
            "Heb je hulp nodig bij je huiswerk? Kom naar de bibliotheek. Een vrijwilliger "
            "helpt je.",
            "Hulp bij huiswerk na school. Neem je boeken en je planner mee.",
        ],
        "about": [
            "Vrijwilligers en studenten helpen met uitleg, plannen en leren. Er zijn "
            "computers en een printer.",
            "Ouders zijn welkom om even mee te kijken en kennis te maken.",
        ],
    },
    {
        "key": "debattraining",
        "format": "debattraining",
        "weight": 30,
        "branches": ["schilderswijk", "transvaal", "schilderswijk", "transvaal", "laak"],
        "central_share": 0.1,
        "weekdays": [1, 2, 3],
        "times": ["15:30", "16:00"],
        "minutes": [90],
        "registration": "required",
        "capacity": (12, 24),
        "languages": LANG_DUTCH,
        "spaces": ["multipurpose", "classroom", "debate_hall"],
        "functions": ["ontwikkeling-en-educatie", "ontmoeting-en-debat"],
        "items": [
            (
                "Debattraining voor scholieren",
                "Leer argumenteren, goed luisteren en spreken "
                "voor een groep, met een ervaren debatcoach.",
                ["vrijheid"],
                ["scholieren", "tieners"],
            ),
            (
                "{plaats} debatteert",
                "Scholieren uit de wijk oefenen elke week met stellingen "
                "over school, de stad en de wereld.",
                ["vrijheid", "stad-en-wijk"],
                ["scholieren", "tieners"],
            ),
            (
                "Debattraining: je mening onderbouwen",
                "Hoe maak je een sterk argument, en hoe "
                "reageer je op iemand die het niet met je eens is?",
                ["rechtvaardigheid"],
                ["scholieren", "tieners"],
            ),
            (
                "Debattoernooi voor scholieren",
                "Teams van scholen uit de stad nemen het tegen elkaar op. Publiek is welkom.",
                ["vrijheid", "rechtvaardigheid"],
                ["scholieren", "gezinnen"],
            ),
        ],
        "easy": [
            "Leer debatteren. Je leert je mening zeggen en goed luisteren. Voor scholieren.",
            "Debatteren is praten met argumenten. Een trainer helpt je.",
        ],
        "about": [
            "In de bibliotheken Schilderswijk en Transvaal debatteren scholieren al jaren "
            "onder begeleiding. Je oefent in kleine groepen met stellingen.",
            "Aan het eind van de reeks debatteren de deelnemers voor publiek.",
        ],
    },
    {
        "key": "lezing",
        "format": "lezing",
        "weight": 60,
        "topics": True,
        "branches": "all",
        "central_share": 0.5,
        "weekdays": [1, 2, 3, 4],
        "times": ["14:00", "19:30", "20:00"],
        "minutes": [90, 120],
        "registration": "mixed",
        "capacity": (30, 150),
        "languages": LANG_DEFAULT,
        "spaces": ["debate_hall", "theatre", "multipurpose"],
        "functions": ["kennis-en-informatie", "ontmoeting-en-debat"],
        "patterns": [
            "Lezing: {t}",
            "{t} – lezing en gesprek",
            "Avondcollege: {t}",
            "Kennissessie voor professionals: {t}",
        ],
        "audiences": [
            ["volwassenen", "iedereen"],
            ["senioren", "volwassenen"],
            ["studenten", "volwassenen"],
            ["professionals"],
        ],
        "easy": [
            "Iemand vertelt over {thema}. Daarna kunt u vragen stellen.",
            "Een lezing over {thema}. U luistert en u mag vragen stellen. De toegang is gratis.",
        ],
        "about": [
            "Na de lezing is er tijd voor vragen en gesprek. In de bibliotheek liggen "
            "boeken over het onderwerp klaar om te lenen.",
            "De spreker is deskundig op dit gebied en vertelt in begrijpelijke taal.",
        ],
    },
    {
        "key": "debat",
        "format": "debat",
        "weight": 25,
        "topics": True,
        "branches": "all",
        "central_share": 0.4,
        "weekdays": [1, 2, 3],
        "times": ["19:30", "20:00"],
        "minutes": [120],
        "registration": "required",
        "capacity": (40, 200),
        "languages": LANG_DEFAULT,
        "spaces": ["debate_hall", "multipurpose"],
        "functions": ["ontmoeting-en-debat", "kennis-en-informatie"],
        "patterns": ["Debat: {q}", "{q} – debatavond", "Wijkdebat: {q}"],
        "audiences": [
            ["iedereen", "volwassenen"],
            ["studenten", "tieners"],
            ["volwassenen", "professionals"],
        ],
        "easy": [
            "Een debat over {thema}. Mensen zeggen wat zij vinden. U kunt meepraten en stemmen.",
            "Praat mee over {thema}. Iedereen mag zijn mening geven.",
        ],
        "about": [
            "Deskundigen en bewoners zetten hun standpunten naast elkaar. Het publiek "
            "stemt over stellingen en stelt vragen.",
            "De bibliotheek is een neutrale plek: alle meningen zijn welkom, met respect "
            "voor elkaar.",
        ],
    },
    {
        "key": "tentoonstelling",
        "format": "tentoonstelling",
        "weight": 20,
        "branches": "all",
        "central_share": 0.3,
        "weekdays": [1, 2, 3, 4, 5],
        "times": ["10:00"],
        "days": (21, 84),
        "registration": "drop_in",
        "languages": LANG_DUTCH,
        "spaces": ["exhibition"],
        "functions": ["kunst-en-cultuur", "kennis-en-informatie"],
        "items": [
            (
                "Haagse gezichten: portretten uit de wijk",
                "Een fotograaf en bewoners maakten samen portretten van mensen uit de buurt.",
                ["stad-en-wijk"],
                ["iedereen"],
            ),
            (
                "Vrouwen die Den Haag maakten",
                "Portretten en verhalen van Haagse vrouwen die de stad veranderden.",
                ["gendergelijkheid"],
                ["iedereen"],
            ),
            (
                "Plastic soep: kunst van aangespoeld afval",
                "Kunstwerken gemaakt van afval dat op het strand is gevonden.",
                ["duurzaamheid"],
                ["iedereen", "gezinnen"],
            ),
            (
                "Vrede en recht in beeld",
                "Foto's en documenten over Den Haag als internationale stad van vrede en recht.",
                ["rechtvaardigheid", "vrijheid"],
                ["iedereen"],
            ),
            (
                "Vrijheid in beeld",
                "Foto's over vrijheid en onvrijheid, van 1945 tot nu.",
                ["vrijheid"],
                ["iedereen", "scholieren"],
            ),
            (
                "Oud en wijs: portretten van Haagse senioren",
                "Ouderen uit de stad vertellen wat hen gezond en gelukkig houdt.",
                ["gezondheid"],
                ["senioren", "iedereen"],
            ),
            (
                "Van ponskaart tot AI",
                "Een korte geschiedenis van de computer, met apparaten om zelf te proberen.",
                ["digitale-vaardigheden"],
                ["iedereen", "gezinnen"],
            ),
            (
                "Mijn droomwijk: tekeningen van kinderen",
                "Kinderen van Haagse basisscholen tekenden hoe hun wijk er in 2050 uitziet.",
                ["stad-en-wijk", "duurzaamheid"],
                ["kinderen", "gezinnen"],
            ),
            (
                "Thuis in Den Haag: verhalen van nieuwkomers",
                "Nieuwe Hagenaren vertellen in woord en beeld over hun eerste jaar in de stad.",
                ["stad-en-wijk"],
                ["nieuwkomers-en-taalleerders", "iedereen"],
            ),
            (
                "Gezond in de wijk: een fotoproject",
                "Bewoners fotografeerden wat gezond leven in hun buurt betekent.",
                ["gezondheid", "stad-en-wijk"],
                ["iedereen"],
            ),
        ],
        "easy": [
            "Een tentoonstelling in de bibliotheek. U kunt gratis komen kijken, wanneer de "
            "bibliotheek open is."
        ],
        "about": [
            "De tentoonstelling is gratis te bezoeken tijdens de openingstijden van de "
            "bibliotheek.",
            "Bij de tentoonstelling ligt een selectie boeken om te lenen.",
        ],
    },
    {
        "key": "cursus",
        "format": "cursus",
        "weight": 40,
        "branches": "all",
        "central_share": 0.3,
        "weekdays": [0, 1, 2, 3, 4],
        "times": ["10:00", "13:30", "19:00"],
        "minutes": [120],
        "registration": "required",
        "capacity": (8, 16),
        "languages": LANG_DUTCH,
        "spaces": ["classroom", "meeting_room", "multipurpose"],
        "functions": ["ontwikkeling-en-educatie", "kennis-en-informatie"],
        "items": [
            (
                "Cursus Klik & Tik: de basis van internet",
                "Leer stap voor stap werken met de computer en internet.",
                ["digitale-vaardigheden"],
                ["senioren", "volwassenen"],
            ),
            (
                "Cursus werken met de tablet",
                "Foto's maken, appen en informatie opzoeken op uw tablet.",
                ["digitale-vaardigheden"],
                ["senioren"],
            ),
            (
                "Cursus Nederlands voor anderstaligen",
                "Beter Nederlands leren lezen, schrijven en spreken, in een kleine groep.",
                [],
                ["nieuwkomers-en-taalleerders"],
            ),
            (
                "Cursus schrijf je levensverhaal",
                "Schrijf in zes lessen de verhalen uit uw "
                "leven op, voor uzelf of uw kleinkinderen.",
                [],
                ["senioren", "volwassenen"],
            ),
            (
                "Cursus Engels voor beginners",
                "De eerste stappen in het Engels, voor op reis of op het werk.",
                [],
                ["volwassenen", "senioren"],
            ),
            (
                "Cursus fotograferen met je smartphone",
                "Mooiere foto's maken met de telefoon die u al heeft.",
                ["digitale-vaardigheden"],
                ["volwassenen", "tieners"],
            ),
            (
                "Cursus grip op je geld",
                "Overzicht in uw geldzaken: begroten, besparen en schulden voorkomen.",
                ["rechtvaardigheid"],
                ["volwassenen"],
            ),
            (
                "Cursus fit en in beweging 65+",
                "Oefeningen en tips om soepel en sterk te blijven.",
                ["gezondheid"],
                ["senioren"],
            ),
        ],
        "easy": [
            "Een cursus in een kleine groep. U leert het stap voor stap. Meld u aan, want er "
            "zijn weinig plaatsen.",
            "Leer iets nieuws in de bibliotheek. De docent legt alles rustig uit.",
        ],
        "about": [
            "De cursus is in een kleine groep, zodat de docent tijd heeft voor iedereen.",
            "U hoeft niets mee te nemen; er zijn laptops en tablets in de bibliotheek.",
        ],
    },
]
