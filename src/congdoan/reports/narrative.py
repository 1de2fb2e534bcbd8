"""A Vietnamese paragraph from a report's figures, in the manner of the union's own articles:
every number is taken from the report; nothing is added that the records do not hold."""

from __future__ import annotations

from django.utils.translation import gettext as _

from congdoan.core.text import format_date, format_number
from congdoan.org.selectors import State
from congdoan.reports.figures import ActivityLine, Report
from congdoan.reports.money import money_label, money_words
from congdoan.reports.periods import describe_period

# How an activity type is told in a sentence; types a federation adds are told generically.
PHRASES = {
    "dialogue": "tổ chức {count} cuộc đối thoại",
    "agreement": "ký kết {count} thỏa ước lao động tập thể",
    "inspection": "thực hiện {count} cuộc kiểm tra, giám sát",
    "grievance": "tiếp nhận {count} kiến nghị của người lao động",
    "legal-advice": "tổ chức {count} buổi tư vấn pháp luật",
    "care": "thực hiện {count} hoạt động chăm lo",
    "initiative": "có {count} sáng kiến, sáng tạo",
    "event": "tổ chức {count} sự kiện, phong trào",
    "training": "tổ chức {count} lớp tập huấn",
}


def _measure(name: str, label: str, value: int) -> str:
    if name == "money":
        label, shown = money_label(label), money_words(value)
    else:
        shown = format_number(value)
    return f"{label[0].lower()}{label[1:]} {shown}"


def activity_clause(line: ActivityLine) -> str:
    count = format_number(line.count)
    template = PHRASES.get(line.kind.code)
    text = template.format(count=count) if template else f"{line.kind.name.lower()}: {count}"
    measures = [_measure(name, label, value) for name, label, value in line.measures() if value]
    return f"{text} ({', '.join(measures)})" if measures else text


def _within(start, end) -> str:
    """ "trong năm 2020", "trong 6 tháng đầu năm 2020" — or "từ ngày … đến ngày …" alone."""
    period = describe_period(start, end)
    return period if period.startswith(_("từ ngày")) else _("trong %(period)s") % {"period": period}


def _capitalised(text: str) -> str:
    return text[:1].upper() + text[1:]


def narrative(report: Report) -> str:
    period = _within(report.start, report.end)
    if report.state == State.NOT_YET:
        return _("%(unit)s chưa được thành lập %(period)s.") % {
            "unit": report.name,
            "period": period,
        }
    if report.state == State.ENDED_BEFORE:
        return _(
            "%(unit)s đã kết thúc hoạt động từ ngày %(day)s, trước kỳ báo cáo (%(period)s)."
        ) % {
            "unit": report.name,
            "day": format_date(report.unit.ended_on),
            "period": describe_period(report.start, report.end),
        }
    sentences = [_opening(report, period), _standing(report)]
    sentences += [s for s in (_referrals(report), _activities(report), _awards(report)) if s]
    if report.state == State.ENDED_DURING:
        sentences.append(
            _("Đơn vị kết thúc hoạt động từ ngày %(day)s; số liệu tính đến ngày %(last)s.")
            % {"day": format_date(report.unit.ended_on), "last": format_date(report.structure_day)}
        )
    return " ".join(sentences)


def _opening(report: Report, period: str) -> str:
    done = []
    if report.period.admitted:
        done.append(_("phát triển %(n)s đoàn viên") % {"n": format_number(report.period.admitted)})
    if report.period.grassroots_established:
        done.append(
            _("thành lập %(n)s công đoàn cơ sở")
            % {"n": format_number(report.period.grassroots_established)}
        )
    if not done:
        return _("%(period)s, %(unit)s chưa kết nạp đoàn viên mới.") % {
            "period": _capitalised(period),
            "unit": report.name,
        }
    return _("%(period)s, %(unit)s đã %(done)s.") % {
        "period": _capitalised(period),
        "unit": report.name,
        "done": ", ".join(done),
    }


def _standing(report: Report) -> str:
    figures = {
        "day": format_date(report.structure_day),
        "members": format_number(report.members.members),
        "women": format_number(report.members.women),
        "grassroots": format_number(report.grassroots_total),
    }
    if not report.members.members:
        return _("Đến ngày %(day)s, đơn vị chưa có đoàn viên.") % figures
    figures["women"] = (
        _(" (%(women)s nữ)") % {"women": figures["women"]} if report.members.women else ""
    )
    if report.grassroots_total:
        return (
            _(
                "Đến ngày %(day)s, toàn đơn vị có %(members)s đoàn viên%(women)s "
                "sinh hoạt tại %(grassroots)s công đoàn cơ sở."
            )
            % figures
        )
    return _("Đến ngày %(day)s, đơn vị có %(members)s đoàn viên%(women)s.") % figures


def _referrals(report: Report) -> str:
    referred, admitted = report.period.referred, report.period.referrals_admitted
    parts = []
    if referred:
        parts.append(
            _("Các cấp công đoàn đã giới thiệu %(n)s đoàn viên ưu tú để Đảng xem xét kết nạp")
            % {"n": format_number(referred)}
        )
    if admitted:
        parts.append(
            _("%(n)s đồng chí được giới thiệu đã được kết nạp vào Đảng")
            % {"n": format_number(admitted)}
        )
    planned = report.planning_introduced
    if planned:
        parts.append(
            _("đã giới thiệu %(n)s cán bộ công đoàn cho cấp ủy để đưa vào quy hoạch")
            % {"n": format_number(planned)}
        )
    return _capitalised("; ".join(parts)) + "." if parts else ""


def _activities(report: Report) -> str:
    clauses = [activity_clause(line) for line in report.activities if line.count]
    if not clauses:
        return ""
    text = "; ".join(clauses)
    return _("Trong kỳ, các cấp công đoàn đã %(done)s.") % {"done": text}


def _awards(report: Report) -> str:
    if not report.awards:
        return ""
    titles = ", ".join(f"{format_number(n)} {title}" for title, n in report.awards)
    return _("Được khen thưởng: %(titles)s.") % {"titles": titles}
