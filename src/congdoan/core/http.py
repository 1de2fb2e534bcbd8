"""Files handed to the browser: one place for the download headers and the office types."""

from urllib.parse import quote

from django.http import HttpResponse

XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
DOCX_TYPE = "application/vnd.openxmlformats-officedocument.wordprocessingml.document"


def file_response(body: bytes | str, content_type: str, filename: str, *, inline: bool = False):
    """The body as a download (or shown in the browser with `inline`), under `filename`."""
    response = HttpResponse(body, content_type=content_type)
    disposition = "inline" if inline else "attachment"
    response["Content-Disposition"] = f'{disposition}; filename="{quote(filename)}"'
    return response
