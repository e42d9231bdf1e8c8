"""Nice to MIP You demo content: the reopening section in Italian, then English through
wagtail-localize, and the banner that announces the reopening on every page.

Dates are relative to the day the demo is loaded, so that it always tells the same story:
the landing page counts down to the next 14 September, the banner runs until a month
after it, and some review dates have passed, so the admin report has pages to show.
"""

from datetime import date, datetime, time, timedelta
from io import BytesIO

from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image as PILImage
from PIL import ImageDraw
from wagtail.documents import get_document_model
from wagtail.models import WorkflowState

from home.demo import Bilingual, ensure_page, ensure_translation, locales

from .models import AlertBanner, ReopeningChange, ReopeningFaqPage, ReopeningInfoPage, ReopeningPage
from .workflow import build_workflows

t = Bilingual()

PROTOCOL_TITLE = "Protocollo di sicurezza del campus MIP"
PROTOCOL_LINES = [
    "MIP Politecnico di Milano - Nice to MIP You",
    "Protocollo di sicurezza del campus / Campus safety protocol",
    "",
    "1. Resta a casa se hai febbre o sintomi respiratori.",
    "   Stay at home if you have a fever or respiratory symptoms.",
    "2. Misurazione della temperatura a ogni ingresso (massimo 37,5 °C).",
    "   Temperature check at every entrance (37.5 °C at most).",
    "3. Mascherina in tutti gli spazi comuni e quando ti sposti.",
    "   Mask in every shared space and whenever you move around.",
    "4. Almeno un metro di distanza; siediti solo ai posti segnati.",
    "   At least one metre apart; sit only in the marked seats.",
    "5. Prenota il posto in aula, in biblioteca e in mensa.",
    "   Book your seat in class, in the library and in the canteen.",
    "6. Igienizza le mani entrando e uscendo da ogni aula.",
    "   Sanitise your hands entering and leaving every room.",
    "",
    "Via Raffaele Lambruschini 4/C, 20156 Milano",
]


def next_reopening_date(today):
    """The next 14 September after `today`: the day the campus reopens in the story."""
    this_year = date(today.year, 9, 14)
    return this_year if this_year > today else date(today.year + 1, 9, 14)


def ensure_protocol_document():
    """A one-page PDF of the safety rules, made with Pillow."""
    document_model = get_document_model()
    document = document_model.objects.filter(title=PROTOCOL_TITLE).first()
    if document is not None:
        return document
    page = PILImage.new("RGB", (1240, 1754), (255, 255, 255))
    draw = ImageDraw.Draw(page)
    draw.rectangle([0, 0, 1240, 140], fill=(11, 61, 110))
    draw.text((80, 45), "Nice to MIP You", fill=(255, 255, 255), font_size=56)
    for number, line in enumerate(PROTOCOL_LINES):
        draw.text((80, 220 + number * 60), line, fill=(27, 31, 36), font_size=30)
    buffer = BytesIO()
    page.save(buffer, format="PDF", resolution=150)
    data = buffer.getvalue()
    return document_model.objects.create(
        title=PROTOCOL_TITLE,
        file=ContentFile(data, name="protocollo-sicurezza-mip.pdf"),
        file_size=len(data),
    )


def faq(*pairs):
    """An FAQ block from (question pair, answer pair) tuples."""
    return (
        "faq",
        {
            "title": "",
            "items": [
                {"question": t(*question), "answer": t.rich(answer)} for question, answer in pairs
            ],
        },
    )


def callout(kind, title, text):
    return ("callout", {"kind": kind, "title": t(*title), "text": t.rich(text)})


def checklist(title, *steps):
    return (
        "checklist",
        {
            "title": t(*title),
            "steps": [
                {"text": t(*text), "details": t(*details) if details else ""}
                for text, details in steps
            ],
        },
    )


def changes(today, *entries):
    return [
        ReopeningChange(changed_on=today - timedelta(days=days_ago), description=t(*text))
        for days_ago, text in entries
    ]


