"""Image uploads refused with a form error, never a server error or a memory spike.

Wagtail's image field checks the file's size and format, then its pixels, but it counts the
pixels by decoding the whole image: a small file declaring huge dimensions (a decompression
bomb) is decoded before it is refused, and a truncated file raises an error instead of
failing validation. This field reads the declared dimensions from the file's header first,
and turns a decoding failure into the form's "not a valid image" error.
"""

import warnings

from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

# What Pillow raises for a file it cannot read or decode to the end.
DECODING_ERRORS = (OSError, SyntaxError, ValueError, EOFError)


def declared_pixels(file):
    """Width x height as the file's header states them, nothing decoded (None if Pillow
    refuses to open it because the count is beyond its own limit)."""
    file.seek(0)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
            with PILImage.open(file) as image:
                width, height = image.size
    except PILImage.DecompressionBombError:
        return None
    finally:
        file.seek(0)
    return width * height


class ImageUploadField(WagtailImageField):
    def check_image_pixel_size(self, f):
        if f.image.format_name != "svg" and self.max_image_pixels is not None:
            try:
                pixels = declared_pixels(f)
            except DECODING_ERRORS as error:
                raise self.invalid_image() from error
            if pixels is None or pixels > self.max_image_pixels:
                raise ValidationError(
                    self.error_messages["file_too_many_pixels"],
                    code="file_too_many_pixels",
                    params={
                        # Beyond Pillow's own limit the header is not even read to the end.
                        "num_pixels": pixels or f"> {PILImage.MAX_IMAGE_PIXELS * 2}",
                        "max_pixels_count": self.max_image_pixels,
                    },
                )
        try:
            super().check_image_pixel_size(f)  # decodes the image: a truncated one fails here
        except DECODING_ERRORS as error:
            raise self.invalid_image() from error

    def invalid_image(self):
        return ValidationError(self.error_messages["invalid_image"], code="invalid_image")


class ImageForm(BaseImageForm):
    """The admin's image form (WAGTAILIMAGES_IMAGE_FORM_BASE), with the upload checks above."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail builds the file field itself (label, widget, help text from the settings);
        # it is given the stricter checks as is, since a field declared here would also
        # reappear in the multiple uploader's edit form, which excludes the file.
        field = self.fields.get("file")
        if field is not None and type(field) is WagtailImageField:
            field.__class__ = ImageUploadField
