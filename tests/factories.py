"""Factories for pages and snippets. Pages are created under a parent with
`Factory(parent=...)` and are live unless told otherwise."""

import factory
import wagtail_factories

from home.models import FooterContent, HomePage, NavigationMenu, StandardPage


class HomePageFactory(wagtail_factories.PageFactory):
    title = "MIP"
    hero_heading = "Benvenuti"

    class Meta:
        model = HomePage


class StandardPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Pagina {n}")
    summary = "Una pagina di prova."
    body = wagtail_factories.StreamFieldFactory({})

    class Meta:
        model = StandardPage


class NavigationMenuFactory(factory.django.DjangoModelFactory):
    name = "Menu"

    class Meta:
        model = NavigationMenu


class FooterContentFactory(factory.django.DjangoModelFactory):
    name = "Footer"

    class Meta:
        model = FooterContent


class TopicFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Tema {n}")
    slug = factory.Sequence(lambda n: f"tema-{n}")

    class Meta:
        model = "hub.Topic"


class SpeakerFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Persona {n}")
    slug = factory.Sequence(lambda n: f"persona-{n}")
    role = "Docente"
    organisation = "MIP Politecnico di Milano"

    class Meta:
        model = "hub.Speaker"
