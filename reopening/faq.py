"""Questions and answers gathered from FAQ blocks, and the schema.org FAQPage data that
lets search engines show them."""

import json

from django.utils.safestring import mark_safe

# The characters that could end a <script> element or open a comment, escaped the way
# Django's json_script does: the JSON stays valid and the HTML stays closed.
SCRIPT_ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


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


def ld_json(data):
    """JSON safe to place inside <script type="application/ld+json">."""
    return mark_safe(json.dumps(data, ensure_ascii=False).translate(SCRIPT_ESCAPES))


def faq_json_ld(items, language, url=None):
    """The FAQPage JSON-LD for these items, or None when there are none."""
    return ld_json(faq_page_data(items, language, url)) if items else None
