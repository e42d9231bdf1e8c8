"""The frame of the site: home pages, plain pages, navigation and footer, in both languages."""

from wagtail.models import Page, Site

from home.models import (
    FooterContent,
    HomePage,
    NavigationMenu,
    OrganisationSettings,
    StandardPage,
)

from . import Bilingual, ensure_image, ensure_page, ensure_translation, locales

t = Bilingual()


def build_home(italian):
    """The Italian home page, made the default Site's root in place of Wagtail's welcome page."""
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=italian, depth=2).first()
    if home is None:
        welcome = (
            Page.objects.filter(depth=2, slug="home")
            .exclude(content_type__model="homepage")
            .first()
        )
        if welcome is not None:
            welcome.slug = "wagtail-welcome"
            welcome.save(update_fields=["slug"])
        home = HomePage(
            title=t("MIP Politecnico di Milano", "MIP Politecnico di Milano"),
            slug=t("home", "home"),
            locale=italian,
            seo_title=t(
                "KeepONLearning e Nice to MIP You",
                "KeepONLearning and Nice to MIP You",
            ),
            search_description=t(
                "La conoscenza che il MIP ha condiviso online durante la chiusura del campus, "
                "e tutto ciò che serve per tornare in aula in sicurezza a settembre.",
                "The knowledge MIP shared online while the campus was closed, and all you need "
                "to come back to the classroom safely in September.",
            ),
            hero_heading=t("Non abbiamo mai smesso di imparare", "We never stopped learning"),
            hero_intro=t(
                "Da marzo a luglio KeepONLearning ha portato online webinar, corsi, talk e "
                "strumenti per studenti, aziende e partner. A settembre ci rivediamo in aula.",
                "From March to July KeepONLearning brought webinars, courses, talks and tools "
                "online for students, companies and partners. In September we meet again "
                "in the classroom.",
            ),
            body=[
                (
                    "heading",
                    {
                        "text": t(
                            "Una comunità che ha continuato a crescere",
                            "A community that kept growing",
                        ),
                        "level": "h2",
                    },
                ),
                (
                    "paragraph",
                    t.rich(
                        (
                            "Nell’ultima settimana di febbraio tutta l’offerta formativa del MIP è "
                            "passata online, senza interrompere nessun corso. Il 18 marzo è nato "
                            "KeepONLearning.",
                            "In the last week of February all of MIP’s teaching moved online, "
                            "without interrupting a single course. On 18 March KeepONLearning "
                            "was born.",
                        ),
                        (
                            "Oltre 90 webinar live, più di 20.000 partecipanti e visite al sito "
                            "cresciute di oltre il 60% rispetto allo stesso periodo dell’anno "
                            "precedente.",
                            "More than 90 live webinars, over 20,000 participants, and visits to "
                            "the website up by more than 60% on the same period of the year "
                            "before.",
                        ),
                    ),
                ),
            ],
        )
        root.add_child(instance=home)
        home.save_revision().publish()
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    site.hostname = site.hostname or "localhost"
    site.port = site.port or 80
    site.site_name = "MIP Politecnico di Milano"
    site.root_page = home
    site.save()
    Page.objects.filter(depth=2, slug="wagtail-welcome").delete()
    return home


