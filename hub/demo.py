"""KeepONLearning demo content, written from the facts of the school's spring 2020
initiative: the five topics, the people who took part, and at least three items of every
kind, in Italian (source) and English (through wagtail-localize).

The people are fictional members of MIP's faculty, except Carlo Cottarelli, who took part
in KeepONLearning; no words or opinions are attributed to him. Real companies appear only
as partners named in the text.
"""

from datetime import datetime, timedelta
from io import BytesIO
from zoneinfo import ZoneInfo

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model

from home.demo import Bilingual, ensure_image, ensure_page, ensure_translation, locales
from home.models import HomeFeaturedItem

from .models import (
    ArticlePage,
    Audience,
    CoursePage,
    DeepDivePage,
    FeaturedItem,
    HubIndexPage,
    ItemContributor,
    Speaker,
    TalkPage,
    ToolPage,
    Topic,
    TopicPage,
    WebinarPage,
)
from .scale import build_scale

t = Bilingual()
ROME = ZoneInfo("Europe/Rome")
# The demo's links follow the school's own addresses.
SCHOOL = "https://www.som.polimi.it"
UNRECORDED = {"sanita-digitale-emergenza"}

PALETTE = [(11, 61, 110), (27, 94, 75), (96, 42, 110), (120, 60, 20), (20, 90, 120)]


def rome(year, month, day, hour=18, minute=0):
    return datetime(year, month, day, hour, minute, tzinfo=ROME)


def days_from_now(days, hour=18):
    """A time `days` from today at `hour` in Italy: upcoming webinars stay upcoming."""
    today = timezone.localdate()
    return datetime(today.year, today.month, today.day, hour, 0, tzinfo=ROME) + timedelta(days=days)


def paragraph(*pairs):
    return ("paragraph", t.rich(*pairs))


def heading(italian, english, level="h2"):
    return ("heading", {"text": t(italian, english), "level": level})


TOPICS = [
    {
        "key": "smart-working",
        "name": ("Smart working", "Smart working"),
        "slug": ("smart-working", "smart-working"),
        "description": (
            "Lavorare a distanza senza perdere efficacia, relazioni e benessere.",
            "Working remotely without losing effectiveness, relationships and wellbeing.",
        ),
    },
    {
        "key": "covid",
        "name": ("Covid-19, imprese e supply chain", "Covid-19, business and supply chains"),
        "slug": ("covid-19-imprese-supply-chain", "covid-19-business-supply-chains"),
        "description": (
            "Che cosa ha cambiato la pandemia per le aziende e le loro catene di fornitura.",
            "What the pandemic changed for companies and their supply chains.",
        ),
    },
    {
        "key": "ai",
        "name": ("Intelligenza artificiale", "Artificial intelligence"),
        "slug": ("intelligenza-artificiale", "artificial-intelligence"),
        "description": (
            "Come l’intelligenza artificiale può aiutare le decisioni e le operazioni.",
            "How artificial intelligence can help decisions and operations.",
        ),
    },
    {
        "key": "digital",
        "name": ("Innovazione digitale nell’emergenza", "Digital innovation in an emergency"),
        "slug": ("innovazione-digitale-emergenza", "digital-innovation-emergency"),
        "description": (
            "Guidare progetti digitali quando tutto cambia in pochi giorni.",
            "Leading digital projects when everything changes within days.",
        ),
    },
    {
        "key": "health",
        "name": ("Sanità", "Healthcare"),
        "slug": ("sanita", "healthcare"),
        "description": (
            "L’innovazione digitale in un settore cruciale durante l’emergenza.",
            "Digital innovation in a crucial sector during the emergency.",
        ),
    },
]

