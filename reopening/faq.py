"""Questions and answers gathered from FAQ blocks, and the schema.org FAQPage data that
lets search engines show them."""

from home.seo.urls import absolute_url


def faq_items(stream):
    """The question/answer values of every FAQ block in a stream, in page order."""
    return [
        item for block in stream or [] if block.block_type == "faq" for item in block.value["items"]
    ]


def faq_page_data(items, language, url=None):
    """A schema.org FAQPage in `language`, one Question per item, answers as HTML."""
    data = {
        "@context": "https://schema.org",
        "@type": "FAQPage",
        "inLanguage": language,
        "mainEntity": [
            {
                "@type": "Question",
                "name": item["question"],
                "acceptedAnswer": {"@type": "Answer", "text": str(item["answer"]).strip()},
            }
            for item in items
        ],
    }
    if url:
        data["url"] = url
    return data


def faq_structured_data(page, request, items):
    """`structured_data` of a page that publishes these questions: one FAQPage, or nothing
    when there are none."""
    if not items:
        return []
    url = absolute_url(request, page.get_url(request))
    return [faq_page_data(items, page.language_code, url)]
