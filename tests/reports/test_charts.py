"""Every chart has a visible title and says what it counts; line charts caption both axes."""

import re

from congdoan.reports.charts import bar_chart, line_chart, share_chart

CHARTS = {
    "bar": bar_chart([("Công đoàn A", 1234)], "Đoàn viên theo đơn vị", "số đoàn viên"),
    "share": share_chart([("Khu vực <1>", 3), ("Khác", 1)], "Theo khu vực", "số công đoàn"),
    "line": line_chart(
        [("Kết nạp 2026", [1, 2])], ["T1", "T2"], "Theo tháng", x_caption="Tháng", y_caption="Số"
    ),
}


def _visible_text(html: str) -> str:
    html = re.sub(r"<title>.*?</title>", "", html)  # tooltips are not visible
    return re.sub(r"<[^>]+>", " ", html)


def test_each_chart_shows_its_title_and_what_it_counts():
    for kind, html in CHARTS.items():
        assert "<figcaption>" in html, kind
        assert html.index("<figcaption>") < html.index("<svg"), kind
    assert "Đoàn viên theo đơn vị" in _visible_text(CHARTS["bar"])
    assert "số đoàn viên" in _visible_text(CHARTS["bar"])
    assert "1.234" in _visible_text(CHARTS["bar"])
    assert "số công đoàn" in _visible_text(CHARTS["share"])


def test_line_charts_caption_both_axes():
    text = _visible_text(CHARTS["line"])
    assert "Tháng" in text and "Số" in text


def test_labels_are_escaped():
    assert "Khu vực <1>" not in CHARTS["share"] and "Khu vực &lt;1&gt;" in CHARTS["share"]