def build_landing(home, today):
    reopening_date = next_reopening_date(today)
    page, _ = ensure_page(
        home,
        ReopeningPage,
        t("nice-to-mip-you", "nice-to-mip-you"),
        title=t("Nice to MIP You", "Nice to MIP You"),
        seo_title=t(
            "Nice to MIP You: la riapertura del campus",
            "Nice to MIP You: the campus reopens",
        ),
        summary=t(
            "A settembre il campus di Milano Bovisa riapre in sicurezza: date, regole e servizi.",
            "In September the Milano Bovisa campus reopens safely: dates, rules and services.",
        ),
        reopening_date=reopening_date,
        introduction=t(
            "Dopo mesi di lezioni online ci rivediamo in via Lambruschini, con persone che "
            "arrivano da tutto il mondo e regole pensate perché tutti possano studiare tranquilli.",
            "After months of online classes we meet again in via Lambruschini, with people "
            "arriving from all over the world and rules designed so that everyone can study "
            "with peace of mind.",
        ),
        key_messages=[
            (
                "key_message",
                {
                    "title": t("Sicurezza prima di tutto", "Safety first"),
                    "text": t(
                        "Mascherina, distanza e mani igienizzate in tutti gli spazi comuni.",
                        "Masks, distance and clean hands in every shared space.",
                    ),
                },
            ),
            (
                "key_message",
                {
                    "title": t("Prenota il tuo posto", "Book your seat"),
                    "text": t(
                        "Aule, biblioteca e mensa si usano su prenotazione, così sappiamo sempre "
                        "chi è in campus.",
                        "Classrooms, the library and the canteen are used by booking, so we "
                        "always know who is on campus.",
                    ),
                },
            ),
            (
                "key_message",
                {
                    "title": t("In aula o online", "In the classroom or online"),
                    "text": t(
                        "Ogni lezione è ibrida: chi non può venire in campus la segue in diretta.",
                        "Every class is hybrid: whoever cannot come to campus follows it live.",
                    ),
                },
            ),
            (
                "key_message",
                {
                    "title": t("Da tutto il mondo", "From all over the world"),
                    "text": t(
                        "Chi arriva dall’estero trova qui i passi da fare prima e dopo il viaggio.",
                        "If you arrive from abroad, you will find here the steps to take before "
                        "and after your journey.",
                    ),
                },
            ),
        ],
        before_reopening=[
            checklist(
                ("Prima del primo giorno", "Before your first day"),
                (
                    ("Leggi le regole di sicurezza del campus", "Read the campus safety rules"),
                    (
                        "Bastano dieci minuti: sono le stesse per studenti, docenti e staff.",
                        "It takes ten minutes: they are the same for students, faculty and staff.",
                    ),
                ),
                (
                    (
                        "Attiva il badge dal portale studenti",
                        "Activate your badge on the student portal",
                    ),
                    None,
                ),
                (
                    (
                        "Prenota il posto per le lezioni della prima settimana",
                        "Book your seat for the first week’s classes",
                    ),
                    (
                        "Le prenotazioni chiudono alle 18 del giorno prima.",
                        "Bookings close at 6 pm the day before.",
                    ),
                ),
                (
                    (
                        "Se arrivi dall’estero, verifica le regole di ingresso in Italia",
                        "If you arrive from abroad, check the rules for entering Italy",
                    ),
                    None,
                ),
            ),
            callout(
                "important",
                ("Hai sintomi?", "Do you have symptoms?"),
                (
                    "Se hai febbre, tosse o hai avuto un contatto con un caso positivo, resta a "
                    "casa e segui la lezione online. Avvisa la segreteria studenti.",
                    "If you have a fever or a cough, or have been in contact with a positive "
                    "case, stay at home and follow the class online. Let the student office know.",
                ),
            ),
        ],
        after_reopening=[
            (
                "paragraph",
                t.rich(
                    (
                        "Aule, biblioteca, mensa e spazi studio sono aperti su prenotazione, dal "
                        "lunedì al venerdì dalle 8 alle 20.",
                        "Classrooms, the library, the canteen and the study areas are open by "
                        "booking, Monday to Friday from 8 am to 8 pm.",
                    ),
                    (
                        "Le regole di sicurezza restano in vigore: controlla le pagine qui sotto "
                        "prima di venire, perché possono cambiare.",
                        "The safety rules still apply: check the pages below before you come, "
                        "because they can change.",
                    ),
                ),
            ),
        ],
    )
    return page