SPEAKERS = [
    {
        "key": "ferrari",
        "name": "Giulia Ferrari",
        "slug": "giulia-ferrari",
        "role": ("Professoressa di organizzazione aziendale", "Professor of Organisation"),
        "organisation": "MIP Politecnico di Milano",
        "bio": (
            "Studia come cambiano il lavoro e i team quando le persone non condividono lo stesso ufficio.",
            "She studies how work and teams change when people do not share the same office.",
        ),
    },
    {
        "key": "moretti",
        "name": "Luca Moretti",
        "slug": "luca-moretti",
        "role": ("Docente di supply chain management", "Lecturer in Supply Chain Management"),
        "organisation": "MIP Politecnico di Milano",
        "bio": (
            "Si occupa di logistica e gestione del rischio nelle catene di fornitura globali.",
            "He works on logistics and risk management in global supply chains.",
        ),
    },
    {
        "key": "conti",
        "name": "Elena Conti",
        "slug": "elena-conti",
        "role": (
            "Docente di data science per il management",
            "Lecturer in Data Science for Management",
        ),
        "organisation": "MIP Politecnico di Milano",
        "bio": (
            "Aiuta le aziende a portare l’analisi dei dati e l’intelligenza artificiale nelle decisioni quotidiane.",
            "She helps companies bring data analysis and artificial intelligence into everyday decisions.",
        ),
    },
    {
        "key": "ricci",
        "name": "Paolo Ricci",
        "slug": "paolo-ricci",
        "role": ("Professore di gestione dell’innovazione", "Professor of Innovation Management"),
        "organisation": "MIP Politecnico di Milano",
        "bio": (
            "Studia come le organizzazioni adottano le tecnologie digitali e ne misurano il valore.",
            "He studies how organisations adopt digital technologies and measure their value.",
        ),
    },
    {
        "key": "galli",
        "name": "Sara Galli",
        "slug": "sara-galli",
        "role": ("Docente di management sanitario", "Lecturer in Healthcare Management"),
        "organisation": "MIP Politecnico di Milano",
        "bio": (
            "Lavora con ospedali e aziende sanitarie sulla trasformazione digitale dei servizi.",
            "She works with hospitals and health authorities on the digital transformation of services.",
        ),
    },
    {
        "key": "cottarelli",
        "name": "Carlo Cottarelli",
        "slug": "carlo-cottarelli",
        "role": ("Economista", "Economist"),
        "organisation": "",
        "bio": (
            "Economista italiano, ospite di KeepONLearning.",
            "Italian economist, guest of KeepONLearning.",
        ),
    },
]


def build_topics(italian, english):
    topics = {}
    for position, spec in enumerate(TOPICS):
        # Every text is registered whether or not the topic exists yet: the topic pages
        # built from it are translated from the same texts.
        name, slug, description = (t(*spec[key]) for key in ("name", "slug", "description"))
        topic = Topic.objects.filter(locale=italian, slug=slug).first()
        if topic is None:
            topic = Topic.objects.create(
                locale=italian,
                name=name,
                slug=slug,
                description=description,
                sort_order=position,
                image=ensure_image(f"Tema: {spec['name'][0]}", background=PALETTE[position]),
            )
        ensure_translation(topic, english, t)
        topics[spec["key"]] = topic
    return topics


def build_speakers(italian, english):
    speakers = {}
    for spec in SPEAKERS:
        fields = {
            "name": t(spec["name"], spec["name"]),
            "slug": t(spec["slug"], spec["slug"]),
            "role": t(*spec["role"]),
            "organisation": t(spec["organisation"], spec["organisation"])
            if spec["organisation"]
            else "",
            "bio": t(*spec["bio"]),
        }
        speaker = Speaker.objects.filter(locale=italian, slug=spec["slug"]).first()
        if speaker is None:
            speaker = Speaker.objects.create(locale=italian, **fields)
        ensure_translation(speaker, english, t)
        speakers[spec["key"]] = speaker
    return speakers


def pdf_document(title, lines, filename):
    """A small one-page PDF drawn with Pillow, stored once as a Wagtail document."""
    document_model = get_document_model()
    document = document_model.objects.filter(title=title).first()
    if document is not None:
        return document
    page = PILImage.new("RGB", (1240, 1754), "white")
    draw = ImageDraw.Draw(page)
    draw.rectangle([0, 0, 1240, 160], fill=(11, 61, 110))
    draw.text((80, 50), "MIP Politecnico di Milano · KeepONLearning", fill="white", font_size=40)
    draw.text((80, 220), title, fill="black", font_size=44)
    for number, line in enumerate(lines):
        draw.text((80, 340 + number * 70), f"{number + 1}. {line}", fill="black", font_size=30)
    buffer = BytesIO()
    page.save(buffer, format="PDF", resolution=150)
    return document_model.objects.create(
        title=title, file=ContentFile(buffer.getvalue(), name=filename)
    )


def csv_document(title, rows, filename):
    document_model = get_document_model()
    document = document_model.objects.filter(title=title).first()
    if document is not None:
        return document
    data = ("\n".join(";".join(row) for row in rows) + "\n").encode("utf-8")
    return document_model.objects.create(
        title=title, file=ContentFile(data, name=filename), file_size=len(data)
    )


def contributors(speakers, *entries):
    return [
        ItemContributor(speaker=speakers[key], role=t(*role) if role else "")
        for key, role in entries
    ]