def build_standard_pages(home):
    image = ensure_image("Campus MIP Bovisa")
    about, _ = ensure_page(
        home,
        StandardPage,
        t("chi-siamo", "about-us"),
        title=t("Chi siamo", "About us"),
        summary=t(
            "Il MIP è la business school del Politecnico di Milano.",
            "MIP is the business school of Politecnico di Milano.",
        ),
        introduction=t(
            "Il MIP forma manager e professionisti e condivide conoscenza con le aziende "
            "e i partner che lo accompagnano.",
            "MIP educates managers and professionals and shares knowledge with the companies "
            "and partners that stand beside it.",
        ),
        listing_image=image,
        body=[
            (
                "heading",
                {"text": t("Quando il campus ha chiuso", "When the campus closed"), "level": "h2"},
            ),
            (
                "paragraph",
                t.rich(
                    (
                        "Alla fine di febbraio abbiamo trasferito online tutti i corsi in pochi "
                        "giorni. È stato possibile perché da anni investiamo nel digital learning.",
                        "At the end of February we moved every course online in a few days. It "
                        "was possible because we have invested in digital learning for years.",
                    ),
                    (
                        "Due settimane dopo abbiamo aperto KeepONLearning a tutta la nostra "
                        "comunità: studenti, alumni, aziende, docenti e partner.",
                        "Two weeks later we opened KeepONLearning to our whole community: "
                        "students, alumni, companies, faculty and partners.",
                    ),
                ),
            ),
            (
                "image",
                {
                    "image": image,
                    "alt_text": t(
                        "Illustrazione con il marchio del MIP Politecnico di Milano",
                        "Illustration with the MIP Politecnico di Milano name",
                    ),
                    "caption": t(
                        "Il campus del MIP a Milano Bovisa.", "The MIP campus in Milano Bovisa."
                    ),
                },
            ),
            (
                "quote",
                {
                    "quote": t(
                        "Condividere conoscenza al servizio dei nostri stakeholder è la nostra missione.",
                        "Sharing knowledge in the service of our stakeholders is our mission.",
                    ),
                    "attribution": t("La missione del MIP", "MIP’s mission"),
                },
            ),
            (
                "heading",
                {
                    "text": t("Settembre: Nice to MIP You", "September: Nice to MIP You"),
                    "level": "h2",
                },
            ),
            (
                "paragraph",
                t.rich(
                    (
                        "A settembre il campus riapre in piena sicurezza a persone che arrivano da "
                        "tutto il mondo, con tutto ciò che abbiamo imparato in questi mesi.",
                        "In September the campus reopens, fully safe, to people arriving from all "
                        "over the world, with everything we have learned in these months.",
                    ),
                ),
            ),
        ],
    )
    accessibility, _ = ensure_page(
        home,
        StandardPage,
        t("accessibilita", "accessibility"),
        title=t("Accessibilità", "Accessibility"),
        summary=t(
            "Come rendiamo questo sito utilizzabile da tutte e tutti.",
            "How we make this website usable by everyone.",
        ),
        introduction=t(
            "Vogliamo che chiunque possa leggere, ascoltare e usare questo sito, con qualunque "
            "dispositivo e tecnologia assistiva.",
            "We want anyone to be able to read, listen to and use this website, with any device "
            "and any assistive technology.",
        ),
        body=[
            ("heading", {"text": t("Il nostro obiettivo", "Our target"), "level": "h2"}),
            (
                "paragraph",
                t.rich(
                    (
                        "Il sito segue le Web Content Accessibility Guidelines 2.2 al livello AA: "
                        "testi alternativi per le immagini, contrasto sufficiente, navigazione "
                        "completa da tastiera e pagine che funzionano anche senza JavaScript.",
                        "The website follows the Web Content Accessibility Guidelines 2.2 at level "
                        "AA: alternative text for images, sufficient contrast, full keyboard "
                        "navigation and pages that work without JavaScript.",
                    ),
                ),
            ),
            (
                "heading",
                {"text": t("Segnalaci un problema", "Tell us about a problem"), "level": "h2"},
            ),
            (
                "paragraph",
                t.rich(
                    (
                        "Se una pagina non è accessibile per te, scrivici indicando l’indirizzo "
                        "della pagina: ti risponderemo e la correggeremo.",
                        "If a page is not accessible to you, write to us with the address of the "
                        "page: we will answer and fix it.",
                    ),
                ),
            ),
        ],
    )
    privacy, _ = ensure_page(
        home,
        StandardPage,
        t("privacy", "privacy"),
        title=t("Privacy", "Privacy"),
        summary=t(
            "Quali dati raccoglie questo sito e perché.",
            "Which data this website collects and why.",
        ),
        introduction=t(
            "Questo sito non usa cookie di profilazione e non traccia chi lo visita.",
            "This website uses no profiling cookies and does not track its visitors.",
        ),
        body=[
            (
                "paragraph",
                t.rich(
                    (
                        "Le pagine pubbliche non impostano cookie. I cookie tecnici servono solo "
                        "alla redazione per accedere all’area riservata.",
                        "Public pages set no cookies. Technical cookies are used only by the "
                        "editorial team to sign in to the restricted area.",
                    ),
                    (
                        "Le preferenze che esprimi sul sito, come un avviso chiuso, restano nel tuo "
                        "browser e non ci vengono inviate.",
                        "Choices you make on the site, such as a dismissed notice, stay in your "
                        "browser and are never sent to us.",
                    ),
                ),
            ),
        ],
    )
    return {"about": about, "accessibility": accessibility, "privacy": privacy}


def link(page, label=""):
    return ("link", {"page": page, "url": "", "label": label})


def build_snippets(italian, pages, menu_pages):
    """The menu lists `menu_pages` (Italian pages, in order) then the about page."""
    menu = NavigationMenu.objects.filter(locale=italian).first()
    if menu is None:
        menu = NavigationMenu.objects.create(
            locale=italian,
            name=t("Menu principale", "Main menu"),
            items=[link(page) for page in [*menu_pages, pages["about"]]],
        )
    footer = FooterContent.objects.filter(locale=italian).first()
    if footer is None:
        footer = FooterContent.objects.create(
            locale=italian,
            name=t("Piè di pagina", "Site footer"),
            about=t.rich(
                (
                    "La business school del Politecnico di Milano: master, executive education "
                    "e formazione per le imprese.",
                    "The business school of Politecnico di Milano: masters, executive education "
                    "and training for companies.",
                ),
            ),
            address=t(
                "Via Raffaele Lambruschini 4/C, 20156 Milano",
                "Via Raffaele Lambruschini 4/C, 20156 Milan, Italy",
            ),
            links=[link(pages["about"]), link(pages["accessibility"]), link(pages["privacy"])],
            copyright=t(
                "© MIP Politecnico di Milano. Tutti i diritti riservati.",
                "© MIP Politecnico di Milano. All rights reserved.",
            ),
        )
    return menu, footer


def build_organisation(home):
    """Who publishes the site, for search engines: the school's address and profiles."""
    site = Site.objects.get(root_page=home)
    organisation = OrganisationSettings.for_site(site)
    if organisation.street_address:
        return organisation
    organisation.name = "MIP Politecnico di Milano"
    organisation.website = "https://www.som.polimi.it/"
    organisation.logo = ensure_image("MIP Politecnico di Milano", size=(512, 512))
    organisation.street_address = "Via Raffaele Lambruschini 4/C"
    organisation.postal_code = "20156"
    organisation.locality = "Milano"
    organisation.country = "IT"
    organisation.same_as = "https://it.wikipedia.org/wiki/MIP_Politecnico_di_Milano"
    organisation.save()
    return organisation


def build_pages():
    """The Italian home and plain pages with their English translations."""
    italian, english = locales()
    home = build_home(italian)
    build_organisation(home)
    pages = build_standard_pages(home)
    ensure_translation(home, english, t)
    for page in pages.values():
        ensure_translation(page, english, t)
    return {"home": home, **pages}


def build_frame(pages, menu_pages=()):
    """Navigation and footer in both languages, once every page they link to exists."""
    italian, english = locales()
    menu, footer = build_snippets(italian, pages, list(menu_pages))
    ensure_translation(menu, english, t)
    ensure_translation(footer, english, t)
    return {"menu": menu, "footer": footer}
