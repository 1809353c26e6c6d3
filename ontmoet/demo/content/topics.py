"""Subjects and fixed programme items for the illustrative demo programme.

``THEME_TOPICS`` gives, per theme, (lecture title, debate question, one-sentence summary);
lectures, debates and films take their subject from it. ``FREEDOM_DEBATES`` and the
"Digitaal de baas" lessons are placed on fixed days relative to today. All of it is written
for the demo: no real speaker or date is claimed. The partners of the freedom series are the
ones the library's policy text names.
"""

THEME_TOPICS = {
    "rechtvaardigheid": [
        (
            "Hoe werkt de rechtspraak?",
            "Moet de rechter strenger straffen?",
            "Een rechter en een advocaat vertellen hoe een strafzaak verloopt en wat er in de "
            "rechtszaal gebeurt.",
        ),
        (
            "Schulden en eerlijke kansen",
            "Moet de overheid schulden sneller kwijtschelden?",
            "Hoe raken mensen in de schulden, en wat helpt echt om eruit te komen?",
        ),
        (
            "Den Haag, stad van vrede en recht",
            "Wat heeft de wijk aan de internationale hoven?",
            "Over de internationale hoven en tribunalen in onze stad: wat doen ze en wat merken "
            "Hagenaren ervan?",
        ),
        (
            "Gelijke kansen op de woningmarkt",
            "Is loten om een huurhuis eerlijker dan wachten?",
            "Onderzoekers en bewoners praten over discriminatie en gelijke kansen bij het zoeken "
            "naar een huis.",
        ),
        (
            "Kinderrechten dichtbij",
            "Moeten kinderen meer te zeggen hebben in de stad?",
            "Wat staat er in het Kinderrechtenverdrag, en hoe staat het met de rechten van "
            "kinderen in Den Haag?",
        ),
        (
            "Een tweede kans voor jongeren",
            "Verdient iedere jongere een tweede kans?",
            "Wat werkt om jongeren die met politie en justitie in aanraking kwamen weer op weg "
            "te helpen?",
        ),
    ],
    "gezondheid": [
        (
            "Gezond ouder worden",
            "Wie zorgt er straks voor de ouderen in de wijk?",
            "Een huisarts en een fysiotherapeut geven tips om fit en zelfstandig ouder te worden.",
        ),
        (
            "Beter slapen",
            "Is ons drukke leven slecht voor onze gezondheid?",
            "Waarom slapen zoveel mensen slecht, en wat kunt u er zelf aan doen?",
        ),
        (
            "Mentale gezondheid van jongeren",
            "Staan jongeren onder te veel druk?",
            "Psychologen en jongeren praten over stress, prestatiedruk en waar je hulp vindt.",
        ),
        (
            "Eenzaamheid, jong en oud",
            "Is eenzaamheid een taak voor de overheid?",
            "Over eenzaamheid bij jong en oud, en wat buren, vrienden en de bibliotheek kunnen "
            "doen.",
        ),
        (
            "Gezond eten met een kleine portemonnee",
            "Moet ongezond eten duurder worden?",
            "Een diëtist laat zien hoe u gezond en goedkoop boodschappen doet.",
        ),
        (
            "Leven met diabetes",
            "Hoeveel mag goede zorg kosten?",
            "Wat is diabetes, hoe herkent u het en hoe leeft u er goed mee?",
        ),
    ],
    "gendergelijkheid": [
        (
            "Vrouwen die Den Haag maakten",
            "Verdienen Haagse vrouwen meer standbeelden?",
            "Over Haagse vrouwen in de geschiedenis: schrijvers, politici, kunstenaars en "
            "activisten.",
        ),
        (
            "Gelijk loon voor gelijk werk",
            "Is de loonkloof tussen mannen en vrouwen te verklaren?",
            "Waarom verdienen vrouwen nog steeds minder dan mannen, en wat kan daaraan veranderen?",
        ),
        (
            "Vaders en zorg",
            "Moet het vaderschapsverlof langer?",
            "Steeds meer vaders willen zorgen. Wat houdt hen tegen, en wat helpt?",
        ),
        (
            "Meisjes en techniek",
            "Moeten er quota komen voor vrouwen in de techniek?",
            "Waarom kiezen minder meisjes voor techniek, en hoe verander je dat?",
        ),
        (
            "Vrouwen in de politiek",
            "Is de gemeenteraad een afspiegeling van de stad?",
            "Over de strijd voor vrouwenkiesrecht en de vrouwen die nu de politiek in gaan.",
        ),
        (
            "Gender en gezondheid",
            "Moet de zorg meer rekening houden met man-vrouwverschillen?",
            "Hartklachten, medicijnen en pijn: vrouwen en mannen hebben soms andere zorg nodig.",
        ),
    ],
    "duurzaamheid": [
        (
            "Energie besparen in huis",
            "Wie betaalt de energietransitie?",
            "Praktische tips om energie te besparen, ook als u huurt.",
        ),
        (
            "Een groene stad tegen de hitte",
            "Bomen in plaats van parkeerplaatsen?",
            "Hoe bereidt Den Haag zich voor op hete zomers en zware regenbuien?",
        ),
        (
            "Scheveningen en de stijgende zee",
            "Hoe beschermen we de kust voor de volgende eeuw?",
            "Over duinen, dijken en de zeespiegel: wat betekent klimaatverandering voor de Haagse "
            "kust?",
        ),
        (
            "Minder afval, meer repareren",
            "Moeten we minder kopen?",
            "Over afval scheiden, repareren en tweedehands: zo maakt u minder afval.",
        ),
        (
            "Fast fashion of tweedehands?",
            "Moet wegwerpkleding aan banden?",
            "Wat kost een T-shirt van vijf euro echt, en wie betaalt de prijs?",
        ),
        (
            "Duurzaam eten",
            "Moet vlees duurder worden?",
            "Over voedsel, klimaat en wat er op uw bord ligt.",
        ),
    ],
    "stad-en-wijk": [
        (
            "Wonen in een groeiende stad",
            "Waar moeten de nieuwe woningen van Den Haag komen?",
            "Den Haag groeit. Waar komen de nieuwe woningen, en voor wie zijn ze?",
        ),
        (
            "De toekomst van de Binckhorst",
            "Wie profiteert van de nieuwe Binckhorst?",
            "Van bedrijventerrein naar woonwijk: hoe verandert de Binckhorst?",
        ),
        (
            "Samenleven in een diverse wijk",
            "Kennen we onze buren nog?",
            "Over samenleven met mensen van verschillende achtergronden, in de straat en in de "
            "wijk.",
        ),
        (
            "De Haagse Markt",
            "Hoe blijft de markt van iedereen?",
            "Een van de grootste markten van Europa: geschiedenis en toekomst van de Haagse Markt.",
        ),
        (
            "Fiets, tram of auto?",
            "Moet de binnenstad autovrij worden?",
            "Hoe bewegen we ons door een drukke stad, en wie krijgt de ruimte?",
        ),
        (
            "Geschiedenis van het Spui",
            "Wat voor plein willen we aan het Spui?",
            "De geschiedenis van het Spui en de buurt rond de Centrale Bibliotheek.",
        ),
    ],
    "vrijheid": [
        (
            "Vrijheid van meningsuiting",
            "Mag je alles zeggen?",
            "Waar ligt de grens van de vrijheid van meningsuiting, op straat en online?",
        ),
        (
            "Persvrijheid",
            "Is de persvrijheid in Nederland in gevaar?",
            "Journalisten vertellen over hun werk en de druk die ze soms ervaren.",
        ),
        (
            "Bevrijding en herdenken",
            "Hoe herdenken we als de laatste getuigen er niet meer zijn?",
            "Wat betekent de bevrijding van 1945 voor jongeren van nu?",
        ),
        (
            "Privacy en vrijheid online",
            "Ruilen we vrijheid in voor gemak?",
            "Wie weet wat over u, en wat kunt u doen om uw privacy te beschermen?",
        ),
        (
            "Democratie uitgelegd",
            "Moet de stemleeftijd naar zestien?",
            "Hoe werken de gemeenteraad, de Tweede Kamer en verkiezingen, en hoe praat u mee?",
        ),
        (
            "Vrij om te geloven",
            "Hoe ver gaat de vrijheid van godsdienst?",
            "Over vrijheid van godsdienst en levensovertuiging in een stad met veel geloven.",
        ),
    ],
    "digitale-vaardigheden": [
        (
            "Veilig online bankieren",
            "Is contant geld straks nog nodig?",
            "Hoe herkent u nepberichten van de bank en betaalt u veilig online?",
        ),
        (
            "Nepnieuws herkennen",
            "Moeten sociale media nepnieuws weghalen?",
            "Hoe controleert u of een bericht klopt? Een journalist laat het zien.",
        ),
        (
            "Kunstmatige intelligentie in het dagelijks leven",
            "Moeten we AI aan banden leggen?",
            "Wat kan AI wel en niet, en wat betekent het voor werk en school?",
        ),
        (
            "De digitale overheid en DigiD",
            "Moet alles van de overheid digitaal kunnen?",
            "Zaken regelen met de gemeente en de Belastingdienst: hoe werkt dat online?",
        ),
        (
            "Sociale media en jongeren",
            "Een leeftijdsgrens voor sociale media?",
            "Wat doen sociale media met jongeren, en hoe praat je er thuis over?",
        ),
        (
            "Privacy op je telefoon",
            "Mogen apps alles van je weten?",
            "Welke gegevens verzamelen apps, en hoe stelt u uw telefoon veilig in?",
        ),
    ],
}

