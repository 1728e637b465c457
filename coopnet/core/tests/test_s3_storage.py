"""Uploads kept in an S3-compatible bucket (`AWS_STORAGE_BUCKET_NAME`, docs/deployment.md).

The bucket is a real S3 server speaking HTTP on a local port (moto's server), reached through
django-storages and boto3 exactly as a production bucket is: the settings read from the same
environment variables, files named by their content, the same permission rule in front of them,
and the PDF renderer reading public images from the bucket.
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import boto3
import pytest
from django.conf import settings
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.test import Client, override_settings
from moto.server import ThreadedMotoServer
from PIL import Image

from coopnet.core.pdf_files import ProjectFiles, base_url
from coopnet.core.storage import ContentNamedS3Storage

BUCKET = "coopnet-media"
REGION = "eu-west-2"
KEYS = {"aws_access_key_id": "test-key", "aws_secret_access_key": "test-secret"}
PDF = b"%PDF-1.4\n% a plan\n%%EOF\n"


def png() -> bytes:
    buf = io.BytesIO()
    Image.new("RGB", (4, 4), "green").save(buf, "PNG")
    return buf.getvalue()


@pytest.fixture(scope="module")
def endpoint() -> Iterator[str]:
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    url = f"http://{host}:{port}"
    try:
        yield url
    finally:
        server.stop()


@pytest.fixture
def bucket(endpoint: str) -> Iterator[Any]:
    s3 = boto3.resource("s3", endpoint_url=endpoint, region_name=REGION, **KEYS)
    made = s3.create_bucket(Bucket=BUCKET, CreateBucketConfiguration={"LocationConstraint": REGION})
    try:
        yield made
    finally:
        made.objects.all().delete()
        made.delete()


def _environment(endpoint: str) -> dict[str, str]:
    return {
        "AWS_STORAGE_BUCKET_NAME": BUCKET,
        "AWS_S3_ENDPOINT_URL": endpoint,
        "AWS_S3_REGION_NAME": REGION,
        "AWS_ACCESS_KEY_ID": KEYS["aws_access_key_id"],
        "AWS_SECRET_ACCESS_KEY": KEYS["aws_secret_access_key"],
    }


def test_production_settings_store_uploads_in_the_bucket_the_environment_names(bucket, endpoint):
    """Only environment variables, as an installation sets them: nothing else configures S3."""
    script = (
        "import django, json; django.setup()\n"
        "from django.core.files.base import ContentFile\n"
        "from django.core.files.storage import default_storage\n"
        f"name = default_storage.save('papers/plan.txt', ContentFile({PDF!r}))\n"
        "print(json.dumps([type(default_storage._wrapped).__name__, name]))\n"
    )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "DJANGO_"))},
        **_environment(endpoint),
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "s3-test-" + "x" * 50,
        "DATABASE_URL": "sqlite:///:memory:",
    }
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    backend, name = json.loads(done.stdout.strip().splitlines()[-1])
    assert backend == "ContentNamedS3Storage"
    # Named by what the content is (a PDF), not by the name it came with.
    assert name == "papers/plan.pdf"
    stored = bucket.Object(name).get()["Body"].read()
    assert stored == PDF


@pytest.fixture
def s3_storage(bucket, endpoint, settings) -> Iterator[None]:
    """The storage exactly as config/settings/base.py builds it from the environment."""
    storages = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "coopnet.core.storage.ContentNamedS3Storage",
            "OPTIONS": _base_options(endpoint),
        },
    }
    with override_settings(STORAGES=storages):
        yield


def _base_options(endpoint: str) -> dict[str, Any]:
    """The storage options config/settings/base.py builds from the environment."""
    script = (
        "import json\n"
        "from config.settings import base\n"
        "print(json.dumps(base.STORAGES['default'].get('OPTIONS', {})))\n"
    )
    env = {
        **{k: v for k, v in os.environ.items() if not k.startswith("AWS_")},
        **_environment(endpoint),
    }
    done = subprocess.run(
        [sys.executable, "-c", script],
        cwd=Path(settings.BASE_DIR),
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return json.loads(done.stdout)


@pytest.mark.django_db
def test_two_uploads_of_the_same_name_are_two_objects(s3_storage, bucket):
    first = default_storage.save("plans/plan.pdf", ContentFile(PDF))
    second = default_storage.save("plans/plan.pdf", ContentFile(PDF + b"% two\n"))
    assert isinstance(default_storage._wrapped, ContentNamedS3Storage)
    assert first != second
    keys = sorted(item.key for item in bucket.objects.filter(Prefix="plans/"))
    assert keys == sorted([first, second])
    assert bucket.Object(first).get()["Body"].read() == PDF


@pytest.mark.django_db
def test_a_file_in_the_bucket_is_served_under_its_record_rule(s3_storage, bucket):
    from coopnet.knowledge.models import CaseStudy, CaseStudyAttachment
    from coopnet.knowledge.tests.factories import CaseStudyFactory

    published = CaseStudyAttachment(
        case_study=CaseStudyFactory.create(state=CaseStudy.State.PUBLISHED), title="Plan"
    )
    published.file.save("plan.html", ContentFile(PDF))
    draft = CaseStudyAttachment(
        case_study=CaseStudyFactory.create(state=CaseStudy.State.DRAFT), title="Draft"
    )
    draft.file.save("draft.pdf", ContentFile(PDF))
    assert published.file.name.endswith(".pdf")  # named by content in the bucket too
    assert bucket.Object(published.file.name).get()["Body"].read() == PDF

    visitor = Client()
    response = visitor.get(settings.MEDIA_URL + published.file.name)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert b"".join(response.streaming_content) == PDF

    refused = visitor.get(settings.MEDIA_URL + draft.file.name)
    assert refused.status_code in (302, 403)
    assert PDF not in refused.content


@pytest.mark.django_db
def test_the_pdf_renderer_reads_a_public_image_from_the_bucket(s3_storage, bucket):
    from coopnet.knowledge.models import CaseStudy, CaseStudyImage
    from coopnet.knowledge.tests.factories import CaseStudyFactory

    image = CaseStudyImage(
        case_study=CaseStudyFactory.create(state=CaseStudy.State.PUBLISHED), alt_text="A hub"
    )
    picture = png()
    image.image.save("hub.png", ContentFile(picture))
    fetched = ProjectFiles().fetch(base_url() + settings.MEDIA_URL.lstrip("/") + image.image.name)
    assert fetched.read() == picture
    assert fetched.headers["Content-Type"] == "image/png"
