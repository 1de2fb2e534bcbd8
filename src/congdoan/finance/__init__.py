"""Members' dues (đoàn phí) and the employers' levy (kinh phí công đoàn)."""