LANG_DEFAULT = [(["nl"], 80), (["nl", "en"], 10), (["nl", "ar"], 5), (["nl", "tr"], 5)]
LANG_DUTCH = [(["nl"], 1)]
LANG_HELP = [(["nl"], 70), (["nl", "ar"], 12), (["nl", "tr"], 12), (["nl", "en"], 6)]


# Fixed activities of the freedom series, in the Debatzaal of the Central Library:
# (day offset from today, partner, question, summary).
FREEDOM_DEBATES = [
    (
        -150,
        "Persbureau ANP",
        "Persvrijheid onder druk: hoe vrij is de journalist?",
        "Journalisten en Hagenaren over bedreigingen, nepnieuws en de vrije pers.",
    ),
    (
        -115,
        "Instituut Clingendael",
        "Vrijheid en veiligheid in een onrustige wereld",
        "Hoeveel vrijheid leveren we in voor veiligheid, in Europa en in onze stad?",
    ),
    (
        -80,
        "Beeld & Geluid",
        "Wie bepaalt wat we zien? Algoritmes en vrijheid",
        "Over sociale media, algoritmes en de vrijheid om zelf te kiezen wat je ziet.",
    ),
    (
        -40,
        "Universiteit Leiden",
        "Mag je alles zeggen? Vrijheid van meningsuiting",
        "Studenten, wetenschappers en bewoners over de grenzen van het vrije woord.",
    ),
    (
        12,
        "Universiteit Leiden",
        "Academische vrijheid: wat mag de wetenschap?",
        "Hoe vrij is onderzoek, en wat als de uitkomst niemand bevalt?",
    ),
    (
        40,
        "Persbureau ANP",
        "Vrijheid herdenken: wat betekent bevrijding voor jongeren?",
        "Jongeren en ouderen in gesprek over herdenken, vieren en vrijheid doorgeven.",
    ),
    (
        75,
        "Instituut Clingendael",
        "Vrij om te geloven, vrij om te twijfelen",
        "Over vrijheid van godsdienst en levensovertuiging in een diverse stad.",
    ),
    (
        110,
        "Beeld & Geluid",
        "Vrijheid in de wijk: wie praat er mee over de stad?",
        "Wie wordt gehoord als de stad verandert, en hoe maken we dat eerlijker?",
    ),
]

# The six lessons of "Digitaal de baas", given twice: (branch slug, day offset of lesson 1).
DIGITAL_LESSONS = [
    "uw smartphone of tablet instellen",
    "veilige wachtwoorden",
    "mailen en appen",
    "DigiD en de digitale overheid",
    "online bankieren zonder zorgen",
    "oplichting en nepnieuws herkennen",
]
DIGITAL_ROUNDS = [("escamp", -84), ("laak", 21)]

CANCELLATION_REASONS = [
    "De spreker is helaas ziek.",
    "Te weinig aanmeldingen; we plannen een nieuwe datum.",
    "De zaal is door een storing niet beschikbaar.",
    "Door de weersverwachting gaat deze activiteit niet door.",
    "De begeleider is verhinderd; excuses voor het ongemak.",
]

ACCESSIBILITY_NOTES = [
    "Heeft u hulp nodig om de zaal te bereiken? Meld het bij de balie, dan helpen we u.",
    "Er zijn stoelen met armleuningen; vraag ernaar bij de ingang.",
    "De ruimte is rustig en goed verlicht.",
]
