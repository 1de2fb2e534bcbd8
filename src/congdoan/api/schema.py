"""What the OpenAPI schema says beyond the serializers: the Bearer scheme, the problem+json
refusals every endpoint may answer, and the Idempotency-Key header of every POST. Every text
is Vietnamese then English, through gettext (the English catalogue translates it, and the
schema with ?lang=en is English)."""

from __future__ import annotations

from django.utils.translation import gettext_lazy as _
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers

from congdoan.api.idempotency import HEADER, IDEMPOTENCY_PARAMETER_DESCRIPTION
from congdoan.api.problems import PROBLEM


class BearerScheme(OpenApiAuthenticationExtension):
    target_class = "congdoan.api.authentication.BearerTokenAuthentication"
    name = "bearer"

    def get_security_definition(self, auto_schema):
        return {
            "type": "http",
            "scheme": "bearer",
            "description": str(
                _(
                    "Mã truy cập cá nhân, tạo ở trang Tài khoản → Mã truy cập API, hoặc bằng "
                    "lệnh `congdoan api token`; mã mang đúng vai trò và phạm vi của người dùng "
                    "/ a personal access token, made on the account page or with `congdoan "
                    "api token`; it acts with its user's roles and scope."
                )
            ),
        }


class ProblemSerializer(serializers.Serializer):
    type = serializers.CharField(help_text=_("Loại lỗi (about:blank) / the problem type."))
    title = serializers.CharField(help_text=_("Tên lỗi / the problem's title."))
    status = serializers.IntegerField(help_text=_("Mã trạng thái HTTP / the HTTP status."))
    detail = serializers.CharField(
        help_text=_("Lý do, bằng tiếng Việt / the reason, in Vietnamese (English on request).")
    )
    errors = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text=_("Lý do theo từng trường (dữ liệu sai) / reasons by field (bad input)."),
    )


ERRORS = {
    400: _("Dữ liệu không hợp lệ: lý do ở `detail` và `errors` / bad input."),
    401: _(
        "Thiếu mã truy cập, hoặc mã không hợp lệ, hết hạn hay đã thu hồi / no token, or a token "
        "unknown, expired or revoked."
    ),
    403: _(
        "Vai trò không cho phép, hoặc mã chỉ đọc gửi yêu cầu thay đổi / the role does not allow "
        "it, or a read-only token sent a change."
    ),
    404: _(
        "Không có, hoặc ngoài phạm vi của người dùng: hai trường hợp trả lời như nhau / missing, "
        "or outside the user's scope: both answer the same."
    ),
    409: _("Yêu cầu cùng Idempotency-Key đang chạy / a request with the same key is running."),
    415: _("Kiểu nội dung không được nhận / unsupported content type."),
    422: _("Idempotency-Key đã dùng cho yêu cầu khác / the key was used for another request."),
    429: _("Vượt giới hạn số yêu cầu của mã truy cập / over the token's rate limit."),
}
READ_ERRORS = (400, 401, 403, 404, 429)
WRITE_ERRORS = (400, 401, 403, 404, 409, 415, 422, 429)


def problems(codes=READ_ERRORS) -> dict:
    return {
        (code, PROBLEM): OpenApiResponse(ProblemSerializer, description=ERRORS[code])
        for code in codes
    }


IDEMPOTENCY_KEY = OpenApiParameter(
    HEADER,
    str,
    OpenApiParameter.HEADER,
    required=False,
    description=IDEMPOTENCY_PARAMETER_DESCRIPTION,
)


def read(
    summary, description, response, *, parameters=None, tags=None, codes=READ_ERRORS, auth=None
):
    """The schema of a read endpoint: its answer and every refusal (`auth=[]`: public)."""
    return extend_schema(
        summary=summary,
        description=description,
        parameters=parameters,
        responses={200: response, **problems(codes)},
        tags=tags,
        auth=auth,
    )


def write(summary, description, request, response, *, status=201, tags=None, media=None):
    """The schema of a POST: its body, its answer, the Idempotency-Key and every refusal."""
    return extend_schema(
        summary=summary,
        description=description,
        request=request if media is None else {media: request},
        parameters=[IDEMPOTENCY_KEY],
        responses={status: response, **problems(WRITE_ERRORS)},
        tags=tags,
    )
