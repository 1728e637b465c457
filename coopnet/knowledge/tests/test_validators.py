import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from coopnet.knowledge.validators import validate_image, validate_pdf

from .factories import pdf_upload, png_upload


def test_a_real_pdf_passes():
    validate_pdf(pdf_upload())


def test_a_file_named_pdf_that_is_not_a_pdf_is_refused():
    fake = SimpleUploadedFile(
        "report.pdf", b"<html>not a pdf</html>", content_type="application/pdf"
    )
    with pytest.raises(ValidationError, match="must be a PDF"):
        validate_pdf(fake)


def test_a_pdf_with_another_name_is_refused():
    with pytest.raises(ValidationError, match="must be a PDF"):
        validate_pdf(pdf_upload(name="report.exe"))


def test_a_pdf_over_the_limit_is_refused(settings):
    settings.COOPNET_KNOWLEDGE_MAX_PDF_BYTES = 100
    with pytest.raises(ValidationError, match="too big"):
        validate_pdf(pdf_upload())


def test_an_empty_file_is_refused():
    with pytest.raises(ValidationError, match="empty"):
        validate_pdf(SimpleUploadedFile("a.pdf", b"", content_type="application/pdf"))


def test_images_are_read_by_pillow_not_trusted_by_name():
    validate_image(png_upload())
    with pytest.raises(ValidationError, match="must be an image"):
        validate_image(
            SimpleUploadedFile("photo.png", b"GIF89a nonsense", content_type="image/png")
        )


def test_an_image_over_the_limit_is_refused(settings):
    settings.COOPNET_KNOWLEDGE_MAX_IMAGE_BYTES = 10
    with pytest.raises(ValidationError, match="too big"):
        validate_image(png_upload())