def audiences(*codes):
    return list(Audience.objects.filter(code__in=codes))


def item(hub, model, slug, topics, position, **fields):
    image = ensure_image(f"KeepONLearning: {slug[0]}", background=PALETTE[position % len(PALETTE)])
    page, _ = ensure_page(hub, model, t(*slug), topics=topics, listing_image=image, **fields)
    return page


def build_items(hub, topics, speakers):
    T = topics
    items = []
    # Articles
    items.append(
        item(
            hub,
            ArticlePage,
            ("smart-working-cinque-abitudini", "smart-working-five-habits"),
            [T["smart-working"]],
            0,
            title=t(
                "Smart working: cinque abitudini dei team che funzionano a distanza",
                "Smart working: five habits of teams that work well remotely",
            ),
            summary=t(
                "Che cosa fanno di diverso i gruppi di lavoro che a marzo sono passati online senza perdere ritmo.",
                "What the teams that moved online in March without losing pace do differently.",
            ),
            published_at=rome(2020, 3, 24, 9),
            audiences=audiences("companies", "alumni"),
            contributors=contributors(speakers, ("ferrari", None)),
            body=[
                paragraph(
                    (
                        "Quando a fine febbraio gli uffici si sono svuotati, molti team hanno scoperto che lavorare da casa non significa solo cambiare strumento.",
                        "When offices emptied at the end of February, many teams found out that working from home is not just a change of tools.",
                    )
                ),
                heading("Abitudini che fanno la differenza", "Habits that make the difference"),
                paragraph(
                    (
                        "Fissare pochi momenti comuni e proteggerli: un breve punto ogni mattina vale più di molte riunioni lunghe.",
                        "Set a few shared moments and protect them: a short check-in every morning is worth more than many long meetings.",
                    ),
                    (
                        "Scrivere le decisioni in un luogo condiviso, perché chi non era presente possa ritrovarle.",
                        "Write decisions down in a shared place, so that those who were not there can find them.",
                    ),
                    (
                        "Concordare orari in cui si è raggiungibili e orari in cui si può staccare.",
                        "Agree on hours when people can be reached and hours when they can switch off.",
                    ),
                ),
            ],
        )
    )
    items.append(
        item(
            hub,
            ArticlePage,
            ("supply-chain-resilienza", "supply-chain-resilience"),
            [T["covid"]],
            1,
            title=t(
                "Supply chain dopo l’emergenza: dall’efficienza alla resilienza",
                "Supply chains after the emergency: from efficiency to resilience",
            ),
            summary=t(
                "Perché le catene di fornitura più snelle sono state anche le più fragili, e come riprogettarle.",
                "Why the leanest supply chains were also the most fragile, and how to redesign them.",
            ),
            published_at=rome(2020, 4, 8, 9),
            audiences=audiences("companies", "faculty-partners"),
            contributors=contributors(speakers, ("moretti", None)),
            body=[
                paragraph(
                    (
                        "Nelle prime settimane di marzo molte aziende hanno visto fermarsi un solo fornitore e, con lui, un’intera linea di produzione.",
                        "In the first weeks of March many companies saw a single supplier stop and, with it, a whole production line.",
                    )
                ),
                heading("Tre domande da porsi", "Three questions to ask"),
                paragraph(
                    (
                        "Quali componenti dipendono da un unico fornitore o da un’unica area geografica?",
                        "Which components depend on a single supplier or a single region?",
                    ),
                    (
                        "Quanto tempo servirebbe per attivare un’alternativa?",
                        "How long would it take to activate an alternative?",
                    ),
                    (
                        "Quali scorte costano meno di un fermo?",
                        "Which stocks cost less than a shutdown?",
                    ),
                ),
            ],
        )
    )
    items.append(
        item(
            hub,
            ArticlePage,
            (
                "intelligenza-artificiale-da-dove-cominciare",
                "artificial-intelligence-where-to-start",
            ),
            [T["ai"], T["digital"]],
            2,
            title=t(
                "Intelligenza artificiale in azienda: da dove cominciare",
                "Artificial intelligence in business: where to start",
            ),
            summary=t(
                "Un percorso in quattro passi per passare dalla curiosità a un primo progetto utile.",
                "A four-step path from curiosity to a first useful project.",
            ),
            published_at=rome(2020, 5, 5, 9),
            audiences=audiences("companies", "students"),
            contributors=contributors(speakers, ("conti", None)),
            body=[
                paragraph(
                    (
                        "I progetti di intelligenza artificiale che riescono partono quasi sempre da un problema concreto, non dalla tecnologia.",
                        "The artificial intelligence projects that succeed almost always start from a concrete problem, not from the technology.",
                    )
                ),
                heading("Quattro passi", "Four steps"),
                paragraph(
                    (
                        "Scegliere una decisione ripetuta e misurabile.",
                        "Choose a repeated, measurable decision.",
                    ),
                    (
                        "Verificare che i dati esistano e siano affidabili.",
                        "Check that the data exist and can be trusted.",
                    ),
                    (
                        "Provare su piccola scala e confrontare con il metodo attuale.",
                        "Try it on a small scale and compare it with the current method.",
                    ),
                    (
                        "Coinvolgere da subito chi userà il risultato.",
                        "Involve the people who will use the result from the start.",
                    ),
                ),
            ],
        )
    )
    # Webinars: three held in spring 2020, two still to come.
    webinar_specs = [
        (
            ("lavorare-da-casa-strumenti-e-regole", "working-from-home-tools-and-rules"),
            "smart-working",
            (
                "Lavorare da casa: strumenti e regole per il team",
                "Working from home: tools and rules for the team",
            ),
            (
                "Come organizzare il lavoro del team nelle prime settimane a distanza.",
                "How to organise a team’s work in the first weeks apart.",
            ),
            rome(2020, 3, 25),
            640,
            "it",
            [("ferrari", ("Relatrice", "Speaker"))],
        ),
        (
            ("covid-19-catene-di-fornitura", "covid-19-supply-chains"),
            "covid",
            (
                "Covid-19 e catene di fornitura: che cosa abbiamo imparato",
                "Covid-19 and supply chains: what we have learned",
            ),
            (
                "Le prime lezioni dell’emergenza per acquisti, logistica e produzione.",
                "The first lessons of the emergency for purchasing, logistics and production.",
            ),
            rome(2020, 4, 16),
            890,
            "it",
            [("moretti", ("Relatore", "Speaker")), ("ricci", ("Moderatore", "Moderator"))],
        ),
        (
            ("sanita-digitale-emergenza", "digital-health-emergency"),
            "health",
            ("Sanità digitale nell’emergenza", "Digital health in the emergency"),
            (
                "Telemedicina e servizi digitali messi alla prova dalla pandemia.",
                "Telemedicine and digital services put to the test by the pandemic.",
            ),
            rome(2020, 5, 20),
            510,
            "en",
            [("galli", ("Relatrice", "Speaker"))],
        ),
        (
            ("ai-per-le-pmi", "ai-for-smes"),
            "ai",
            (
                "Intelligenza artificiale per le PMI: casi e primi passi",
                "Artificial intelligence for SMEs: cases and first steps",
            ),
            (
                "Esempi concreti di piccole e medie imprese che hanno iniziato a usare l’intelligenza artificiale.",
                "Concrete examples of small and medium-sized companies that started using artificial intelligence.",
            ),
            days_from_now(9),
            None,
            "it",
            [("conti", ("Relatrice", "Speaker"))],
        ),
        (
            ("innovazione-digitale-tempi-incerti", "digital-innovation-uncertain-times"),
            "digital",
            (
                "Gestire l’innovazione digitale in tempi incerti",
                "Managing digital innovation in uncertain times",
            ),
            (
                "Come decidere quali progetti digitali accelerare e quali fermare.",
                "How to decide which digital projects to speed up and which to stop.",
            ),
            days_from_now(23),
            None,
            "en",
            [("ricci", ("Relatore", "Speaker")), ("galli", ("Ospite", "Guest"))],
        ),
    ]
    for position, (
        slug,
        topic_key,
        title,
        summary,
        starts_at,
        participants,
        language,
        people,
    ) in enumerate(webinar_specs):
        past = participants is not None
        # One webinar of the spring was not recorded: its page says so, and it is marked
        # "not recorded", so the editors' dashboard does not ask for its recording.
        recorded = past and slug[0] not in UNRECORDED
        if not past:
            practical = (
                "La partecipazione è gratuita; il link per collegarsi arriva con la conferma "
                "dell’iscrizione.",
                "Taking part is free; the link to join arrives with the confirmation of your "
                "registration.",
            )
        elif recorded:
            practical = (
                "L’incontro si è svolto in diretta e la registrazione è disponibile su questa "
                "pagina, con le domande del pubblico.",
                "The meeting took place live and its recording is available on this page, "
                "with the audience’s questions.",
            )
        else:
            practical = (
                "L’incontro si è svolto in diretta e non è stato registrato: i temi principali "
                "sono ripresi negli approfondimenti dello stesso argomento.",
                "The meeting took place live and was not recorded: its main themes are taken "
                "up in the deep-dives on the same topic.",
            )
        items.append(
            item(
                hub,
                WebinarPage,
                slug,
                [T[topic_key]],
                position,
                title=t(*title),
                summary=t(*summary),
                starts_at=starts_at,
                # Announced a month before it takes place (one held is dated when it was).
                published_at=starts_at - timedelta(days=30),
                duration_minutes=60,
                delivery_language=language,
                registration_url="" if past else f"{SCHOOL}/keeponlearning/iscrizione/{slug[0]}/",
                stream_url=f"{SCHOOL}/keeponlearning/registrazioni/{slug[0]}/" if recorded else "",
                not_recorded=past and not recorded,
                participant_count=participants,
                audiences=audiences("students", "companies", "alumni"),
                contributors=contributors(speakers, *people),
                description=[
                    paragraph(
                        (
                            "Un’ora in diretta: i relatori presentano il tema con esempi concreti e rispondono alle domande del pubblico.",
                            "One live hour: the speakers present the topic with concrete examples and answer questions from the audience.",
                        ),
                        practical,
                    )
                ],
            )
        )
    # Courses
    course_specs = [
        (
            ("fondamenti-smart-working-manager", "smart-working-fundamentals-managers"),
            "smart-working",
            ("Fondamenti di smart working per manager", "Smart working fundamentals for managers"),
            (
                "Strumenti e pratiche per guidare un team a distanza.",
                "Tools and practices to lead a team remotely.",
            ),
            "self-paced",
            6,
            3,
            "beginner",
            True,
            None,
            "it",
        ),
        (
            ("dati-e-ai-per-il-business", "data-and-ai-for-business"),
            "ai",
            (
                "Dati e intelligenza artificiale per il business",
                "Data and artificial intelligence for business",
            ),
            (
                "Dalle basi dell’analisi dei dati ai primi modelli predittivi.",
                "From the basics of data analysis to the first predictive models.",
            ),
            "live",
            20,
            5,
            "intermediate",
            False,
            "450.00",
            "en",
        ),
        (
            ("supply-chain-resiliente", "resilient-supply-chain"),
            "covid",
            ("Progettare una supply chain resiliente", "Designing a resilient supply chain"),
            (
                "Metodi per mappare i rischi e preparare le alternative.",
                "Methods to map risks and prepare alternatives.",
            ),
            "live",
            12,
            4,
            "advanced",
            False,
            "300.00",
            "it",
        ),
    ]
    for position, (
        slug,
        topic_key,
        title,
        summary,
        course_format,
        hours,
        weeks,
        level,
        free,
        price,
        language,
    ) in enumerate(course_specs):
        items.append(
            item(
                hub,
                CoursePage,
                slug,
                [T[topic_key]],
                position + 2,
                title=t(*title),
                summary=t(*summary),
                published_at=rome(2020, 4 + position, 2, 9),
                course_format=course_format,
                effort_hours=hours,
                length_weeks=weeks,
                level=level,
                is_free=free,
                price=price,
                delivery_language=language,
                enrolment_url=f"{SCHOOL}/corsi-online/{slug[0]}/",
                audiences=audiences("students", "alumni", "companies"),
                contributors=contributors(
                    speakers,
                    (
                        "ferrari"
                        if topic_key == "smart-working"
                        else "conti"
                        if topic_key == "ai"
                        else "moretti",
                        None,
                    ),
                ),
                body=[
                    paragraph(
                        (
                            "Il corso si segue interamente online e si conclude con un attestato di partecipazione.",
                            "The course is taken entirely online and ends with a certificate of attendance.",
                        ),
                        (
                            "Ogni settimana propone materiali da studiare, un esercizio pratico e un momento di confronto con i docenti.",
                            "Each week offers material to study, a practical exercise and time to discuss with the teachers.",
                        ),
                    )
                ],
            )
        )
    # Talks
    talk_specs = [
        (
            (
                "economia-e-pandemia-dialogo-cottarelli",
                "economy-and-pandemic-conversation-cottarelli",
            ),
            "covid",
            (
                "Economia e pandemia: un dialogo con Carlo Cottarelli",
                "Economy and pandemic: a conversation with Carlo Cottarelli",
            ),
            (
                "Un incontro con l’economista sulle conseguenze dell’emergenza per le imprese.",
                "A meeting with the economist on the consequences of the emergency for companies.",
            ),
            [("cottarelli", ("Ospite", "Guest")), ("moretti", ("Moderatore", "Moderator"))],
            [
                (
                    "Come leggere i dati economici durante un’emergenza",
                    "How to read economic data during an emergency",
                ),
                (
                    "Il ruolo della finanza pubblica nella ripartenza",
                    "The role of public finance in the recovery",
                ),
                (
                    "Le domande degli studenti sulle prospettive del lavoro",
                    "Students’ questions about the job outlook",
                ),
            ],
        ),
        (
            ("innovazione-in-fabbrica-automotive", "innovation-on-the-factory-floor-automotive"),
            "digital",
            (
                "Innovazione in fabbrica: il caso dell’automotive",
                "Innovation on the factory floor: the automotive case",
            ),
            (
                "Un confronto sulla ripartenza della produzione, con la partecipazione di manager di Lamborghini e Pirelli.",
                "A discussion of restarting production, with managers from Lamborghini and Pirelli taking part.",
            ),
            [("ricci", ("Moderatore", "Moderator"))],
            [
                (
                    "Riorganizzare turni e spazi per lavorare in sicurezza",
                    "Reorganising shifts and spaces to work safely",
                ),
                (
                    "Il digitale come supporto alla manutenzione a distanza",
                    "Digital tools supporting remote maintenance",
                ),
                (
                    "Il rapporto con i fornitori durante il fermo",
                    "Relations with suppliers during the shutdown",
                ),
            ],
        ),
        (
            ("collaborare-nel-cloud", "collaborating-in-the-cloud"),
            "smart-working",
            (
                "Collaborare nel cloud: lezioni dal lavoro ibrido",
                "Collaborating in the cloud: lessons from hybrid work",
            ),
            (
                "Un dialogo sul lavoro ibrido con la partecipazione di Microsoft.",
                "A conversation on hybrid work with Microsoft taking part.",
            ),
            [("ferrari", ("Moderatrice", "Moderator"))],
            [
                (
                    "Gli strumenti contano meno delle regole condivise",
                    "Tools matter less than shared rules",
                ),
                ("La sicurezza dei dati parte dalle persone", "Data security starts with people"),
                ("Misurare i risultati, non le ore", "Measure results, not hours"),
            ],
        ),
    ]
    for position, (slug, topic_key, title, summary, people, takeaways) in enumerate(talk_specs):
        items.append(
            item(
                hub,
                TalkPage,
                slug,
                [T[topic_key]],
                position + 1,
                title=t(*title),
                summary=t(*summary),
                published_at=rome(2020, 4 + position, 21, 9),
                video_url=f"{SCHOOL}/keeponlearning/talk/{slug[0]}/",
                delivery_language="it",
                audiences=audiences("students", "companies", "alumni", "faculty-partners"),
                contributors=contributors(speakers, *people),
                takeaways=[("takeaway", t(*pair)) for pair in takeaways],
                body=[
                    paragraph(
                        (
                            "Il talk è disponibile in video: qui sopra trovi i temi principali emersi durante l’incontro.",
                            "The talk is available on video: above you find the main themes that came up during the meeting.",
                        )
                    )
                ],
            )
        )
    # Tools
    checklist_it = pdf_document(
        "Checklist per il lavoro da remoto (IT)",
        [
            "Postazione e connessione verificate",
            "Orari di reperibilità concordati",
            "Canali del team definiti",
            "Documenti condivisi in un solo luogo",
            "Pause pianificate",
        ],
        "checklist-lavoro-remoto.pdf",
    )
    checklist_en = pdf_document(
        "Remote work checklist (EN)",
        [
            "Workstation and connection checked",
            "Reachable hours agreed",
            "Team channels defined",
            "Documents shared in one place",
            "Breaks planned",
        ],
        "remote-work-checklist.pdf",
    )
    continuity = csv_document(
        "Piano di continuità della supply chain (modello)",
        [
            [
                "componente",
                "fornitore",
                "paese",
                "alternativa",
                "tempo di attivazione (giorni)",
                "scorta minima",
            ],
            ["", "", "", "", "", ""],
        ],
        "piano-continuita-supply-chain.csv",
    )
    ai_guide = pdf_document(
        "AI project assessment guide (EN)",
        [
            "Which decision will it improve?",
            "Which data does it need?",
            "How will you measure success?",
            "Who will use the result?",
            "What happens when it is wrong?",
        ],
        "ai-project-assessment-guide.pdf",
    )
    tool_specs = [
        (
            ("checklist-lavoro-da-remoto", "remote-work-checklist"),
            "smart-working",
            ("Checklist per il lavoro da remoto", "Remote work checklist"),
            (
                "Cinque controlli da fare prima di iniziare una settimana di lavoro a distanza.",
                "Five checks before starting a week of remote work.",
            ),
            [
                (checklist_it, ("Checklist in italiano", "Checklist in Italian"), "it"),
                (checklist_en, ("Checklist in inglese", "Checklist in English"), "en"),
            ],
        ),
        (
            ("modello-piano-continuita-supply-chain", "supply-chain-continuity-plan-template"),
            "covid",
            (
                "Modello di piano di continuità della supply chain",
                "Supply chain continuity plan template",
            ),
            (
                "Un foglio di calcolo per mappare componenti critici, fornitori e alternative.",
                "A spreadsheet to map critical components, suppliers and alternatives.",
            ),
            [(continuity, ("Modello da compilare", "Template to fill in"), "it")],
        ),
        (
            ("guida-valutazione-progetto-ai", "ai-project-assessment-guide"),
            "ai",
            ("Guida alla valutazione di un progetto di AI", "Guide to assessing an AI project"),
            (
                "Le domande da porsi prima di investire in un progetto di intelligenza artificiale.",
                "The questions to ask before investing in an artificial intelligence project.",
            ),
            [(ai_guide, ("Guida in inglese", "Guide in English"), "en")],
        ),
    ]
    for position, (slug, topic_key, title, summary, files) in enumerate(tool_specs):
        items.append(
            item(
                hub,
                ToolPage,
                slug,
                [T[topic_key]],
                position + 3,
                title=t(*title),
                summary=t(*summary),
                published_at=rome(2020, 3 + position, 30, 9),
                audiences=audiences("companies", "alumni"),
                introduction=t.rich(
                    summary,
                    (
                        "Scarica il file, usalo con il tuo team e aggiornalo quando le condizioni cambiano.",
                        "Download the file, use it with your team and update it when conditions change.",
                    ),
                ),
                downloads=[
                    (
                        "download",
                        {
                            "document": document,
                            "title": t(*label),
                            "description": "",
                            "language": language,
                        },
                    )
                    for document, label, language in files
                ],
            )
        )
    # Deep-dives
    deep_specs = [
        (
            ("sanita-alla-prova-emergenza-digitale", "healthcare-tested-digital-emergency"),
            "health",
            (
                "La sanità alla prova dell’emergenza digitale",
                "Healthcare put to the test of the digital emergency",
            ),
            "galli",
            [
                (
                    ("Servizi a distanza", "Remote services"),
                    (
                        "In poche settimane molte visite di controllo sono diventate videochiamate, con regole scritte in fretta.",
                        "Within weeks many follow-up visits became video calls, under rules written in a hurry.",
                    ),
                ),
                (
                    ("Dati e coordinamento", "Data and coordination"),
                    (
                        "La condivisione dei dati tra strutture ha mostrato quanto contino standard comuni.",
                        "Sharing data between facilities showed how much common standards matter.",
                    ),
                ),
                (
                    ("Che cosa resterà", "What will remain"),
                    (
                        "Alcune soluzioni nate nell’emergenza possono diventare parte stabile dei servizi, se valutate con metodo.",
                        "Some solutions born in the emergency can become a stable part of services, if they are assessed with method.",
                    ),
                ),
            ],
        ),
        (
            ("smart-working-oltre-emergenza", "smart-working-beyond-emergency"),
            "smart-working",
            ("Smart working oltre l’emergenza", "Smart working beyond the emergency"),
            "ferrari",
            [
                (
                    (
                        "Dal lavoro da casa allo smart working",
                        "From working from home to smart working",
                    ),
                    (
                        "Lavorare da casa per obbligo non è ancora smart working: mancano scelta, flessibilità e obiettivi chiari.",
                        "Working from home by necessity is not yet smart working: choice, flexibility and clear goals are missing.",
                    ),
                ),
                (
                    ("Spazi e tempi", "Spaces and times"),
                    (
                        "Gli uffici di domani serviranno soprattutto a incontrarsi e collaborare.",
                        "Tomorrow’s offices will mostly be places to meet and collaborate.",
                    ),
                ),
                (
                    ("Misurare il lavoro", "Measuring work"),
                    (
                        "Passare dal controllo della presenza alla valutazione dei risultati richiede nuove competenze ai manager.",
                        "Moving from checking attendance to assessing results asks managers for new skills.",
                    ),
                ),
            ],
        ),
        (
            ("intelligenza-artificiale-e-decisioni", "artificial-intelligence-and-decisions"),
            "ai",
            (
                "Intelligenza artificiale e decisioni in tempo di crisi",
                "Artificial intelligence and decisions in a crisis",
            ),
            "conti",
            [
                (
                    ("Quando i dati storici non bastano", "When historical data are not enough"),
                    (
                        "Un’emergenza cambia i comportamenti e rende meno affidabili i modelli costruiti sul passato.",
                        "An emergency changes behaviour and makes models built on the past less reliable.",
                    ),
                ),
                (
                    ("Modelli da sorvegliare", "Models to watch over"),
                    (
                        "Servono controlli frequenti e persone in grado di capire quando un modello sbaglia.",
                        "Frequent checks are needed, and people able to tell when a model is wrong.",
                    ),
                ),
                (
                    ("Decidere insieme", "Deciding together"),
                    (
                        "L’intelligenza artificiale funziona meglio come supporto alle decisioni che come sostituto.",
                        "Artificial intelligence works better as support for decisions than as a replacement.",
                    ),
                ),
            ],
        ),
    ]
    for position, (slug, topic_key, title, author, chapters) in enumerate(deep_specs):
        body = []
        for chapter_title, chapter_text in chapters:
            body.append(heading(*chapter_title))
            body.append(paragraph(chapter_text))
        items.append(
            item(
                hub,
                DeepDivePage,
                slug,
                [T[topic_key], T["digital"]] if topic_key != "digital" else [T["digital"]],
                position + 4,
                title=t(*title),
                summary=t(chapters[0][1][0], chapters[0][1][1]),
                published_at=rome(2020, 5 + position, 12, 9),
                audiences=audiences("companies", "faculty-partners", "alumni"),
                contributors=contributors(speakers, (author, None)),
                body=body,
            )
        )
    return items