def build_information(section, today, protocol):
    safety, _ = ensure_page(
        section,
        ReopeningInfoPage,
        t("regole-di-sicurezza", "safety-rules"),
        title=t("Regole di sicurezza in campus", "Safety rules on campus"),
        summary=t(
            "Mascherina, distanza, temperatura: cosa fare ogni giorno per entrare in campus.",
            "Masks, distance, temperature: what to do every day to enter the campus.",
        ),
        introduction=t(
            "Poche regole, uguali per tutti, che ci permettono di stare di nuovo insieme in aula.",
            "A few rules, the same for everyone, that let us be together in the classroom again.",
        ),
        last_reviewed_on=today - timedelta(days=10),
        review_interval_days=30,
        body=[
            callout(
                "mandatory",
                ("Mascherina obbligatoria", "Masks are mandatory"),
                (
                    "Indossa la mascherina dal momento in cui entri in campus, in tutti gli spazi "
                    "comuni e ogni volta che ti sposti.",
                    "Wear a mask from the moment you enter the campus, in every shared space and "
                    "whenever you move around.",
                ),
            ),
            checklist(
                ("Ogni giorno, prima di entrare", "Every day, before you come in"),
                (
                    ("Controlla di non avere sintomi", "Check that you have no symptoms"),
                    (
                        "Con febbre, tosse o raffreddore resta a casa e segui la lezione online.",
                        "With a fever, a cough or a cold, stay at home and follow the class online.",
                    ),
                ),
                (
                    (
                        "Fatti misurare la temperatura all’ingresso",
                        "Have your temperature checked at the entrance",
                    ),
                    (
                        "Oltre 37,5 °C non è possibile entrare.",
                        "Above 37.5 °C you cannot come in.",
                    ),
                ),
                (
                    (
                        "Igienizza le mani con il gel ai varchi",
                        "Sanitise your hands with the gel at the gates",
                    ),
                    None,
                ),
                (
                    ("Siediti solo ai posti segnati", "Sit only in the marked seats"),
                    (
                        "I posti sono distanziati di almeno un metro: non spostare sedie e banchi.",
                        "Seats are at least one metre apart: do not move chairs or desks.",
                    ),
                ),
            ),
            (
                "protocol_document",
                {
                    "document": protocol,
                    "title": t("Protocollo di sicurezza del campus", "Campus safety protocol"),
                    "description": t(
                        "Tutte le regole per studenti, docenti, staff e visitatori, in una pagina.",
                        "Every rule for students, faculty, staff and visitors, on one page.",
                    ),
                    "valid_from": next_reopening_date(today) - timedelta(days=21),
                },
            ),
            faq(
                (
                    (
                        "Devo portare la mascherina anche in aula?",
                        "Do I have to wear a mask in the classroom too?",
                    ),
                    (
                        "Sì, finché non sei seduto al tuo posto segnato. Quando ti alzi o ti sposti, "
                        "indossala di nuovo.",
                        "Yes, until you are sitting in your marked seat. When you stand up or move "
                        "around, put it on again.",
                    ),
                ),
                (
                    (
                        "Cosa succede se all’ingresso la mia temperatura supera 37,5 °C?",
                        "What happens if my temperature is above 37.5 °C at the entrance?",
                    ),
                    (
                        "Non puoi entrare. Torna a casa, contatta il tuo medico e segui la lezione "
                        "online; la segreteria studenti ti aiuta a recuperare le attività in aula.",
                        "You cannot come in. Go home, contact your doctor and follow the class "
                        "online; the student office helps you catch up on classroom activities.",
                    ),
                ),
            ),
        ],
        changes=changes(
            today,
            (
                30,
                (
                    "Pubblicato il protocollo di sicurezza del campus.",
                    "The campus safety protocol was published.",
                ),
            ),
            (
                10,
                (
                    "La temperatura ora si misura a tutti gli ingressi, non solo a quello principale.",
                    "Temperature is now checked at every entrance, not only the main one.",
                ),
            ),
        ),
    )
    access, _ = ensure_page(
        section,
        ReopeningInfoPage,
        t("accessi-e-prenotazioni", "access-and-seat-booking"),
        title=t("Accessi e prenotazione dei posti", "Access and seat booking"),
        summary=t(
            "Come prenotare il posto in aula e come si entra in campus con il badge.",
            "How to book your seat in class and how to enter the campus with your badge.",
        ),
        introduction=t(
            "Ogni posto in aula si prenota: così le aule non si riempiono troppo e sappiamo chi "
            "era presente, se servisse avvisarlo.",
            "Every seat in class is booked: this way classrooms never get too full and we know "
            "who was there, should we need to tell them.",
        ),
        last_reviewed_on=today - timedelta(days=45),
        review_interval_days=30,
        body=[
            checklist(
                ("Prenotare un posto in aula", "Booking a seat in class"),
                (("Accedi al portale studenti", "Sign in to the student portal"), None),
                (
                    ("Scegli il giorno e la lezione", "Choose the day and the class"),
                    (
                        "Le prenotazioni aprono due settimane prima.",
                        "Bookings open two weeks ahead.",
                    ),
                ),
                (
                    (
                        "Conferma il posto entro le 18 del giorno prima",
                        "Confirm your seat by 6 pm the day before",
                    ),
                    None,
                ),
                (
                    (
                        "All’ingresso passa il badge al varco",
                        "At the entrance, swipe your badge at the gate",
                    ),
                    (
                        "Il varco si apre solo se hai una prenotazione per quel giorno.",
                        "The gate opens only if you have a booking for that day.",
                    ),
                ),
            ),
            callout(
                "important",
                ("Non puoi venire?", "Cannot come?"),
                (
                    "Cancella la prenotazione almeno un’ora prima: il posto passa a chi è in lista "
                    "d’attesa.",
                    "Cancel your booking at least an hour before: the seat goes to someone on the "
                    "waiting list.",
                ),
            ),
            faq(
                (
                    (
                        "Entro quando devo prenotare il posto in aula?",
                        "By when do I have to book my seat in class?",
                    ),
                    (
                        "Entro le 18 del giorno prima della lezione, dal portale studenti.",
                        "By 6 pm the day before the class, on the student portal.",
                    ),
                ),
                (
                    (
                        "Posso entrare in campus senza prenotazione?",
                        "Can I come to campus without a booking?",
                    ),
                    (
                        "No: il varco controlla la prenotazione insieme al badge. Senza "
                        "prenotazione puoi seguire la lezione online.",
                        "No: the gate checks your booking together with your badge. Without a "
                        "booking you can follow the class online.",
                    ),
                ),
            ),
        ],
        changes=changes(
            today,
            (
                50,
                (
                    "Aperte le prenotazioni dei posti in aula dal portale studenti.",
                    "Seat booking opened on the student portal.",
                ),
            ),
            (
                45,
                (
                    "Le prenotazioni ora aprono due settimane prima di ogni lezione.",
                    "Bookings now open two weeks before each class.",
                ),
            ),
        ),
    )
    classes, _ = ensure_page(
        section,
        ReopeningInfoPage,
        t("lezioni-in-aula-e-online", "classes-in-person-and-online"),
        title=t("Lezioni in aula e online", "Classes in person and online"),
        summary=t(
            "Ogni lezione si tiene in aula e in diretta online: scegli come seguirla.",
            "Every class takes place in the classroom and live online: choose how to follow it.",
        ),
        introduction=t(
            "Da marzo a luglio abbiamo insegnato solo online. Ora uniamo le due cose: l’aula per "
            "chi può venire, la diretta per chi è lontano.",
            "From March to July we taught only online. Now we bring the two together: the "
            "classroom for those who can come, the live stream for those far away.",
        ),
        last_reviewed_on=today - timedelta(days=5),
        review_interval_days=30,
        body=[
            (
                "paragraph",
                t.rich(
                    (
                        "Tutte le aule hanno telecamere e microfoni: il docente vede e sente chi è "
                        "collegato, che può fare domande come chi è in aula.",
                        "Every classroom has cameras and microphones: the lecturer sees and hears "
                        "those who are connected, who can ask questions just like those in the room.",
                    ),
                ),
            ),
            callout(
                "info",
                ("Registrazioni", "Recordings"),
                (
                    "Ogni lezione viene registrata e resta disponibile sulla piattaforma del corso "
                    "fino alla fine del semestre.",
                    "Every class is recorded and stays available on the course platform until the "
                    "end of the semester.",
                ),
            ),
            faq(
                (
                    ("Le lezioni vengono registrate?", "Are classes recorded?"),
                    (
                        "Sì, ogni lezione ibrida viene trasmessa in diretta e registrata.",
                        "Yes, every hybrid class is streamed live and recorded.",
                    ),
                ),
                (
                    (
                        "Posso seguire tutto il corso online?",
                        "Can I follow the whole course online?",
                    ),
                    (
                        "Sì, in questo semestre la presenza in aula non è obbligatoria. Cancella le "
                        "prenotazioni che non usi, così il posto va a un altro studente.",
                        "Yes, this semester attending in person is not mandatory. Cancel the "
                        "bookings you do not use, so the seat goes to another student.",
                    ),
                ),
            ),
        ],
        changes=changes(
            today,
            (
                5,
                (
                    "Tutte le aule sono ora attrezzate per le lezioni ibride.",
                    "Every classroom is now equipped for hybrid classes.",
                ),
            ),
        ),
    )
    services, _ = ensure_page(
        section,
        ReopeningInfoPage,
        t("biblioteca-e-mensa", "library-and-canteen"),
        title=t("Servizi: biblioteca e mensa", "Services: library and canteen"),
        summary=t(
            "Biblioteca, mensa e spazi studio sono aperti su prenotazione.",
            "The library, the canteen and the study areas are open by booking.",
        ),
        introduction=t(
            "I servizi del campus riaprono con meno posti e turni prenotabili, per evitare code.",
            "Campus services reopen with fewer seats and bookable time slots, to avoid queues.",
        ),
        last_reviewed_on=today - timedelta(days=20),
        review_interval_days=14,
        body=[
            checklist(
                ("Usare la biblioteca", "Using the library"),
                (
                    ("Prenota un turno di studio", "Book a study slot"),
                    (
                        "Mattino o pomeriggio, dal portale studenti.",
                        "Morning or afternoon, on the student portal.",
                    ),
                ),
                (
                    (
                        "Chiedi i libri in prestito online",
                        "Request the books you want to borrow online",
                    ),
                    (
                        "Li ritiri al banco all’orario che ti indichiamo.",
                        "You collect them at the desk at the time we give you.",
                    ),
                ),
                (
                    (
                        "Restituisci i libri nel box all’ingresso",
                        "Return books in the box at the entrance",
                    ),
                    None,
                ),
            ),
            callout(
                "info",
                ("Mensa su turni", "Canteen in shifts"),
                (
                    "Il pranzo è servito in tre turni tra le 12 e le 14,30. Prenota il turno entro "
                    "le 10; è disponibile anche il pranzo da asporto.",
                    "Lunch is served in three shifts between 12 noon and 2.30 pm. Book your shift "
                    "by 10 am; take-away lunch is also available.",
                ),
            ),
            faq(
                (
                    (
                        "Come prenoto un posto in biblioteca?",
                        "How do I book a seat in the library?",
                    ),
                    (
                        "Dal portale studenti, scegliendo il turno del mattino o del pomeriggio.",
                        "On the student portal, choosing the morning or the afternoon slot.",
                    ),
                ),
            ),
        ],
        changes=changes(
            today,
            (
                25,
                (
                    "La biblioteca riapre il prestito con ritiro su appuntamento.",
                    "The library lends books again, collected by appointment.",
                ),
            ),
            (
                20,
                (
                    "La mensa offre anche il pranzo da asporto.",
                    "The canteen now also offers take-away lunch.",
                ),
            ),
        ),
    )
    international, _ = ensure_page(
        section,
        ReopeningInfoPage,
        t("arrivi-internazionali", "international-arrivals"),
        title=t("Arrivi internazionali", "International arrivals"),
        summary=t(
            "Cosa fare prima di partire e appena arrivi in Italia.",
            "What to do before you leave and as soon as you arrive in Italy.",
        ),
        introduction=t(
            "Le regole per chi arriva dall’estero cambiano spesso e dipendono dal paese di "
            "partenza: ti aiutiamo a orientarti.",
            "The rules for people arriving from abroad change often and depend on the country "
            "you leave from: we help you find your way.",
        ),
        last_reviewed_on=today - timedelta(days=3),
        review_interval_days=7,
        body=[
            callout(
                "mandatory",
                ("Regole nazionali", "National rules"),
                (
                    "Segui le regole nazionali in vigore per l’ingresso in Italia e verificale sui "
                    "siti ufficiali prima di partire: possono cambiare con poco preavviso.",
                    "Follow the national rules in force for entering Italy and check them on the "
                    "official websites before you travel: they can change at short notice.",
                ),
            ),
            checklist(
                ("Prima e dopo il viaggio", "Before and after your journey"),
                (
                    (
                        "Verifica le regole di ingresso pochi giorni prima di partire",
                        "Check the entry rules a few days before you leave",
                    ),
                    None,
                ),
                (
                    (
                        "Compila il modulo di arrivo della scuola",
                        "Fill in the school’s arrival form",
                    ),
                    (
                        "Ci dice quando arrivi, così possiamo aiutarti se ti servono supporto o un "
                        "alloggio.",
                        "It tells us when you arrive, so we can help if you need support or "
                        "accommodation.",
                    ),
                ),
                (
                    (
                        "Se devi restare in isolamento, segui le lezioni online",
                        "If you have to self-isolate, follow classes online",
                    ),
                    None,
                ),
                (
                    (
                        "Attiva il badge appena puoi venire in campus",
                        "Activate your badge as soon as you can come to campus",
                    ),
                    None,
                ),
            ),
            faq(
                (
                    (
                        "Devo fare la quarantena quando arrivo in Italia?",
                        "Do I have to quarantine when I arrive in Italy?",
                    ),
                    (
                        "Dipende dal paese da cui arrivi e dalle regole nazionali in vigore in quel "
                        "momento. Verificale prima di partire e scrivi all’International Office: "
                        "ti aiutiamo a organizzare l’arrivo.",
                        "It depends on the country you arrive from and on the national rules in "
                        "force at the time. Check them before you travel and write to the "
                        "International Office: we help you plan your arrival.",
                    ),
                ),
                (
                    (
                        "Posso iniziare le lezioni online se arrivo in ritardo?",
                        "Can I start classes online if I arrive late?",
                    ),
                    (
                        "Sì. Ogni lezione è disponibile anche online: inizi da dove sei e vieni in "
                        "aula quando arrivi.",
                        "Yes. Every class is also available online: you start from where you are "
                        "and come to the classroom when you arrive.",
                    ),
                ),
            ),
        ],
        changes=changes(
            today,
            (
                3,
                (
                    "Aggiunto il modulo di arrivo per chi viene dall’estero.",
                    "Arrival form added for students coming from abroad.",
                ),
            ),
        ),
    )
    contacts, _ = ensure_page(
        section,
        ReopeningInfoPage,
        t("contatti", "contacts"),
        title=t("Contatti", "Contacts"),
        summary=t(
            "A chi scrivere per prenotazioni, sicurezza e arrivi dall’estero.",
            "Who to write to about bookings, safety and arrivals from abroad.",
        ),
        introduction=t(
            "Scrivi all’ufficio giusto: ti rispondiamo entro due giorni lavorativi.",
            "Write to the right office: we answer within two working days.",
        ),
        last_reviewed_on=today - timedelta(days=60),
        review_interval_days=90,
        body=[
            (
                "contact_card",
                {
                    "name": t("Segreteria studenti", "Student office"),
                    "description": t(
                        "Prenotazioni, badge, lezioni e tutto ciò che non trovi in queste pagine.",
                        "Bookings, badges, classes and anything you cannot find on these pages.",
                    ),
                    "email": "servizi.studenti@som.polimi.it",
                    "phone": "",
                    "hours": t("Dal lunedì al venerdì, 9–17", "Monday to Friday, 9 am to 5 pm"),
                },
            ),
            (
                "contact_card",
                {
                    "name": t("Servizi del campus", "Campus services"),
                    "description": t(
                        "Sicurezza, aule, biblioteca e mensa.",
                        "Safety, classrooms, the library and the canteen.",
                    ),
                    "email": "campus@som.polimi.it",
                    "phone": "",
                    "hours": t("Dal lunedì al venerdì, 8–20", "Monday to Friday, 8 am to 8 pm"),
                },
            ),
            (
                "contact_card",
                {
                    "name": t("International Office", "International Office"),
                    "description": t(
                        "Visti, arrivi, alloggio e regole di ingresso in Italia.",
                        "Visas, arrivals, accommodation and the rules for entering Italy.",
                    ),
                    "email": "international@som.polimi.it",
                    "phone": "",
                    "hours": "",
                },
            ),
            faq(
                (
                    (
                        "A chi scrivo se non trovo la risposta qui?",
                        "Who do I write to if I cannot find the answer here?",
                    ),
                    (
                        "Alla segreteria studenti: ti risponde o ti indirizza all’ufficio giusto.",
                        "To the student office: they answer or direct you to the right office.",
                    ),
                ),
            ),
        ],
        changes=changes(
            today,
            (
                60,
                (
                    "Un indirizzo unico per tutte le domande sui servizi del campus.",
                    "One address for every question about campus services.",
                ),
            ),
        ),
    )
    return [safety, access, classes, services, international, contacts]


