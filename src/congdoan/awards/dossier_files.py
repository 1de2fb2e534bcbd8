"""The dossiers' files are where the signature checks find a PDF's bytes again (a trust root
added: signing.rechecks)."""

from __future__ import annotations

from congdoan.awards.models import Attachment
from congdoan.signing.rechecks import pdf_store


@pdf_store
def dossier_pdfs(hashes: list[str]) -> dict[str, bytes]:
    rows = Attachment.objects.filter(sha256__in=hashes).values_list("sha256", "data")
    return {sha: bytes(data) for sha, data in rows}