def build_hub(home):
    hub, _ = ensure_page(
        home,
        HubIndexPage,
        t("keeponlearning", "keeponlearning"),
        title=t("KeepONLearning", "KeepONLearning"),
        summary=t(
            "Articoli, webinar, corsi, talk, strumenti e approfondimenti del MIP per continuare a imparare.",
            "Articles, webinars, courses, talks, tools and deep-dives from MIP to keep on learning.",
        ),
        introduction=t.rich(
            (
                "Il 18 marzo 2020 il MIP ha aperto KeepONLearning a studenti, alumni, aziende, docenti e partner. Qui trovi tutto ciò che abbiamo condiviso, per tema e per formato.",
                "On 18 March 2020 MIP opened KeepONLearning to students, alumni, companies, faculty and partners. Here you find everything we shared, by topic and by format.",
            )
        ),
    )
    return hub


def build_topic_pages(hub, topics, items):
    pages = []
    for spec in TOPICS:
        topic = topics[spec["key"]]
        featured = [i for i in items if topic in i.topics.all()][:3]
        page, _ = ensure_page(
            hub,
            TopicPage,
            spec["slug"][0],
            title=topic.name,
            topic=topic,
            summary=topic.description,
            introduction=t.rich(
                (
                    f"Tutto ciò che KeepONLearning ha dedicato al tema {spec['name'][0].lower()}: i contenuti scelti dalla redazione, i prossimi webinar e l’archivio completo.",
                    f"Everything KeepONLearning devoted to {spec['name'][1].lower()}: the editors’ picks, the next webinars and the full archive.",
                )
            ),
            featured_items=[FeaturedItem(item=i) for i in featured],
        )
        pages.append(page)
    return pages


def feature_on_home(home, english, items):
    """Three items on each home page, as an editor would choose them: a webinar, a course
    and a deep-dive."""
    picks = [
        next(i for i in items if isinstance(i, kind))
        for kind in (WebinarPage, CoursePage, DeepDivePage)
    ]
    pairs = [
        (home, picks),
        (home.get_translation(english), [p.get_translation(english) for p in picks]),
    ]
    for page, chosen in pairs:
        page = page.specific
        if page.featured_items.exists():
            continue
        page.featured_items = [HomeFeaturedItem(item=item) for item in chosen]
        page.save_revision().publish()


def build(home, scale=0):
    italian, english = locales()
    topics = build_topics(italian, english)
    speakers = build_speakers(italian, english)
    hub = build_hub(home)
    ensure_translation(hub, english, t)
    items = build_items(hub, topics, speakers)
    topic_pages = build_topic_pages(hub, topics, items)
    for page in [*items, *topic_pages]:
        ensure_translation(page, english, t)
    feature_on_home(home, english, items)
    if scale:
        build_scale(hub, topics, speakers, scale)
    return {"menu": [hub], "hub": hub}