def build_faq(section):
    page, _ = ensure_page(
        section,
        ReopeningFaqPage,
        t("domande-frequenti", "frequently-asked-questions"),
        title=t("Domande frequenti", "Frequently asked questions"),
        summary=t(
            "Tutte le domande sulla riapertura, in una pagina.",
            "Every question about the reopening, on one page.",
        ),
        introduction=t(
            "Le risposte vengono dalle pagine di informazioni pratiche e si aggiornano con loro.",
            "The answers come from the practical information pages and are updated with them.",
        ),
    )
    return page


def build_banner(italian, section, reopening_date):
    message = t(
        "Il campus riapre il 14 settembre: prenota il tuo posto e leggi le regole di sicurezza "
        "prima di venire.",
        "The campus reopens on 14 September: book your seat and read the safety rules before "
        "you come.",
    )
    banner = AlertBanner.objects.filter(locale=italian, message=message).first()
    if banner is None:
        banner = AlertBanner.objects.create(
            locale=italian,
            message=message,
            link_page=section,
            link_label=t("Tutto su Nice to MIP You", "All about Nice to MIP You"),
            severity=AlertBanner.Severity.INFO,
            scope=AlertBanner.Scope.SITE,
            starts_at=timezone.now() - timedelta(days=1),
            ends_at=timezone.make_aware(
                datetime.combine(reopening_date + timedelta(days=30), time.min)
            ),
        )
    return banner


# English review dates that differ from the Italian ones, so the report can flag them.
ENGLISH_REVIEWED_DAYS_AGO = {"accessi-e-prenotazioni": 40, "biblioteca-e-mensa": 3}


def build(home):
    """The Italian section, its English translation and the banner; returns the landing
    page for the main menu."""
    italian, english = locales()
    today = timezone.localdate()
    section = build_landing(home, today)
    information = build_information(section, today, ensure_protocol_document())
    faq_page = build_faq(section)
    ensure_translation(section, english, t)
    for page in [*information, faq_page]:
        created = page.get_translation_or_none(english) is None
        translated = ensure_translation(page, english, t)
        if created and page.slug in ENGLISH_REVIEWED_DAYS_AGO:
            translated.last_reviewed_on = today - timedelta(
                days=ENGLISH_REVIEWED_DAYS_AGO[page.slug]
            )
            translated.save_revision().publish()
    banner = build_banner(italian, section, section.reopening_date)
    ensure_translation(banner, english, t)
    submit_pending_change(information)
    return {"menu": [section]}


# A change an editor has submitted and no reviewer has looked at yet: the reviewers find it
# on their dashboard (Wagtail's "Awaiting your review") the first time they log in.
PENDING_PAGE = "accessi-e-prenotazioni"
PENDING_INTRODUCTION = (
    "Prenota il tuo posto in aula dall’app del MIP fino a due giorni prima della lezione: "
    "i posti non confermati entro la sera precedente tornano disponibili."
)


def submit_pending_change(information):
    page = next((page for page in information if page.slug == PENDING_PAGE), None)
    if page is None or WorkflowState.objects.filter(object_id=str(page.pk)).exists():
        return
    # The section's review, not Wagtail's default workflow (the site setup runs it again).
    build_workflows()
    workflow = page.get_workflow()
    if workflow is None:
        return
    page = page.specific
    page.introduction = PENDING_INTRODUCTION
    page.save_revision()
    workflow.start(page, None)
